/** The embedded database's data directory is locked: a second process refuses to start and harms nothing. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('PGlite data directory lock', () => {
  it('refuses a second opener in the same process', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samspil-lock-'));
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toBeInstanceOf(
      DataDirLockedError,
    );
    await first.db.insertInto('municipality').values({ name: 'Kept', slug: 'kept' }).execute();
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir });
    expect(await again.db.selectFrom('municipality').select('slug').execute()).toEqual([
      { slug: 'kept' },
    ]);
    await again.close();
  });

  it('makes a second process exit with a clear message', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samspil-lock-'));
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'src/cli/bin.ts'), 'demo'],
        {
          cwd: root,
          env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('is in use by another Samspil process');
    } finally {
      await first.close();
    }
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samspil-lock-'));
    writeFileSync(path.join(dataDir, 'samspil.lock'), '999999999');
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    release();
  });
});
