/**
 * The background worker: polls the job table, runs each job's handler, retries with
 * exponential backoff, and gives up after `max_attempts`. Several app instances can
 * run workers against one PostgreSQL: a job is claimed by exactly one at a time.
 *
 * A claim is a short lease, renewed while the worker still holds the job: a worker that
 * dies leaves its jobs to others within `lockMs`, and one that stops gracefully gives
 * back the jobs it has not started at once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { asSystem } from '../db/tenant.js';
import type { Job } from '../db/tables/job.table.js';
import {
  claimJobs,
  failJob,
  finishJob,
  releaseClaims,
  renewClaims,
  type Claim,
} from './job.repository.js';

/** Context a handler gets: which attempt this is and whether it is the last. */
export interface JobContext {
  attempt: number;
  final: boolean;
}

export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

export interface JobWorkerOptions {
  pollMs: number;
  batch: number;
  /** The claim's lease; renewed every third of it while the job is held. */
  lockMs: number;
  /** First retry delay; doubles per attempt. */
  backoffMs: number;
}

export const JOB_WORKER_DEFAULTS: JobWorkerOptions = {
  pollMs: 1000,
  batch: 20,
  lockMs: 15_000,
  backoffMs: 5000,
};

export class JobWorker {
  private readonly options: JobWorkerOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  /** Set by `stop`: the current batch ends after the job in hand. */
  private stopping = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly handlers: Record<string, JobHandler>,
    options: Partial<JobWorkerOptions> = {},
  ) {
    this.options = { ...JOB_WORKER_DEFAULTS, ...options } satisfies JobWorkerOptions;
  }

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runDue()
        .catch(() => 0)
        .then((count) => this.schedule(count > 0 ? 0 : this.options.pollMs));
    }, delay);
  }

  /**
   * Run every job that is due now; returns how many ran. Tests call this directly. Jobs
   * of every municipality run here, so never in the scope of whoever triggered the run.
   */
  runDue(): Promise<number> {
    const run = (this.running ?? Promise.resolve(0)).then(() => asSystem(() => this.runBatch()));
    this.running = run.catch(() => 0);
    return run;
  }

  private async runBatch(): Promise<number> {
    const jobs = await claimJobs(this.db, this.options.batch, this.options.lockMs);
    if (jobs.length === 0) return 0;
    const held = new Map<string, Claim>(
      jobs.map((j) => [j.id, { id: j.id, attempts: j.attempts }]),
    );
    const renew = setInterval(() => {
      renewClaims(this.db, [...held.values()], this.options.lockMs).catch(() => {
        // The database is away: the lease may lapse and another worker take the job.
      });
    }, this.options.lockMs / 3);
    let ran = 0;
    try {
      for (const job of jobs) {
        if (this.stopping) break;
        await this.runOne(job);
        held.delete(job.id);
        ran++;
      }
    } finally {
      clearInterval(renew);
      // Stopping: the jobs not started go back to the queue now, not when the lease ends.
      if (held.size > 0) await releaseClaims(this.db, [...held.values()]).catch(() => {});
    }
    return ran;
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers[job.kind];
    const final = job.attempts >= job.max_attempts;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload, { attempt: job.attempts, final });
      await finishJob(this.db, job.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = final
        ? null
        : new Date(Date.now() + this.options.backoffMs * 2 ** (job.attempts - 1));
      await failJob(this.db, job, message.slice(0, 2000), retryAt);
    }
  }
}
