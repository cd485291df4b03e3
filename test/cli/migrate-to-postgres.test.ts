/**
 * `samspil migrate-to-postgres`: an embedded installation (the demo municipality) moves to
 * an empty PostgreSQL database with every row and value, and the app runs on it with the
 * same logins, courses, answers and CPR look-ups (issue #13).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { KeyMismatchError, verifyKeys } from '../../src/db/key-check.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import { CASEWORKER } from '../helpers/course-fixture.js';
import { firstCpr, snapshot } from '../helpers/db-snapshot.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/postgres-database.js';
import { testConfig } from '../helpers/test-app.js';
import { useCli } from '../helpers/cli.js';
import { signedIn } from '../helpers/demo-and-other.js';

const SECRET = 'migrate-test-session-secret-0123456789abcdef-012';
const CPR_KEY = Buffer.alloc(32, 9).toString('base64');

describe.runIf(process.env.TEST_DATABASE_URL)('samspil migrate-to-postgres', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samspil-migrate-'));
  const dataDir = path.join(dir, 'data');
  const { run, out } = useCli();
  let target: ScratchDatabase;

  beforeAll(async () => {
    Object.assign(process.env, { DATA_DIR: dataDir, SESSION_SECRET: SECRET, CPR_KEY });
    delete process.env.DATABASE_URL;
    target = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
  });
  afterAll(async () => {
    await target.drop();
  });

  it('refuses when there is no embedded database to move', async () => {
    expect(await run('migrate-to-postgres', target.url)).toBe(2);
    expect(out.errors.join('\n')).toMatch(/no embedded database/);
  });

  it('copies every table exactly, and the app runs on the copy', async () => {
    expect(await run('demo')).toBe(0);
    const source = await openDatabase({ kind: 'pglite', dataDir });
    const before = await snapshot(source.db);
    await source.close();
    expect(before.counts.answer).toBeGreaterThan(0);
    expect(before.counts.audit_log).toBeGreaterThan(0);

    expect(await run('migrate-to-postgres', target.url)).toBe(0);
    expect(out.logs.join('\n')).toMatch(/every table's count matches/);
    expect(out.logs.join('\n')).toMatch(/SAME SESSION_SECRET and CPR_KEY/);

    const copy: DatabaseHandle = await openDatabase({ kind: 'postgres', url: target.url });
    try {
      const after = await snapshot(copy.db);
      expect(after.counts).toEqual(before.counts);
      expect(after.digests).toEqual(before.digests);
      expect(await firstCpr(copy.db, CPR_KEY)).toMatch(/^\d{10}$/);
      // The key check came along: the same keys pass, another CPR_KEY is refused.
      await verifyKeys(copy.db, { sessionSecret: SECRET, cprKey: CPR_KEY });
      await expect(
        verifyKeys(copy.db, {
          sessionSecret: SECRET,
          cprKey: Buffer.alloc(32, 1).toString('base64'),
        }),
      ).rejects.toBeInstanceOf(KeyMismatchError);

      // New rows get fresh ids after the copied ones (the sequences moved along).
      const maxAudit = await copy.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const config = testConfig({ SESSION_SECRET: SECRET, CPR_KEY });
      const app = await buildApp({
        config,
        db: copy.db,
        mail: outboxTransport,
        notifier: copy.notifier,
      });
      try {
        const sara = await signedIn(app, CASEWORKER);
        const courses = await sara.get('/api/courses');
        expect(courses.json<{ courses: unknown[] }>().courses.length).toBeGreaterThan(0);
        const lookup = await sara.get('/api/citizens/lookup?cpr=1203921457');
        expect(lookup.statusCode, lookup.body).toBe(200);
        expect(lookup.json<{ courses: unknown[] }>().courses).toHaveLength(1);
      } finally {
        await app.close();
      }
      const newest = await copy.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      expect(Number(newest.id)).toBeGreaterThan(Number(maxAudit.id));
    } finally {
      await copy.close();
    }
  });

  it('refuses a target that is not empty and leaves it as it was', async () => {
    const copy = await openDatabase({ kind: 'postgres', url: target.url });
    const before = await snapshot(copy.db);
    await copy.close();
    expect(await run('migrate-to-postgres', target.url)).toBe(1);
    expect(out.errors.join('\n')).toMatch(/target database is not empty: table \w+ has rows/);
    const again = await openDatabase({ kind: 'postgres', url: target.url });
    expect(await snapshot(again.db)).toEqual(before);
    await again.close();
  });

  it('copies all or nothing: a failure half-way leaves the target empty, and a retry works', async () => {
    const other = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
    const client = new pg.Client({ connectionString: other.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE payroll (id int)');
      expect(await run('migrate-to-postgres', other.url)).toBe(1);
      expect(out.errors.join('\n')).toMatch(/not empty \(it has public\.payroll\)/);
      await client.query('DROP TABLE payroll');

      // Samspil's own empty schema is fine; make the copy fail at the answers, late in the order.
      await (await openDatabase({ kind: 'postgres', url: other.url })).close();
      await client.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'no answers today'; END $$`);
      await client.query(`CREATE TRIGGER refuse BEFORE INSERT ON answer EXECUTE FUNCTION refuse()`);
      expect(await run('migrate-to-postgres', other.url)).toBe(1);
      expect(out.errors.join('\n')).toMatch(/copy failed and was rolled back.*no answers today/);
      const { rows } = await client.query<{ count: number }>(
        'SELECT (SELECT count(*) FROM municipality) + (SELECT count(*) FROM app_user) AS count',
      );
      expect(rows[0]!.count).toBe(0);

      await client.query('DROP TRIGGER refuse ON answer');
      expect(await run('migrate-to-postgres', other.url)).toBe(0);
    } finally {
      await client.end();
      await other.drop();
    }
  });
});
