/** The job queue as SQL: enqueue, claim with FOR UPDATE SKIP LOCKED, finish, retry. */
import { sql } from 'kysely';
import type { Job } from '../db/tables/job.table.js';
import type { Db } from '../db/db.js';

/** Queue a job; with a dedupe key, a second identical job is silently not queued. */
export async function enqueueJob(
  db: Db,
  job: {
    kind: string;
    payload: Record<string, unknown>;
    runAt?: Date;
    dedupeKey?: string;
    maxAttempts?: number;
  },
): Promise<void> {
  await db
    .insertInto('job')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt ?? new Date(),
      dedupe_key: job.dedupeKey ?? null,
      locked_until: null,
      last_error: null,
      done_at: null,
      failed_at: null,
      ...(job.maxAttempts === undefined ? {} : { max_attempts: job.maxAttempts }),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Claim up to `limit` due jobs for `lockMs`; other workers skip them meanwhile. */
export async function claimJobs(db: Db, limit: number, lockMs: number): Promise<Job[]> {
  const result = await sql<Job>`
    UPDATE job SET locked_until = now() + ${`${lockMs} milliseconds`}::interval, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM job
      WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
        AND (locked_until IS NULL OR locked_until < now())
      ORDER BY run_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  // RETURNING keeps no order: run the claimed jobs oldest first, as they were chosen.
  return result.rows.sort(
    (a, b) => a.run_at.getTime() - b.run_at.getTime() || Number(a.id) - Number(b.id),
  );
}

/** A job as its claimer holds it: `attempts` tells this claim from a later one. */
export interface Claim {
  id: string;
  attempts: number;
}

/**
 * Extend the lease of jobs still held by these claims. A claim that lapsed and was
 * taken by another worker has a higher `attempts` and is left alone.
 */
export async function renewClaims(db: Db, claims: Claim[], lockMs: number): Promise<void> {
  if (claims.length === 0) return;
  await sql`
    UPDATE job SET locked_until = now() + ${`${lockMs} milliseconds`}::interval
    FROM unnest(${claims.map((c) => c.id)}::bigint[], ${claims.map((c) => c.attempts)}::integer[])
      AS c(id, attempts)
    WHERE job.id = c.id AND job.attempts = c.attempts AND job.done_at IS NULL`.execute(db);
}

/** Give back claimed jobs that were not started, due at once and not counted as an attempt. */
export async function releaseClaims(db: Db, claims: Claim[]): Promise<void> {
  if (claims.length === 0) return;
  await sql`
    UPDATE job SET locked_until = NULL, attempts = job.attempts - 1
    FROM unnest(${claims.map((c) => c.id)}::bigint[], ${claims.map((c) => c.attempts)}::integer[])
      AS c(id, attempts)
    WHERE job.id = c.id AND job.attempts = c.attempts AND job.done_at IS NULL`.execute(db);
}

export async function finishJob(db: Db, id: string): Promise<void> {
  await db
    .updateTable('job')
    .set({ done_at: new Date(), locked_until: null })
    .where('id', '=', id)
    .execute();
}

/** Record a failure: retry later with backoff, or give up after the last attempt. */
export async function failJob(
  db: Db,
  job: Job,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('job')
    .set(
      retryAt === null
        ? { failed_at: new Date(), locked_until: null, last_error: error }
        : { run_at: retryAt, locked_until: null, last_error: error },
    )
    .where('id', '=', job.id)
    .execute();
}
