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

/** What the outbox calls each kind of message (its `kind` without the internal suffix). */
export const MAIL_KIND_LABELS: Readonly<Record<string, { da: string; en: string }>> = {
  invitation: { da: 'Invitation til måling', en: 'Survey invitation' },
  reminder: { da: 'Påmindelse om måling', en: 'Survey reminder' },
  'citizen-link': { da: 'Borgerens personlige link', en: "Citizen's personal link" },
  'citizen-code': { da: 'Borgerens engangskode', en: "Citizen's one-time code" },
  'citizen-message': { da: 'Besked fra borgeren', en: 'Message from the citizen' },
  'plan-changed': { da: 'Planen er ændret', en: 'The plan has changed' },
  'coordinator-changed': { da: 'Koordinatoren er skiftet', en: 'The coordinator has changed' },
  'progression-due': { da: 'Progressionsmåling forfalden', en: 'Progression measurement due' },
  'meeting-invitation': { da: 'Mødeindkaldelse', en: 'Meeting invitation' },
  'meeting-changed': { da: 'Mødet er ændret', en: 'Meeting changed' },
  'meeting-cancelled': { da: 'Mødet er aflyst', en: 'Meeting cancelled' },
  'meeting-reminder': { da: 'Påmindelse om møde', en: 'Meeting reminder' },
};

/** What the outbox calls each status. */
export const MAIL_STATUS_LABELS: Readonly<Record<MailStatus, { da: string; en: string }>> = {
  queued: { da: 'venter på afsendelse', en: 'waiting to be sent' },
  sending: { da: 'sendes', en: 'being sent' },
  sent: { da: 'sendt', en: 'sent' },
  failed: { da: 'kunne ikke sendes', en: 'could not be sent' },
  outbox: { da: 'i udbakken (ikke sendt)', en: 'in the outbox (not sent)' },
};
