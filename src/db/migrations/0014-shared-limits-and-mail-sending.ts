/**
 * Scale-out and mail (issue #13): rate limits counted in PostgreSQL, so every app
 * instance shares them; and a mail is marked `sending` before it goes to SMTP, so a
 * restart mid-send never sends it a second time.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  // The key is a hash: rate-limit keys can hold a survey link's token.
  `CREATE TABLE rate_limit (
    key_hash text PRIMARY KEY,
    hits integer NOT NULL,
    reset_at timestamptz NOT NULL
  )`,
  `CREATE INDEX rate_limit_reset ON rate_limit (reset_at)`,
  `ALTER TABLE mail_message DROP CONSTRAINT mail_message_status_check`,
  `ALTER TABLE mail_message ADD CONSTRAINT mail_message_status_check
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'outbox'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
