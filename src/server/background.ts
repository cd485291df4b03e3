/** The background worker with every job handler the app has. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { JobWorker, type JobWorkerOptions } from '../jobs/job-worker.js';
import type { MailTransport } from '../mail/mail-transport.js';
import type { SmsTransport } from '../mail/sms-transport.js';
import { SEND_MAIL_JOB, sendMailHandler } from '../mail/mail.service.js';
import { PURGE_AUDIT_JOB, purgeAuditHandler } from '../courses/course-privacy.service.js';
import { MEETING_REMINDER_JOB, meetingReminderHandler } from '../meetings/meeting.service.js';
import { PROGRESSION_DUE_JOB, progressionDueHandler } from '../progression/progression.service.js';

/** The worker; `sms` sends queued text messages (without it, none are queued to send). */
export function createWorker(
  db: Kysely<Database>,
  mail: MailTransport,
  { sms, ...options }: Partial<JobWorkerOptions> & { sms?: SmsTransport } = {},
): JobWorker {
  return new JobWorker(
    db,
    {
      [SEND_MAIL_JOB]: sendMailHandler(db, mail, sms),
      [PURGE_AUDIT_JOB]: purgeAuditHandler(db),
      [MEETING_REMINDER_JOB]: meetingReminderHandler(db, mail),
      [PROGRESSION_DUE_JOB]: progressionDueHandler(db, mail),
    },
    options,
  );
}
