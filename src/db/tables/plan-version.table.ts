import type { Insertable, JSONColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';

/** One saved version of a course's plan; never updated, the next save is a new row. */
export interface PlanVersionTable {
  course_id: string;
  version: number;
  /** The plan document (see `src/plans/plan.ts`). */
  plan: JSONColumnType<Record<string, unknown>, string, never>;
  changed_by: string;
  /** Names of the people who took part in the revision. */
  participants: JSONColumnType<string[], string, never>;
  note: string | null;
  changed_at: CreatedAt;
}

export type PlanVersion = Selectable<PlanVersionTable>;
export type NewPlanVersion = Insertable<PlanVersionTable>;
