import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { ExternalType, PartyKind } from '../../../contract/courses.js';

/** One party of a course's network: a unit, a named professional or an outside actor. */
export interface CoursePartyTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  kind: PartyKind;
  unit_id: string | null;
  person_id: string | null;
  external_type: ExternalType | null;
  /** The outside actor's name; for units and professionals the organisation's name is shown. */
  name: string | null;
  /** A relative's (pårørende) relation to the citizen; null for every other party. */
  relation: string | null;
  phone: string | null;
  email: string | null;
  task: string;
  response_time: string;
  created_at: CreatedAt;
}

export type CourseParty = Selectable<CoursePartyTable>;
export type NewCourseParty = Insertable<CoursePartyTable>;
export type CoursePartyUpdate = Updateable<CoursePartyTable>;
