/**
 * Jobs queued behind the worker's back, for the tests that a job run twice (as after a crash
 * before it was marked done) sends nothing twice.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/** Queue a fresh copy of a job, due now and without a dedupe key. */
export async function queueJobCopy(
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
