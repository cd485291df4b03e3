/** The database handle every repository and service takes, and small helpers on its SQL and errors. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A database or a transaction: a Kysely `Transaction` is a `Kysely`, so one type fits both. */
export type Db = Kysely<Database>;

/** Ids as a list for `IN (…)` in raw SQL. */
export const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));

/** True for PostgreSQL's unique_violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}
