/**
 * A message in `mail_message` goes by e-mail or by SMS (issue #16): a citizen whose
 * preferred contact is SMS gets their one-time code as a text message, through the same
 * queue, outbox and sending job as mail.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `ALTER TABLE mail_message ADD COLUMN channel text NOT NULL DEFAULT 'email'
     CHECK (channel IN ('email', 'sms'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
