/** Mail's plain values, shared by server and web (no zod here). */

/**
 * Where a mail is: queued for SMTP, being sent, sent, finally failed, or kept in the
 * outbox because no SMTP server is configured.
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'outbox'] as const;
/** One of `MAIL_STATUSES`. */
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** How a message goes: e-mail, or SMS (a citizen's one-time code). */
export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
/** One of `MESSAGE_CHANNELS`. */
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
