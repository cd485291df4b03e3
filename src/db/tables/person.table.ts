import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { PersonRole } from '../../../contract/org.js';

// Declared once, in the contract; re-exported for the modules that still import them here.
export { PERSON_ROLES, type PersonRole } from '../../../contract/org.js';

/** A person in the organisation (may or may not have a login). */
export interface PersonTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string;
  name: string;
  email: string;
  role: PersonRole;
  /** Optional, normalised (trimmed, lower case), e.g. "socialrådgiver"; groups profession measurements. */
  profession: Generated<string | null>;
  archived_at: Date | null;
  created_at: CreatedAt;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
