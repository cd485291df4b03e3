/**
 * `samspil backup` / `samspil restore` round trips on both databases (issue #13): the same
 * rows in every table, a CPR that still decrypts, and clear refusals (the app running, a
 * database in the way, a backup of the other kind, other keys).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../src/db/connection.js';
import { firstCpr, snapshot, type Snapshot } from '../helpers/db-snapshot.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/postgres-database.js';
import { useCli } from '../helpers/cli.js';

const SECRET = 'backup-test-session-secret-0123456789abcdef-0123';
const CPR_KEY = Buffer.alloc(32, 5).toString('base64');
const OTHER_CPR_KEY = Buffer.alloc(32, 6).toString('base64');

async function inspect(target: DatabaseTarget): Promise<Snapshot & { cpr: string }> {
  const handle = await openDatabase(target);
  try {
    return { ...(await snapshot(handle.db)), cpr: await firstCpr(handle.db, CPR_KEY) };
  } finally {
    await handle.close();
  }
}

describe('samspil backup and restore', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samspil-backup-'));
  const { run, out } = useCli();

  beforeAll(() => {
    process.env.SESSION_SECRET = SECRET;
    process.env.CPR_KEY = CPR_KEY;
  });
  const fakePostgresDump = path.join(dir, 'fake.dump');
  writeFileSync(fakePostgresDump, 'PGDMP not really');
  const pgliteBackup = path.join(dir, 'pglite.backup');
  const fakePgliteBackup = path.join(dir, 'fake.tar.gz');
  writeFileSync(fakePgliteBackup, Buffer.from([0x1f, 0x8b, 8, 0, 0]));

  describe('on the embedded database', () => {
    const dataDir = path.join(dir, 'data');
    const target: DatabaseTarget = { kind: 'pglite', dataDir };
    let before: Snapshot & { cpr: string };

    beforeAll(async () => {
      process.env.DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
      expect(await run('demo')).toBe(0);
      before = await inspect(target);
      expect(before.counts.citizen).toBeGreaterThan(0);
      expect(before.counts.answer).toBeGreaterThan(0);
    });

    it('refuses to back up while the app runs, telling the operator to stop it', async () => {
      const running = await openDatabase(target);
      try {
        expect(await run('backup', pgliteBackup)).toBe(1);
        expect(out.errors.join('\n')).toMatch(/in use by Samspil \(pid \d+\).*stop the app/);
      } finally {
        await running.close();
      }
    });

    it('backs up, refuses to restore over a database without --force, and restores with it', async () => {
      expect(await run('backup', path.join(dir, 'no-such-dir', 'x.backup'))).toBe(1);
      expect(out.errors.join('\n')).toMatch(/Cannot write .*x\.backup/);
      expect(await run('backup', pgliteBackup)).toBe(0);
      expect(out.logs.join('\n')).toMatch(/Keep SESSION_SECRET and CPR_KEY/);
      expect(statSync(pgliteBackup).mode & 0o777).toBe(0o600);

      expect(await run('restore', pgliteBackup)).toBe(1);
      expect(out.errors.join('\n')).toMatch(/already holds a database.*--force/);

      expect(await run('restore', pgliteBackup, '--force')).toBe(0);
      expect(out.logs.join('\n')).toMatch(/kept in .*pglite\.replaced-/);
      expect(await inspect(target)).toEqual(before);
    });

    it('restores into a wiped data directory: same rows, CPR decrypts, the app starts', async () => {
      rmSync(dataDir, { recursive: true, force: true });
      expect(await run('restore', pgliteBackup)).toBe(0);
      expect(out.logs.join('\n')).toMatch(/match the restored data/);
      const after = await inspect(target);
      expect(after).toEqual(before);
      expect(after.cpr).toMatch(/^\d{10}$/);
      expect(await run('demo')).toBe(0);
    });

    it('says so when the restored data needs other keys than the environment has', async () => {
      rmSync(dataDir, { recursive: true, force: true });
      process.env.CPR_KEY = OTHER_CPR_KEY;
      try {
        expect(await run('restore', pgliteBackup)).toBe(1);
        expect(out.errors.join('\n')).toMatch(/restore is done, but[\s\S]*CPR_KEY does not match/);
      } finally {
        process.env.CPR_KEY = CPR_KEY;
      }
      expect(await run('demo')).toBe(0);
    });

    it('refuses a PostgreSQL backup and a file that is no backup', async () => {
      expect(await run('restore', fakePostgresDump, '--force')).toBe(1);
      expect(out.errors.join('\n')).toMatch(/is a PostgreSQL backup .*DATABASE_URL is not set/);
      const junk = path.join(dir, 'junk.txt');
      writeFileSync(junk, 'hello');
      expect(await run('restore', junk, '--force')).toBe(1);
      expect(out.errors.join('\n')).toMatch(/is not a Samspil backup/);
      expect(await inspect(target)).toEqual(before);
    });
  });

  describe.runIf(process.env.TEST_DATABASE_URL)('on PostgreSQL', () => {
    const dump = path.join(dir, 'postgres.dump');
    let first: ScratchDatabase;
    let second: ScratchDatabase | undefined;
    let before: Snapshot & { cpr: string };

    beforeAll(async () => {
      first = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
      process.env.DATA_DIR = path.join(dir, 'unused');
      process.env.DATABASE_URL = first.url;
      expect(await run('demo')).toBe(0);
      before = await inspect({ kind: 'postgres', url: first.url });
    });
    afterAll(async () => {
      await first.drop();
      await second?.drop();
    });

    it('backs up with pg_dump while the database is in use, and refuses to restore over data', async () => {
      const running = await openDatabase({ kind: 'postgres', url: first.url });
      try {
        expect(await run('backup', dump)).toBe(0);
      } finally {
        await running.close();
      }
      expect(statSync(dump).mode & 0o777).toBe(0o600);
      expect(await run('restore', dump)).toBe(1);
      expect(out.errors.join('\n')).toMatch(
        /is not empty; restore only goes into an empty database/,
      );
      expect(await run('restore', fakePgliteBackup)).toBe(1);
      expect(out.errors.join('\n')).toMatch(
        /backup of the embedded database .*migrate-to-postgres/,
      );
    });

    it('restores into an empty database: same rows, CPR decrypts, the app starts', async () => {
      await first.drop();
      second = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
      process.env.DATABASE_URL = second.url;
      expect(await run('restore', dump)).toBe(0);
      expect(out.logs.join('\n')).toMatch(/match the restored data/);
      const after = await inspect({ kind: 'postgres', url: second.url });
      expect(after).toEqual(before);
      expect(after.cpr).toMatch(/^\d{10}$/);
      expect(await run('demo')).toBe(0);
      process.env.CPR_KEY = OTHER_CPR_KEY;
      try {
        expect(await run('demo')).toBe(1);
        expect(out.errors.join('\n')).toMatch(/CPR_KEY does not match/);
      } finally {
        process.env.CPR_KEY = CPR_KEY;
      }
    });
  });
});
