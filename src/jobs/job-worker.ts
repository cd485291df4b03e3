/**
 * The background worker: polls the job table, runs each job's handler, retries with
 * exponential backoff, and gives up after `max_attempts`. Several app instances can
 * run workers against one PostgreSQL: a job is claimed by exactly one at a time.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { asSystem } from '../db/tenant.js';
import type { Job } from '../db/tables/job.table.js';
import { claimJobs, failJob, finishJob } from './job.repository.js';

/** Context a handler gets: which attempt this is and whether it is the last. */
export interface JobContext {
  attempt: number;
  final: boolean;
}

export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

export interface JobWorkerOptions {
  pollMs: number;
  batch: number;
  lockMs: number;
  /** First retry delay; doubles per attempt. */
  backoffMs: number;
}

export const JOB_WORKER_DEFAULTS: JobWorkerOptions = {
  pollMs: 1000,
  batch: 20,
  lockMs: 60_000,
  backoffMs: 5000,
};

export class JobWorker {
  private readonly options: JobWorkerOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly handlers: Record<string, JobHandler>,
    options: Partial<JobWorkerOptions> = {},
  ) {
    this.options = { ...JOB_WORKER_DEFAULTS, ...options } satisfies JobWorkerOptions;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
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
    for (const job of jobs) await this.runOne(job);
    return jobs.length;
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
