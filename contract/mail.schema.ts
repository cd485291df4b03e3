/**
 * The outbox API (`GET /api/outbox`) and the development mail viewer (`/dev/mail…`):
 * queries and success responses as zod schemas, and the response types the web and
 * tests use (`import type` only).
 */
import { z } from 'zod';
import { MAIL_STATUSES, MESSAGE_CHANNELS } from './mail.js';

/** `GET /api/outbox?limit=`: how many of the newest mails. */
export const outboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A mail as staff see it: never a link or code, nor a personal mail's recipient or text. */
export const outboxMail = z.object({
  id: z.string(),
  /** What the mail is, e.g. `invitation`, `reminder` (without its internal suffix). */
  kind: z.string(),
  /** A survey or citizen mail: its recipient and text are not shown. */
  personal: z.boolean(),
  to: z.string().nullable(),
  subject: z.string(),
  body: z.string().nullable(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number(),
  /** The last SMTP error, addresses removed; null for a personal mail. */
  lastError: z.string().nullable(),
  /** ISO times. */
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
/** An outbox mail as the API returns it. */
export type OutboxMail = z.infer<typeof outboxMail>;

/** `GET /api/outbox`. */
export const outbox = z.object({
  /** True when mail goes out by SMTP; otherwise the mails stay here. */
  smtpConfigured: z.boolean(),
  /** True when the development mail viewer (`/dev/mail`) runs on this server. */
  devMailViewer: z.boolean(),
  mails: z.array(outboxMail),
});
/** The outbox as the API returns it. */
export type Outbox = z.infer<typeof outbox>;

/** `GET /dev/mail`: the viewer's page. */
export const devMailPage = z.string().describe("The demo municipality's mails (text/html)");

/** `GET /dev/mail.json`: the demo municipality's mails as their recipients get them. */
export const devMailList = z.object({
  mails: z.array(
    z.object({
      kind: z.string(),
      /** `sms`: a text message to the number in `to`. */
      channel: z.enum(MESSAGE_CHANNELS),
      to: z.string(),
      subject: z.string(),
      /** The text with its links and codes. */
      text: z.string(),
      createdAt: z.string(),
    }),
  ),
});
/** The development mail viewer's JSON as the server returns it. */
export type DevMailList = z.infer<typeof devMailList>;
