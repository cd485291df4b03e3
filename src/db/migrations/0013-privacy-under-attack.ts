/**
 * Privacy under attack (issue #12). Secrets in mail: a personal survey link, a citizen's
 * link or one-time code is kept apart from the stored text, in `secrets`, and dropped once
 * the mail is sent or has finally failed; what earlier versions stored in the text or
 * subject is redacted here. Logins: an e-mail is unique within a municipality, not across
 * the installation, so creating a login never tells an admin that another municipality
 * has the address.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const REDACTED = '[fjernet / removed]';

const statements = [
  `ALTER TABLE mail_message ADD COLUMN secrets jsonb`,
  `UPDATE mail_message
     SET body_text = regexp_replace(body_text, 'https?://\\S+/(s|borger)/\\S+', '${REDACTED}', 'g')
     WHERE body_text ~ 'https?://\\S+/(s|borger)/\\S+'`,
  `DROP INDEX app_user_email_unique`,
  `CREATE UNIQUE INDEX app_user_email_unique ON app_user (municipality_id, lower(email))`,
  `CREATE INDEX app_user_email ON app_user (lower(email))`,
  `UPDATE mail_message
     SET subject = regexp_replace(subject, '[0-9]{6}', '${REDACTED}', 'g'),
         body_text = regexp_replace(body_text, '[0-9]{6}', '${REDACTED}', 'g')
     WHERE kind = 'citizen-code'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
