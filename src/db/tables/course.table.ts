import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const COURSE_KINDS = ['individual', 'family'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const TARGET_GROUPS = ['voksne', 'unge-15-30', 'familier', 'boern', 'andet'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const COURSE_STATUSES = ['open', 'closed'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const COORDINATOR_ROLES = [
  'koordinerende-sagsbehandler',
  'plankoordinator',
  'makker',
  'tvaergaaende-sagsbehandler',
  'kontaktperson',
] as const;
export type CoordinatorRole = (typeof COORDINATOR_ROLES)[number];

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
  created_at: ColumnType<Date, never, never>;
  /** The course's arm in an intervention/control design; null = not in one. */
  arm: Generated<'intervention' | 'kontrol' | null>;
}

export type Course = Selectable<CourseTable>;
export type NewCourse = Insertable<CourseTable>;
export type CourseUpdate = Updateable<CourseTable>;
