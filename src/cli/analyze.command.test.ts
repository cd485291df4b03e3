import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, TWO_WAVES } from '../../test/fixtures/analysis/answers.js';
import { analyze, type AnalysisResult } from '../analysis/analyze.js';
import { analysisLeaks, randomMeasurement } from '../../test/helpers/disclosure-check.js';
import { parseLongCsv, toLongCsv } from '../analysis/long-csv.js';
import { main } from './main.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samspil-analyze-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['analyze', ...argv], {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('samspil analyze: bad input', () => {
  it('exits 2 on invalid options, before reading the file', async () => {
    for (const argv of [
      ['missing.csv', '--min-group', 'five'],
      ['missing.csv', '--min-group'],
      ['missing.csv', '--bogus'],
      ['--json'],
      ['a.csv', 'b.csv'],
    ]) {
      const { code, stderr, stdout } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toMatch(
        /^samspil analyze: .+ \(see samspil analyze --help\)\n?$/,
      );
      expect(stdout).toBe('');
    }
    for (const argv of [
      ['x.csv', '--min-group=2'],
      ['x.csv', '--min-group', '2'],
      ['x.csv', '--high', '3', '--low', '3.5'],
    ]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(/^Fejl \(error\): /);
    }
    expect((await run(['x.csv', '--min-group=2'])).stderr).toContain('minGroup must be at least 3');
  });

  it('exits 1 when the file cannot be read', async () => {
    const { code, stderr } = await run([join(dir, 'does-not-exist.csv')]);
    expect(code).toBe(1);
    expect(stderr).toContain('Kan ikke læse filen (cannot read the file)');
  });

  it('exits 1 and prints every bad line with its reason', async () => {
    const path = await file(
      'bad.csv',
      [
        'respondent;unit;role;target;item;value;wave;arm;case',
        'r1;A;leder;B;respekt;6;;;',
        'r2;A;leder;B;respekt;4;;;',
        'r3,A,leder,B,respekt,4,,,',
      ].join('\r\n'),
    );
    const { code, stdout, stderr } = await run([path, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('linje (line) 2: value skal være 1-5');
    expect(stderr).toContain('"6"');
    expect(stderr).toContain('linje (line) 4: forkert antal felter');
    expect(stderr).not.toContain('linje (line) 3');
  });

  it('exits 1 on a file that is not UTF-8', async () => {
    const path = await file(
      'latin1.csv',
      Buffer.from(
        'respondent,unit,role,target,item,value\nr1,\xc6ldre,leder,B,respekt,4\n',
        'latin1',
      ),
    );
    const { code, stderr } = await run([path]);
    expect(code).toBe(1);
    expect(stderr).toContain('linje (line) 2: filen er ikke UTF-8');
  });

  it('prints help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('samspil analyze');
    for (const option of ['--json', '--min-group <N>', '--high <X>', '--low <Y>']) {
      expect(stdout).toContain(option);
    }
  });
});

describe('samspil analyze: output', () => {
  const answers = [
    ...TWO_WAVES,
    ...[4, 5, 4].map((v, i) =>
      answer(`l${i}`, 'X', 'leder', 'Y', 'respekt', v, 'før', 'intervention'),
    ),
  ];

  it('prints the analysis as JSON with --json, equal to analyze()', async () => {
    const path = await file('two-waves.csv', `\ufeff${toLongCsv(answers, ';')}`);
    const { code, stdout, stderr } = await run([
      path,
      '--json',
      '--min-group',
      '3',
      '--high=4.5',
      '--low',
      '3',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = analyze(parseLongCsv(await readFile(path, 'utf8')).answers, {
      minGroup: 3,
      high: 4.5,
      low: 3,
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    const parsed = JSON.parse(stdout) as { minGroup: number; thresholds: unknown; did: unknown };
    expect(parsed.minGroup).toBe(3);
    expect(parsed.thresholds).toEqual({ high: 4.5, low: 3 });
    expect(parsed.did).not.toBeNull();
  });

  it('prints a readable summary without --json', async () => {
    const path = await file('two-waves-plain.csv', toLongCsv(answers));
    const { code, stdout } = await run([path, '--min-group', '3']);
    expect(code).toBe(0);
    for (const label of [
      'Runde (wave) før',
      'Runde (wave) efter',
      'Netværksscore (network score)',
      'Svageste dimension (weakest dimension)',
      'Svageste relationer (weakest ties)',
      'Største asymmetrier (largest asymmetries)',
      'Ledere vs. medarbejdere (leaders vs employees)',
      'Cronbachs alpha',
      'Sammenligning af runder (wave comparison)',
      // intervention før: R = 2, 3, 4 and the leaders' 4, 5, 4 (mean 22/6), efter 13/3;
      // kontrol 10/3 → 8/3; did = (13/3 − 22/6) − (8/3 − 10/3) = 2/3 + 2/3 = 1.33
      'Forskel i forskelle (difference in differences) før → efter: 1.33',
    ]) {
      expect(stdout).toContain(label);
    }
  });

  it('says so when there are no answers', async () => {
    const path = await file('empty.csv', 'respondent,unit,role,target,item,value,wave,arm,case\n');
    const { code, stdout } = await run([path]);
    expect(code).toBe(0);
    expect(stdout).toContain('Ingen svar (no answers).');
  });
});

describe('samspil analyze --json: disclosure', () => {
  it('leaves no whole whose shown parts leave 1–4 respondents unaccounted for', async () => {
    for (const seed of [3, 5, 8, 13]) {
      const answers = randomMeasurement(seed, ['før', 'efter']);
      // The generator draws units of 1 to 15 respondents, 3 and 4 most often.
      const path = await file(`random-${seed}.csv`, toLongCsv(answers));
      const { code, stdout } = await run([path, '--json']);
      expect(code).toBe(0);
      expect(analysisLeaks(JSON.parse(stdout) as AnalysisResult), `seed ${seed}`).toEqual([]);
    }
  });
});
