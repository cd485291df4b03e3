/**
 * A check value per secret (issue #13): an HMAC of a fixed text made with `SESSION_SECRET`
 * and one made with `CPR_KEY` when the database first met them. At start the app
 * recomputes both and refuses to run with keys that do not match the data (a restore
 * with other keys would otherwise start silently and open no sealed token and no CPR).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `CREATE TABLE key_check (
    key_name text PRIMARY KEY CHECK (key_name IN ('SESSION_SECRET', 'CPR_KEY')),
    check_value text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
