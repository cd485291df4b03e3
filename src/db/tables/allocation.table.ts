import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';

/** A random allocation of a period's eligible courses to intervention or control; append-only. */
export interface AllocationTable {
  id: Generated<string>;
  municipality_id: string;
  /** ISO dates `YYYY-MM-DD`, inclusive: courses started in the period were eligible. */
  period_from: string;
  period_to: string;
  /** The seed of the shuffle (0 ≤ seed < 2³²); bigint is read as text by the drivers. */
  seed: ColumnType<string, number, never>;
  /** The eligibility rule's key at the time (`ELIGIBILITY_RULE`). */
  rule: string;
  created_by: string | null;
  created_at: CreatedAt;
}
export type Allocation = Selectable<AllocationTable>;
export type NewAllocation = Insertable<AllocationTable>;

/** One allocated course and its arm: join `course_id` to get a course's arm. */
export interface AllocationCourseTable {
  allocation_id: string;
  municipality_id: string;
  course_id: string;
  arm: 'intervention' | 'kontrol';
  /** In the most complex subgroup when allocated (> 5 municipal units, ≥ 2 authority functions). */
  most_complex: boolean;
}
export type AllocationCourse = Selectable<AllocationCourseTable>;
