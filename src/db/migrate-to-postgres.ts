/**
 * Moving an embedded installation to PostgreSQL (issue #13), so a municipality that tried
 * Samspil on PGlite keeps its data: the target gets the migrations, then every table is
 * copied in foreign-key order in one transaction, sequences follow, and the row counts are
 * compared before the commit. Any failure leaves the target's tables empty.
 *
 * Rows travel as JSON text (`row_to_json` → `json_populate_recordset`), so every value
 * keeps PostgreSQL's own text form: timestamps keep their microseconds, numerics their
 * digits, arrays and JSON their shape.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { BackupError } from './backup.js';
import { migrate } from './connection.js';
import type { Database } from './schema.js';

/** Rows per INSERT: big enough to be quick, small enough to keep one statement's JSON modest. */
const BATCH = 5000;
/** Kysely's own bookkeeping: the target has its own from running the migrations. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** One copied table and its rows. */
export interface CopiedTable {
  table: string;
  rows: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const RELATIONS = `
  SELECT n.nspname || '.' || c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname NOT LIKE 'pg\\_toast%'`;

/** Parents before children; a table referring to itself is copied in one statement. */
function dependencyOrder(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && parents.has(child) && parents.has(parent)) {
      parents.get(child)!.add(parent);
    }
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter(
      (t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)),
    );
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t));
      throw new Error(
        `Foreign keys form a cycle between ${left.join(', ')}; cannot order the copy.`,
      );
    }
    for (const table of ready.sort()) {
      order.push(table);
      done.add(table);
    }
  }
  return order;
}

/**
 * Copy the whole database `source` (the embedded one, opened and migrated) into the empty
 * PostgreSQL database at `targetUrl`. Throws `BackupError` when the target is not empty.
 */
export async function migrateToPostgres(
  source: Kysely<Database>,
  targetUrl: string,
): Promise<CopiedTable[]> {
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const existing = (await client.query<{ name: string }>(RELATIONS)).rows.map((r) => r.name);
    const ours = new Set(
      (await sql<{ name: string }>`${sql.raw(RELATIONS)}`.execute(source)).rows.map((r) => r.name),
    );
    // A database where only the migrations have run (an earlier attempt) is still empty;
    // whether its tables hold rows is checked in the copy's transaction.
    const foreign = existing.filter((name) => !ours.has(name));
    if (
      foreign.length > 0 ||
      (existing.length > 0 && !existing.includes('public.kysely_migration'))
    ) {
      const shown = foreign.length > 0 ? foreign : existing;
      throw new BackupError(
        `The target database is not empty (it has ${shown.slice(0, 3).join(', ')}` +
          `${shown.length > 3 ? ', …' : ''}). Create an empty database for Samspil ` +
          `(e.g. \`createdb samspil\`) and run migrate-to-postgres again.`,
      );
    }
    const target = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: targetUrl, max: 1 }) }),
    });
    try {
      await migrate(target);
    } finally {
      await target.destroy();
    }

    const { rows: tableRows } = await sql<{ name: string }>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(source);
    const tables = tableRows.map((r) => r.name).filter((t) => !MIGRATION_TABLES.has(t));
    const { rows: edges } = await client.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_class p ON p.oid = k.confrelid
        WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
    );
    const selfReferring = new Set(edges.filter((e) => e.child === e.parent).map((e) => e.child));
    const { rows: columnRows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND is_generated = 'NEVER'
        ORDER BY table_name, ordinal_position`,
    );
    const columns = new Map<string, string[]>();
    for (const { table_name, column_name } of columnRows) {
      columns.set(table_name, [...(columns.get(table_name) ?? []), quote(column_name)]);
    }
    const missing = tables.filter((t) => !columns.has(t));
    if (missing.length > 0) {
      throw new Error(`The target lacks tables the source has: ${missing.join(', ')}`);
    }

    const copied: CopiedTable[] = [];
    await client.query('BEGIN');
    try {
      for (const table of dependencyOrder(tables, edges)) {
        const { rows } = await client.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM ${quote(table)}`,
        );
        if (rows[0]!.count > 0) {
          throw new BackupError(
            `The target database is not empty: table ${table} has rows. ` +
              `migrate-to-postgres only fills an empty database, so nothing is overwritten.`,
          );
        }
        const list = columns.get(table)!.join(', ');
        const insert = async (json: string[]) => {
          if (json.length === 0) return;
          await client.query(
            `INSERT INTO ${quote(table)} (${list}) OVERRIDING SYSTEM VALUE
             SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
            [`[${json.join(',')}]`],
          );
        };
        const count = await readTable(source, table, selfReferring.has(table), insert);
        const { rows: after } = await client.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM ${quote(table)}`,
        );
        if (after[0]!.count !== count) {
          throw new Error(`Copying ${table}: ${count} rows read but ${after[0]!.count} written.`);
        }
        copied.push({ table, rows: count });
      }
      await copySequences(source, client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `The copy failed and was rolled back, so the target's tables are empty again: ` +
          `${(error as Error).message}`,
      );
    }
    return copied;
  } finally {
    await client.end();
  }
}

/**
 * Read a table in batches through a cursor and hand each batch of JSON rows to `write`;
 * a table that refers to itself goes in one batch, so its foreign keys are checked once
 * every row is there. Returns the number of rows.
 */
async function readTable(
  source: Kysely<Database>,
  table: string,
  oneBatch: boolean,
  write: (json: string[]) => Promise<void>,
): Promise<number> {
  return source.transaction().execute(async (trx) => {
    await sql
      .raw(
        `DECLARE samspil_copy NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(table)} t`,
      )
      .execute(trx);
    let total = 0;
    let pending: string[] = [];
    for (;;) {
      const { rows } = await sql<{
        j: string;
      }>`FETCH ${sql.raw(String(BATCH))} FROM samspil_copy`.execute(trx);
      total += rows.length;
      pending.push(...rows.map((r) => r.j));
      if (!oneBatch || rows.length === 0) {
        await write(pending);
        pending = [];
      }
      if (rows.length === 0) break;
    }
    await sql`CLOSE samspil_copy`.execute(trx);
    return total;
  });
}

/** Give every sequence on the target the source's position, so new ids do not collide. */
async function copySequences(source: Kysely<Database>, client: pg.Client): Promise<void> {
  const { rows } = await sql<{ name: string; last_value: number | null }>`
    SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = 'public'`.execute(
    source,
  );
  for (const { name, last_value } of rows) {
    // A sequence never used stays at its start on the fresh target too.
    if (last_value === null) continue;
    await client.query(`SELECT setval($1, $2, true)`, [`public.${quote(name)}`, last_value]);
  }
}
