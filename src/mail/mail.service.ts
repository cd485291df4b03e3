/**
 * Queuing and sending mail. Every mail is a row in `mail_message`; with SMTP a
 * background job sends it (retried with backoff, a final failure is marked on the
 * row); without SMTP it goes straight to the outbox.
 *
 * Links that carry a personal token are removed from the stored copy once the mail
 * is sent, so the database does not keep a way into anyone's survey.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueueJob } from '../jobs/job.repository.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { MailTransport } from './mail-transport.js';

type Db = Kysely<Database> | Transaction<Database>;

export const SEND_MAIL_JOB = 'send-mail';
/** Marks the end of a personal link in a stored mail body, so it can be redacted after sending. */
export const PERSONAL_LINK = /https?:\/\/\S+\/(s|borger)\/\S+/g;
const REDACTED = '[personligt link fjernet efter afsendelse / personal link removed after sending]';

export interface QueuedMail {
  municipalityId: string | null;
  measurementId?: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

/** Store a mail and queue its sending (or put it in the outbox when no SMTP is configured). */
export async function queueMail(
  db: Db,
  transport: MailTransport,
  mail: QueuedMail,
): Promise<string> {
  const row = await db
    .insertInto('mail_message')
    .values({
      municipality_id: mail.municipalityId,
      measurement_id: mail.measurementId ?? null,
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      status: transport.kind === 'outbox' ? 'outbox' : 'queued',
      last_error: null,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (transport.kind === 'smtp') {
    await enqueueJob(db, {
      kind: SEND_MAIL_JOB,
      payload: { mailId: row.id },
      dedupeKey: `mail:${row.id}`,
    });
  }
  return row.id;
}

/** The job handler that sends one queued mail over the transport. */
export function sendMailHandler(db: Kysely<Database>, transport: MailTransport): JobHandler {
  return async (payload, { final }) => {
    const mailId = String(payload.mailId);
    const mail = await db
      .selectFrom('mail_message')
      .selectAll()
      .where('id', '=', mailId)
      .executeTakeFirst();
    if (!mail || mail.status === 'sent' || mail.status === 'outbox') return;
    try {
      await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.body_text });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('mail_message')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: message.slice(0, 1000),
          ...(final ? { status: 'failed' as const } : {}),
        }))
        .where('id', '=', mailId)
        .execute();
      throw error;
    }
    await db
      .updateTable('mail_message')
      .set((eb) => ({
        status: 'sent' as const,
        sent_at: new Date(),
        attempts: eb('attempts', '+', 1),
        last_error: null,
        body_text: mail.body_text.replace(PERSONAL_LINK, REDACTED),
      }))
      .where('id', '=', mailId)
      .execute();
  };
}

/** The newest mails of a municipality (the outbox page). */
export async function listMail(db: Db, municipalityId: string, limit: number) {
  return db
    .selectFrom('mail_message')
    .select([
      'id',
      'kind',
      'to_address',
      'subject',
      'body_text',
      'status',
      'attempts',
      'last_error',
      'created_at',
      'sent_at',
    ])
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
