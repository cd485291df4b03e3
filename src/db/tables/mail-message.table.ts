import type { Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { MailStatus, MessageChannel } from '../../../contract/mail.js';

/** An e-mail: queued for SMTP, being sent, sent, failed, or kept in the outbox when no SMTP is configured. */
export interface MailMessageTable {
  id: Generated<string>;
  municipality_id: string | null;
  measurement_id: string | null;
  kind: string;
  /** E-mail (`to_address` an address) or SMS (`to_address` a number like `+4520304050`). */
  channel: Generated<MessageChannel>;
  to_address: string;
  subject: string;
  /** Text with a placeholder for each secret (personal link, code); never the secret itself. */
  body_text: string;
  /** The secrets, until the mail is sent or has finally failed; then null. */
  secrets: JSONColumnType<string[] | null, string | null, string | null>;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}
export type MailMessage = Selectable<MailMessageTable>;
export type NewMailMessage = Insertable<MailMessageTable>;
export type MailMessageUpdate = Updateable<MailMessageTable>;
