/**
 * Row-level security between municipalities (migration 0020, `src/db/tenant.ts`): in the
 * scope of one municipality, a query without any municipality filter finds none of
 * another's rows in any table, and cannot write there; the system scope sees everything;
 * and no table of a municipality can be left out unnoticed.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { CHILD_TABLES } from '../../src/db/migrations/0020-tenant-isolation.js';
import type { Database } from '../../src/db/schema.js';
import { asSystem, asTenant, currentTenant } from '../../src/db/tenant.js';
import { testDatabases } from '../helpers/databases.js';
import { twoMunicipalities } from '../helpers/two-municipalities.js';

/** Tables that belong to no municipality: the job queue, key check, login throttling, rate limits, migrations. */
const SHARED_TABLES = [
  'job',
  'key_check',
  'kysely_migration',
  'kysely_migration_lock',
  'login_attempt',
  'rate_limit',
];

type Table = keyof Database;

/** Count a table's rows with no filter at all, as forgetful code would. */
async function countAll(db: Kysely<Database>, table: string): Promise<number> {
  const row = await db
    .selectFrom(table as Table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabases())('tenant isolation on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let a: string;
  let b: string;
  /** Every table under row-level security. */
  let tables: string[];
  /** Tables with a `municipality_id` column. */
  let direct: string[];
  /** Rows per table owned by each municipality, and in all, counted in system mode. */
  const owned = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    ({ a, b } = await twoMunicipalities(db, Buffer.alloc(32, 7).toString('base64')));
    const rls = await sql<{ name: string }>`
      SELECT relname AS name FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity
      ORDER BY 1`.execute(db);
    tables = rls.rows.map((r) => r.name);
    const columns = await sql<{ name: string }>`
      SELECT c.table_name AS name FROM information_schema.columns c
      JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'municipality_id'
        AND t.table_type = 'BASE TABLE'
      ORDER BY 1`.execute(db);
    direct = columns.rows.map((r) => r.name);
    for (const table of tables) {
      const child = CHILD_TABLES[table];
      const owner =
        table === 'municipality'
          ? sql`t.id`
          : child === undefined
            ? sql`t.municipality_id`
            : sql`(SELECT p.municipality_id FROM ${sql.table(child.parent)} p
                   WHERE p.id = t.${sql.ref(child.column)})`;
      const counts = await sql<{ owner: string | null; n: number }>`
        SELECT ${owner} AS owner, count(*)::int AS n FROM ${sql.table(table)} t GROUP BY 1`.execute(
        db,
      );
      owned.set(table, new Map(counts.rows.map((r) => [r.owner ?? 'none', r.n])));
      total.set(
        table,
        counts.rows.reduce((sum, r) => sum + r.n, 0),
      );
    }
  });
  afterAll(async () => handle.close());

  it('can use the tenant role', () => {
    expect(handle.tenancy.enabled).toBe(true);
  });

  it('puts every table of a municipality under row-level security, each with a policy', async () => {
    // A table with municipality_id, a child table of one, or the municipality table itself.
    expect(tables).toEqual(
      [...new Set([...direct, ...Object.keys(CHILD_TABLES), 'municipality'])].sort(),
    );
    // Every other table is one known to be shared: a new table must choose a side.
    const all = await sql<{ name: string }>`
      SELECT relname AS name FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`.execute(db);
    expect(all.rows.map((r) => r.name).filter((t) => !tables.includes(t))).toEqual(SHARED_TABLES);
    const policies = await sql<{ name: string }>`
      SELECT DISTINCT tablename AS name FROM pg_policies WHERE schemaname = 'public' ORDER BY 1`.execute(
      db,
    );
    expect(policies.rows.map((r) => r.name)).toEqual(tables);
  });

  it('has rows of both municipalities in every such table (so the next test means something)', () => {
    for (const table of tables) {
      expect([table, owned.get(table)?.get(a) ?? 0]).not.toEqual([table, 0]);
      expect([table, owned.get(table)?.get(b) ?? 0]).not.toEqual([table, 0]);
    }
  });

  it("shows a municipality none of another's rows in any table, with no filter in the query", async () => {
    for (const m of [a, b]) {
      await asTenant(m, async () => {
        expect(currentTenant()).toBe(m);
        for (const table of tables) {
          expect([table, await countAll(db, table)]).toEqual([table, owned.get(table)?.get(m)]);
          if (direct.includes(table)) {
            const seen = await db
              .selectFrom(table as 'unit')
              .select('municipality_id')
              .distinct()
              .execute();
            expect([table, seen.map((r) => r.municipality_id)]).toEqual([table, [m]]);
          }
        }
        // Joins through a child table find nothing of the other either.
        const answers = await db
          .selectFrom('answer')
          .innerJoin('respondent', 'respondent.id', 'answer.respondent_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(answers.n)).toBe(owned.get('answer')?.get(m));
      });
    }
  });

  it('sees every municipality in system mode and outside any scope', async () => {
    for (const table of tables) {
      expect([table, await countAll(db, table)]).toEqual([table, total.get(table)]);
    }
    await asTenant(a, () =>
      asSystem(async () => {
        expect(currentTenant()).toBeNull();
        expect(await countAll(db, 'answer')).toBe(total.get('answer'));
        expect(await countAll(db, 'municipality')).toBe(2);
      }),
    );
  });

  it("cannot change or add another municipality's rows", async () => {
    await asTenant(a, async () => {
      const updated = await db
        .updateTable('unit')
        .set({ name: sql`name` })
        .executeTakeFirstOrThrow();
      expect(Number(updated.numUpdatedRows)).toBe(owned.get('unit')?.get(a));
      const other = await db
        .updateTable('measurement')
        .set({ title: 'Overtaget' })
        .where('municipality_id', '=', b)
        .executeTakeFirstOrThrow();
      expect(Number(other.numUpdatedRows)).toBe(0);
      await expect(
        db
          .insertInto('area')
          .values({ municipality_id: b, name: 'Indsmuglet', archived_at: null })
          .execute(),
      ).rejects.toThrow(/row-level security/);
      const measurementOfB = await asSystem(() =>
        db
          .selectFrom('measurement')
          .select('id')
          .where('municipality_id', '=', b)
          .executeTakeFirstOrThrow(),
      );
      await expect(
        db
          .insertInto('measurement_profession')
          .values({ measurement_id: measurementOfB.id, profession: 'indsmuglet', arm: null })
          .execute(),
      ).rejects.toThrow(/row-level security/);
    });
    expect(await countAll(db, 'area')).toBe(total.get('area'));
    expect(await countAll(db, 'measurement_profession')).toBe(total.get('measurement_profession'));
  });

  it('keeps interleaved queries and transactions of different municipalities apart', async () => {
    const scopes = [a, b, null];
    const runs = Array.from({ length: 36 }, async (_, i) => {
      const m = scopes[i % 3]!;
      const expected = (table: string) =>
        m === null ? total.get(table) : owned.get(table)?.get(m);
      const work = async () => {
        if (i % 2 === 0) {
          return db.transaction().execute(async (trx) => {
            const units = await countAll(trx, 'unit');
            await new Promise((resolve) => setTimeout(resolve, i % 5));
            return [units, await countAll(trx, 'answer')];
          });
        }
        return [await countAll(db, 'unit'), await countAll(db, 'answer')];
      };
      const counts = await (m === null ? asSystem(work) : asTenant(m, work));
      expect(counts).toEqual([expected('unit'), expected('answer')]);
    });
    await Promise.all(runs);
  });
});
