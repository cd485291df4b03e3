import { sql, type Kysely } from 'kysely';

/**
 * Run DDL statements one at a time. PGlite's extended-protocol queries take one
 * statement each, so migrations list their statements instead of one script.
 */
export async function runStatements(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
