/**
 * When a measurement's answers last changed outside the survey (import, closing):
 * the analysis cache of closed measurements is keyed on it.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `ALTER TABLE measurement ADD COLUMN answers_changed_at timestamptz NOT NULL DEFAULT now()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
