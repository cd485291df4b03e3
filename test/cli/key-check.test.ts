/**
 * The stored key check: the app starts with the keys its data was made with and refuses,
 * naming the key, with any other SESSION_SECRET or CPR_KEY (issue #13), on both databases.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openDatabase, type DatabaseTarget } from '../../src/db/connection.js';
import { sealToken } from '../../src/measurements/invitation-crypto.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/postgres-database.js';

const root = path.resolve(import.meta.dirname, '../..');
const SECRET = 'key-check-session-secret-0123456789abcdef-012345';
const CPR_KEY = Buffer.alloc(32, 3).toString('base64');
const OTHER_SECRET = 'another-session-secret-0123456789abcdef-0123456';
const OTHER_CPR_KEY = Buffer.alloc(32, 4).toString('base64');

const kinds = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])] as const;

describe.each(kinds)('key check on %s', (kind) => {
  const saved = { ...process.env };
  let errors: string[] = [];
  let scratch: ScratchDatabase | undefined;
  let target: DatabaseTarget;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samspil-keys-'));
    process.env.DATA_DIR = dataDir;
    if (kind === 'postgres') {
      scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
      process.env.DATABASE_URL = scratch.url;
      target = { kind: 'postgres', url: scratch.url };
    } else {
      delete process.env.DATABASE_URL;
      target = { kind: 'pglite', dataDir };
    }
    vi.spyOn(console, 'error').mockImplementation(
      (...a: unknown[]) => void errors.push(a.join(' ')),
    );
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterAll(async () => {
    process.env = saved;
    vi.restoreAllMocks();
    await scratch?.drop();
  });

  const run = async (keys: { secret: string; cprKey: string }, ...args: string[]) => {
    errors = [];
    process.env.SESSION_SECRET = keys.secret;
    process.env.CPR_KEY = keys.cprKey;
    return main(args);
  };
  const right = { secret: SECRET, cprKey: CPR_KEY };

  it('starts again with the same keys, and refuses another key, naming it', async () => {
    expect(await run(right, 'demo')).toBe(0);
    expect(await run(right, 'demo')).toBe(0);

    expect(await run({ ...right, secret: OTHER_SECRET }, 'demo')).toBe(1);
    expect(errors.join('\n')).toMatch(/^SESSION_SECRET does not match this database/);
    expect(errors.join('\n')).not.toMatch(/CPR_KEY does not/);

    expect(await run({ ...right, cprKey: OTHER_CPR_KEY }, 'demo')).toBe(1);
    expect(errors.join('\n')).toMatch(/^CPR_KEY does not match this database/);
    expect(errors.join('\n')).toMatch(/no stored CPR number can be read/);

    expect(await run({ secret: OTHER_SECRET, cprKey: OTHER_CPR_KEY }, 'demo')).toBe(1);
    expect(errors.join('\n')).toMatch(/^SESSION_SECRET and CPR_KEY do not match/);
    // The refusals changed nothing: the right keys still start.
    expect(await run(right, 'demo')).toBe(0);
  });

  it('on a database from before the check, tries the keys on stored data before trusting them', async () => {
    const handle = await openDatabase(target);
    await handle.db.deleteFrom('key_check').execute();
    const invitation = await handle.db
      .selectFrom('invitation')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable('invitation')
      .set({ token_sealed: sealToken(SECRET, 'a-token') })
      .where('id', '=', invitation.id)
      .execute();
    expect(
      await handle.db
        .selectFrom('citizen')
        .select('id')
        .where('cpr_encrypted', 'is not', null)
        .execute(),
    ).not.toHaveLength(0);
    await handle.close();

    expect(await run({ ...right, cprKey: OTHER_CPR_KEY }, 'demo')).toBe(1);
    expect(errors.join('\n')).toMatch(/^CPR_KEY does not match/);
    expect(await run({ ...right, secret: OTHER_SECRET }, 'demo')).toBe(1);
    expect(errors.join('\n')).toMatch(/^SESSION_SECRET does not match/);

    expect(await run(right, 'demo')).toBe(0);
    const again = await openDatabase(target);
    const checks = await again.db.selectFrom('key_check').select('key_name').execute();
    await again.close();
    expect(checks.map((c) => c.key_name).sort()).toEqual(['CPR_KEY', 'SESSION_SECRET']);
    expect(await run({ ...right, cprKey: OTHER_CPR_KEY }, 'demo')).toBe(1);
  });

  it('makes `samspil serve` exit with the message instead of starting', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/bin.ts'), 'serve'],
      {
        cwd: root,
        env: {
          ...process.env,
          SESSION_SECRET: SECRET,
          CPR_KEY: OTHER_CPR_KEY,
          PORT: '0',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CPR_KEY does not match this database');
    expect(result.stdout).not.toContain('Samspil is running');
  });
});
