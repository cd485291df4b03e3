import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type {
  CoordinatorRole,
  CourseKind,
  CourseStatus,
  TargetGroup,
} from '../../../contract/courses.js';

/** A citizen's course (borgerforløb): one coordinator, one network, one versioned plan. */
export interface CourseTable {
  id: Generated<string>;
  municipality_id: string;
  kind: CourseKind;
  target_group: TargetGroup;
  /** ISO date `YYYY-MM-DD`. */
  start_date: string;
  status: CourseStatus;
  coordinator_person_id: string;
  coordinator_role: CoordinatorRole;
  created_by: string;
  /** The main citizen's CPR hash: one open course per citizen (partial unique index). */
  main_cpr_hash: string;
  closed_at: Date | null;
  created_at: CreatedAt;
  /** The course's arm in an intervention/control design; null = not in one. */
  arm: Generated<'intervention' | 'kontrol' | null>;
}

export type Course = Selectable<CourseTable>;
export type NewCourse = Insertable<CourseTable>;
export type CourseUpdate = Updateable<CourseTable>;
