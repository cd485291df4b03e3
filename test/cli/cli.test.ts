/** The samspil command on an embedded database: demo, import-org, import-responses. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { useCli } from '../helpers/cli.js';

describe('samspil CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samspil-cli-'));
  const { run, out } = useCli();

  beforeAll(() => {
    process.env.DATA_DIR = path.join(dir, 'data');
    delete process.env.DATABASE_URL;
  });
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it('creates the demo municipality once', async () => {
    expect(await run('demo')).toBe(0);
    expect(out.logs.join('\n')).toContain('admin@demo.samspil.dk');
    expect(await run('demo')).toBe(0);
    expect(out.logs.join('\n')).toContain('exists already');
  });

  it('imports an organisation file, and refuses a bad one with line numbers', async () => {
    const bad = file('bad.csv', 'enhed;type\nNy enhed;forkert\n');
    expect(await run('import-org', bad, '--municipality', 'demo')).toBe(1);
    expect(out.errors.join('\n')).toMatch(/line 2: Unknown kind "forkert"/);
    const good = file('good.csv', 'enhed;type;navn;email\nNy enhed;ekstern;Ny Person;ny@x.dk\n');
    expect(await run('import-org', good, '--municipality', 'demo', '--dry-run')).toBe(0);
    expect(out.logs.join('\n')).toMatch(/Dry run/);
    expect(await run('import-org', good, '--municipality', 'demo')).toBe(0);
    expect(out.logs.join('\n')).toMatch(/units: 1 new/);
  });

  it('imports answers into a measurement like the UI does', async () => {
    const handle = await openDatabase({ kind: 'pglite', dataDir: process.env.DATA_DIR! });
    const measurement = await handle.db
      .selectFrom('measurement')
      .select(['id', 'wave_label'])
      .where('wave_label', '=', 'før')
      .executeTakeFirstOrThrow();
    await handle.close();
    let csv = 'respondent,unit,role,target,item,value,wave,arm,case\n';
    for (let r = 0; r < 5; r++) csv += `x${r},Jobcenter,leder,Skole,respekt,${r + 1},før,,\n`;
    const answers = file('answers.csv', csv);
    expect(await run('import-responses', measurement.id, answers, '--municipality', 'demo')).toBe(
      0,
    );
    expect(out.logs.join('\n')).toMatch(/Imported 5 answers from 5 respondents/);
    const wrongWave = file('wrong.csv', csv.replaceAll(',før,', ',efter,'));
    expect(await run('import-responses', measurement.id, wrongWave, '--municipality', 'demo')).toBe(
      1,
    );
    expect(out.errors.join('\n')).toMatch(/wave "efter" does not belong/);
  });

  it('create-municipality refuses a weak SAMSPIL_ADMIN_PASSWORD and takes a strong one', async () => {
    const args = [
      'create-municipality',
      '--name',
      'Prøve Kommune',
      '--slug',
      'proeve',
      '--admin-email',
      'it@proeve.dk',
      '--admin-name',
      'Ib Tøgersen',
    ];
    process.env.SAMSPIL_ADMIN_PASSWORD = 'sommerfugl2024';
    expect(await run(...args)).toBe(2);
    expect(out.errors.join('\n')).toMatch(/too easy to guess.*for let at gætte/);
    process.env.SAMSPIL_ADMIN_PASSWORD = 'it@proeve.dk-2026';
    expect(await run(...args)).toBe(2);
    expect(out.errors.join('\n')).toMatch(/e-mail or name/);
    process.env.SAMSPIL_ADMIN_PASSWORD = 'lyseblå trappe ved åen';
    expect(await run(...args)).toBe(0);
    expect(out.logs.join('\n')).toMatch(/Created municipality proeve/);
    delete process.env.SAMSPIL_ADMIN_PASSWORD;
  });

  it('explains unknown commands and missing arguments', async () => {
    expect(await run('frobnicate')).toBe(2);
    expect(out.errors.join('\n')).toMatch(/unknown command 'frobnicate'/);
    expect(await run('import-org')).toBe(2);
    expect(out.errors.join('\n')).toMatch(/required option '--municipality <SLUG>' not specified/);
    expect(await run('import-org', '--municipality', 'demo')).toBe(2);
    expect(out.errors.join('\n')).toMatch(/missing required argument 'FILE'/);
  });
});
