/**
 * The samspil command line itself: help for every command, --version, exit codes and
 * one-line messages, and that help and `analyze` do not load the server's heavy modules.
 * No database is opened here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const dir = mkdtempSync(path.join(tmpdir(), 'samspil-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s.endsWith('\n') ? s : `${s}\n`),
    stderr: (s) => void (stderr += s.endsWith('\n') ? s : `${s}\n`),
  });
  return { code, stdout, stderr };
}

/** Every command with the options (and arguments) its help must name. */
const COMMANDS: Record<string, string[]> = {
  serve: [],
  demo: [],
  'import-org': ['<FILE>', '--municipality <SLUG>', '--as <EMAIL>', '--dry-run'],
  'import-responses': [
    '<MEASUREMENT>',
    '<FILE>',
    '--municipality <SLUG>',
    '--as <EMAIL>',
    '--dry-run',
  ],
  'create-municipality': [
    '--name <NAME>',
    '--slug <SLUG>',
    '--admin-email <EMAIL>',
    '--admin-name <NAME>',
    'SAMSPIL_ADMIN_PASSWORD',
  ],
  analyze: ['<FILE>', '--json', '--min-group <N>', '--high <X>', '--low <Y>'],
  backup: ['<FILE>'],
  restore: ['<FILE>', '--force'],
  'migrate-to-postgres': ['<URL>'],
};

describe('samspil --help and --version', () => {
  it('lists every command', async () => {
    const { code, stdout, stderr } = await run('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const name of Object.keys(COMMANDS)) expect(stdout).toContain(`  ${name}`);
    expect(stdout).toContain('Exit codes: 0 done, 1 failed, 2 wrong usage');
  });

  for (const [name, options] of Object.entries(COMMANDS)) {
    it(`samspil ${name} --help names its options and exits 0`, async () => {
      const { code, stdout, stderr } = await run(name, '--help');
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain(`Usage: samspil ${name}`);
      for (const option of [...options, '-h, --help']) expect(stdout).toContain(option);
      // `samspil help COMMAND` says the same.
      expect((await run('help', name)).stdout).toBe(stdout);
    });
  }

  it('--version prints the package version', async () => {
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await run(flag);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(version);
    }
  });

  it('without a command shows the help on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await run();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: samspil');
  });
});

describe('samspil usage errors and failures', () => {
  it('an unknown option, command or missing argument: one line, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['import-responses', 'm', 'f.csv', '--municipality', 'x', '--bogus'],
        /^samspil import-responses: unknown option '--bogus' \(see samspil import-responses --help\)$/,
      ],
      [['anlyze', 'x.csv'], /^samspil: unknown command 'anlyze' \(Did you mean analyze\?\)/],
      [['backup'], /^samspil backup: missing required argument 'FILE'/],
      [['restore', 'a', 'b'], /^samspil restore: too many arguments/],
      [['analyze', 'x.csv', '--high'], /^samspil analyze: option '--high <X>' argument missing/],
      [
        ['create-municipality', '--name', 'N'],
        /^samspil create-municipality: required option '--slug <SLUG>' not specified/,
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(stderr.trimEnd()).toMatch(message);
    }
  });

  it('a file that does not exist: one line, exit 1', async () => {
    const missing = path.join(dir, 'missing.csv');
    for (const argv of [
      ['analyze', missing],
      ['import-org', missing, '--municipality', 'demo'],
    ]) {
      const { code, stderr } = await run(...argv);
      expect(code, argv.join(' ')).toBe(1);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toContain(missing);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('the built samspil command', () => {
  const bin = path.join(root, 'bin/samspil.js');
  const built = path.join(root, 'dist/server/src/cli/bin.js');
  // A module hook that writes every resolved URL to a file, to see what a command loads.
  const loaded = path.join(dir, 'loaded.txt');
  const hooks = path.join(dir, 'hooks.mjs');
  const register = path.join(dir, 'register.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(loaded)}, result.url + '\\n');
  return result;
}`,
  );
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)});`,
  );

  const samspil = (args: string[], trace = false) => {
    rmSync(loaded, { force: true });
    const result = spawnSync(
      process.execPath,
      [...(trace ? ['--import', register] : []), bin, ...args],
      { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATA_DIR: dir } },
    );
    const modules = trace && existsSync(loaded) ? readFileSync(loaded, 'utf8') : '';
    return { ...result, modules };
  };

  it('is built (npm run build:server)', () => {
    expect(existsSync(built), `${built} is missing: run npm run build:server`).toBe(true);
  });

  it('an unknown option: one line on stderr, no stack, exit 2', () => {
    const result = samspil(['import-responses', 'm', 'f.csv', '--municipality', 'x', '--bogus']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "samspil import-responses: unknown option '--bogus' (see samspil import-responses --help)\n",
    );
  });

  it('--version and a failure (exit 1, one line)', () => {
    expect(samspil(['--version']).stdout).toBe(`${version}\n`);
    const result = samspil(['analyze', 'missing.csv']);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--help and analyze load neither the server nor the PDF, Excel, mail or database code', () => {
    const csv = path.join(dir, 'answers.csv');
    writeFileSync(
      csv,
      'respondent,unit,role,target,item,value\n' +
        [1, 2, 3, 4, 5].map((r) => `r${r},A,leder,B,respekt,4`).join('\n') +
        '\n',
    );
    const heavy =
      /node_modules\/(fastify|@fastify|pdfkit|exceljs|nodemailer|kysely|pg|@electric-sql)\//;
    for (const args of [['--help'], ['analyze', '--help'], ['analyze', csv, '--json']]) {
      const result = samspil(args, true);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.modules, args.join(' ')).toContain('commander');
      expect(result.modules, args.join(' ')).not.toMatch(heavy);
    }
    // The hook does see a heavy module when a command needs it.
    expect(samspil(['backup', path.join(dir, 'x.backup')], true).modules).toMatch(heavy);
  });
});
