import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';

/** A background job, claimed with FOR UPDATE SKIP LOCKED so several app instances share the queue. */
export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  run_at: ColumnType<Date, Date | undefined, Date>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  done_at: Date | null;
  failed_at: Date | null;
  /** Unique when set: the same job is never queued twice. */
  dedupe_key: string | null;
  created_at: CreatedAt;
}
export type Job = Selectable<JobTable>;
export type NewJob = Insertable<JobTable>;
