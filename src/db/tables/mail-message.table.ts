import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'outbox';

/** An e-mail: queued for SMTP, being sent, sent, failed, or kept in the outbox when no SMTP is configured. */
export interface MailMessageTable {
  id: Generated<string>;
  municipality_id: string | null;
  measurement_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: ColumnType<Date, never, never>;
  sent_at: Date | null;
}
export type MailMessage = Selectable<MailMessageTable>;
export type NewMailMessage = Insertable<MailMessageTable>;
export type MailMessageUpdate = Updateable<MailMessageTable>;
