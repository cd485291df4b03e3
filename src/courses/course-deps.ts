/** What the Én plan services need, injected once when the routes are registered. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { MailTransport } from '../mail/mail-transport.js';
import type { SmsTransport } from '../mail/sms-transport.js';
import type { CprVault } from './cpr.js';

export interface CourseDeps {
  db: Kysely<Database>;
  mail: MailTransport;
  /** Where a citizen's code goes when they prefer SMS; absent or `none` means e-mail. */
  sms?: SmsTransport;
  vault: CprVault;
  /** Base of links in notification mails. */
  publicUrl: string;
  /** Days a deleted course's audit entries are kept before purging. */
  auditRetentionDays: number;
}
