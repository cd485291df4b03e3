/**
 * Queuing and sending mail. Every mail is a row in `mail_message`; with SMTP a
 * background job sends it (retried with backoff, a final failure is marked on the
 * row); without SMTP it goes straight to the outbox.
 *
 * A mail's secrets (a personal survey link, a citizen's link or one-time code, any
 * future token) are never part of its stored subject or text: the text holds a
 * placeholder and the values sit apart in `secrets`, which only the sending job (and the
 * development mail viewer) reads, and which is dropped once the mail is sent or has
 * finally failed. Without SMTP the secrets stay until then, and no staff endpoint shows them.
 *
 * Sending is at most once: the row is marked `sending` (committed) before the mail goes
 * to SMTP and `sent` as soon as SMTP accepts it. A process that dies in between leaves
 * `sending`, and that mail is never sent again automatically (it may have arrived); it
 * is marked failed with a note, and the owner's reminder resends the link if needed.
 * The mail's id is its Message-ID, so a receiving system can also tell a copy.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueueJob } from '../jobs/job.repository.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { MailTransport } from './mail-transport.js';
import { noSms, type SmsTransport } from './sms-transport.js';
import type { MessageChannel } from '../../contract/mail.js';
import type { Db } from '../db/db.js';

export const SEND_MAIL_JOB = 'send-mail';
/** A personal link (survey or citizen) in a text: always treated as a secret. */
export const PERSONAL_LINK = /https?:\/\/\S+\/(s|borger)\/\S+/g;
/** The stand-in for the i-th secret in a stored text. */
const placeholder = (i: number) => `⟦secret:${i}⟧`;
const PLACEHOLDER = /⟦secret:(\d+)⟧/g;
/** What staff see where a secret was. */
export const HIDDEN_SECRET =
  '[personligt link eller kode – vises ikke / personal link or code – not shown]';

export interface QueuedMail {
  municipalityId: string | null;
  measurementId?: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** Values in the text that open something (links, tokens, codes); never stored in it. */
  secrets?: string[];
}

/**
 * Split a text into the stored text (secrets replaced by placeholders) and its secrets.
 * Personal links are found even when not declared, so a forgotten declaration still hides them.
 */
export function separateSecrets(
  text: string,
  declared: readonly string[] = [],
): { text: string; secrets: string[] } {
  const found = [...declared, ...(text.match(PERSONAL_LINK) ?? [])].filter((s) => s !== '');
  // Longest first, so a link is replaced whole before a token inside it.
  const candidates = [...new Set(found)].sort((a, b) => b.length - a.length);
  let stored = text;
  const secrets: string[] = [];
  for (const secret of candidates) {
    if (!stored.includes(secret)) continue;
    stored = stored.replaceAll(secret, placeholder(secrets.length));
    secrets.push(secret);
  }
  return { text: stored, secrets };
}

/** The text as the recipient gets it: placeholders filled with the secrets. */
export function fillSecrets(text: string, secrets: readonly string[] | null): string {
  return text.replace(PLACEHOLDER, (whole, i: string) => secrets?.[Number(i)] ?? HIDDEN_SECRET);
}

/** The text as staff may see it: no secret, whatever was stored. */
export function hideSecrets(text: string): string {
  return text.replace(PLACEHOLDER, HIDDEN_SECRET).replace(PERSONAL_LINK, HIDDEN_SECRET);
}

/**
 * Mails addressed to one person with a key or about their survey: staff see neither their
 * recipient nor their text, since a reminder's recipient is someone who has not answered.
 */
export function isPersonalMail(mail: { kind: string; measurement_id: string | null }): boolean {
  return (
    mail.measurement_id !== null ||
    mail.kind.startsWith('invitation') ||
    mail.kind.startsWith('reminder') ||
    mail.kind.startsWith('citizen-link') ||
    mail.kind.startsWith('citizen-code')
  );
}

/** Store a mail and queue its sending (or put it in the outbox when no SMTP is configured). */
export async function queueMail(
  db: Db,
  transport: MailTransport,
  mail: QueuedMail,
): Promise<string> {
  return storeMessage(db, mail, 'email', transport.kind === 'smtp');
}

/**
 * Store a text message and queue its sending through the SMS gateway (or keep it in the
 * outbox when there is none); `to` is a number like `+4520304050`, the subject is not sent.
 */
export async function queueSms(db: Db, transport: SmsTransport, sms: QueuedMail): Promise<string> {
  if (transport.kind === 'none') throw new Error(`no SMS gateway for a "${sms.kind}" SMS`);
  return storeMessage(db, sms, 'sms', transport.kind === 'http');
}

async function storeMessage(
  db: Db,
  mail: QueuedMail,
  channel: MessageChannel,
  deliver: boolean,
): Promise<string> {
  const { text, secrets } = separateSecrets(mail.text, mail.secrets);
  if (
    secrets.some((secret) => mail.subject.includes(secret)) ||
    mail.subject.match(PERSONAL_LINK) !== null
  ) {
    // A programming error: subjects are listed everywhere, so they never carry a key.
    throw new Error(`a secret in the subject of a "${mail.kind}" mail`);
  }
  const row = await db
    .insertInto('mail_message')
    .values({
      municipality_id: mail.municipalityId,
      measurement_id: mail.measurementId ?? null,
      kind: mail.kind,
      channel,
      to_address: mail.to,
      subject: mail.subject,
      body_text: text,
      secrets: secrets.length > 0 ? JSON.stringify(secrets) : null,
      status: deliver ? 'queued' : 'outbox',
      last_error: null,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (deliver) {
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

/** The job handler that sends one queued mail (or SMS) over its transport. */
export function sendMailHandler(
  db: Kysely<Database>,
  transport: MailTransport,
  sms: SmsTransport = noSms,
): JobHandler {
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
        .set({ status: 'failed', last_error: INTERRUPTED, secrets: null })
        .where('id', '=', mailId)
        .where('status', '=', 'sending')
        .execute();
      return;
    }
    try {
      const text = fillSecrets(mail.body_text, mail.secrets);
      if (mail.channel === 'sms') await sms.send({ to: mail.to_address, text, reference: mail.id });
      else {
        await transport.send({
          to: mail.to_address,
          subject: mail.subject,
          text,
          messageId: `<${mail.id}@samspil>`,
        });
      }
    } catch (error) {
      // Not accepted by SMTP: safe to try again (or failed for good on the last attempt).
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('mail_message')
        .set({
          status: final ? 'failed' : 'queued',
          last_error: message.slice(0, 1000),
          // A mail that will never be sent needs its secrets no more.
          ...(final ? { secrets: null } : {}),
        })
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
        secrets: null,
      })
      .where('id', '=', mailId)
      .execute();
  };
}

/** The newest mails of a municipality (the outbox page); never their secrets. */
export async function listMail(db: Db, municipalityId: string, limit: number) {
  return db
    .selectFrom('mail_message')
    .select([
      'id',
      'kind',
      'measurement_id',
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

/** The newest mails of the municipality with this slug, as their recipients get them. */
export async function listMailWithSecrets(db: Db, municipalitySlug: string, limit: number) {
  const rows = await db
    .selectFrom('mail_message')
    .innerJoin('municipality', 'municipality.id', 'mail_message.municipality_id')
    .select([
      'mail_message.kind',
      'mail_message.channel',
      'mail_message.to_address',
      'mail_message.subject',
      'mail_message.body_text',
      'mail_message.secrets',
      'mail_message.created_at',
    ])
    .where('municipality.slug', '=', municipalitySlug)
    .orderBy('mail_message.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((m) => ({
    kind: m.kind.split(':')[0]!,
    channel: m.channel,
    to: m.to_address,
    subject: m.subject,
    text: fillSecrets(m.body_text, m.secrets),
    createdAt: m.created_at.toISOString(),
  }));
}
