/**
 * Queuing and sending mail. Every mail is a row in `mail_message`; with SMTP a
 * background job sends it (retried with backoff, a final failure is marked on the
 * row); without SMTP it goes straight to the outbox.
 *
 * Links that carry a personal token are removed from the stored copy once the mail
 * is sent, so the database does not keep a way into anyone's survey.
 *
 * Sending is at most once: the row is marked `sending` (committed) before the mail goes
 * to SMTP and `sent` as soon as SMTP accepts it. A process that dies in between leaves
 * `sending`, and that mail is never sent again automatically (it may have arrived); it
 * is marked failed with a note, and the owner's reminder resends the link if needed.
 * The mail's id is its Message-ID, so a receiving system can also tell a copy.
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

/** `last_error` of a mail whose sending was interrupted (the process stopped mid-send). */
export const INTERRUPTED =
  'Afsendelsen blev afbrudt; ikke sendt igen for at undgå en dublet / sending was interrupted; not resent to avoid a duplicate';

/** The job handler that sends one queued mail over the transport. */
export function sendMailHandler(db: Kysely<Database>, transport: MailTransport): JobHandler {
  return async (payload, { final }) => {
    const mailId = String(payload.mailId);
    // Take the mail: only a queued one, and the mark is committed before sending.
    const mail = await db
      .updateTable('mail_message')
      .set((eb) => ({ status: 'sending' as const, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', mailId)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (!mail) {
      // Still `sending`: an earlier attempt stopped between SMTP and the mark.
      await db
        .updateTable('mail_message')
        .set({ status: 'failed', last_error: INTERRUPTED })
        .where('id', '=', mailId)
        .where('status', '=', 'sending')
        .execute();
      return;
    }
    try {
      await transport.send({
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body_text,
        messageId: `<${mail.id}@samspil>`,
      });
    } catch (error) {
      // Not accepted by SMTP: safe to try again (or failed for good on the last attempt).
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('mail_message')
        .set({ status: final ? 'failed' : 'queued', last_error: message.slice(0, 1000) })
        .where('id', '=', mailId)
        .execute();
      throw error;
    }
    await db
      .updateTable('mail_message')
      .set({
        status: 'sent',
        sent_at: new Date(),
        last_error: null,
        body_text: mail.body_text.replace(PERSONAL_LINK, REDACTED),
      })
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
