/**
 * Login throttling per account and per address (issue #13): each attempt keeps the
 * client address, so failures can be counted per address across accounts, and a
 * successful login marks an address as known for its account.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `ALTER TABLE login_attempt ADD COLUMN address text`,
  `CREATE INDEX login_attempt_address_at ON login_attempt (address, at) WHERE NOT success`,
  `CREATE INDEX login_attempt_at ON login_attempt (at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
