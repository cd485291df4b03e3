/** What a database holds, to compare one copy with another: rows and a digest per table, and a decrypted CPR. */
import { sql, type Kysely } from 'kysely';
import { CprVault } from '../../src/courses/cpr.js';
import type { Database } from '../../src/db/schema.js';

export interface Snapshot {
  /** Rows per table. */
  counts: Record<string, number>;
  /** An md5 over every row's JSON text per table, in a fixed order. */
  digests: Record<string, string>;
}

/** Every table in the public schema but Kysely's migration bookkeeping. */
export async function snapshot(db: Kysely<Database>): Promise<Snapshot> {
  const { rows } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables
     WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely%' ORDER BY tablename`.execute(db);
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const { name } of rows) {
    const { rows: result } = await sql<{ count: number; digest: string | null }>`
      SELECT count(*)::int AS count,
             md5(string_agg(row_to_json(t)::text, E'\n' ORDER BY row_to_json(t)::text)) AS digest
        FROM ${sql.table(name)} t`.execute(db);
    counts[name] = result[0]!.count;
    digests[name] = result[0]!.digest ?? '';
  }
  return { counts, digests };
}

/** The first citizen's CPR number (by id), decrypted with `cprKey`. */
export async function firstCpr(db: Kysely<Database>, cprKey: string): Promise<string> {
  const row = await db
    .selectFrom('citizen')
    .select('cpr_encrypted')
    .where('cpr_encrypted', 'is not', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return new CprVault(cprKey).decrypt(row.cpr_encrypted!).digits;
}
