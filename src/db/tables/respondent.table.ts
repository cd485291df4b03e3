import type { Generated, Insertable, Selectable } from 'kysely';
import type { Arm } from './measurement.table.js';
import type { PersonRole } from './person.table.js';

/** An anonymous respondent: a random id with unit and role, never a person. */
export interface RespondentTable {
  id: Generated<string>;
  measurement_id: string;
  unit_id: string;
  role: PersonRole;
  /** The respondent's group in a measurement whose groups are professions; else null. */
  profession: Generated<string | null>;
  /** The keys of the groups the respondent said they work with (null until chosen). */
  chosen_groups: string[] | null;
  arm: Arm | null;
  case_ref: string | null;
  source: 'survey' | 'import';
  submitted: Generated<boolean>;
}
export type Respondent = Selectable<RespondentTable>;
export type NewRespondent = Insertable<RespondentTable>;
