import type { Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { CoordinatorRole } from '../../../contract/courses.js';

/** A co-coordinator of a course beside its lead (`course.coordinator_person_id`). */
export interface CourseCoordinatorTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  person_id: string;
  role: CoordinatorRole;
  added_by: string | null;
  created_at: CreatedAt;
}

export type CourseCoordinator = Selectable<CourseCoordinatorTable>;
export type NewCourseCoordinator = Insertable<CourseCoordinatorTable>;
