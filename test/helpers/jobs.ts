/**
 * Jobs queued behind the worker's back, for the tests that a job run twice (as after a crash
 * before it was marked done) sends nothing twice.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { JobWorker } from '../../src/jobs/job-worker.js';

/** A fresh copy of a job, due now and without a dedupe key. */
async function queueJobCopy(
  db: Kysely<Database>,
  kind: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('job')
    .values({
      kind,
      payload: JSON.stringify(payload),
      run_at: new Date(),
      dedupe_key: null,
      locked_until: null,
      last_error: null,
      done_at: null,
      failed_at: null,
    })
    .execute();
}

/**
 * Queue a copy of a job that already ran (as after a crash before it was marked done), let
 * the worker run what is due once more, and stop it.
 */
export async function rerunAfterCrash(
  db: Kysely<Database>,
  worker: JobWorker,
  kind: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await queueJobCopy(db, kind, payload);
  await worker.runDue();
  await worker.stop();
}
