/** The background worker with every job handler the app has. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { JobWorker, type JobWorkerOptions } from '../jobs/job-worker.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { SEND_MAIL_JOB, sendMailHandler } from '../mail/mail.service.js';

export function createWorker(
  db: Kysely<Database>,
  mail: MailTransport,
  options: Partial<JobWorkerOptions> = {},
): JobWorker {
  return new JobWorker(db, { [SEND_MAIL_JOB]: sendMailHandler(db, mail) }, options);
}
