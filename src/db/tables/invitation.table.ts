import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PersonRole } from './person.table.js';

export type InvitationStatus = 'pending' | 'invited' | 'finished';

/**
 * Who was invited to a measurement and whether they finished. Holds no answer and
 * no readable link to one: `respondent_ref` is sealed with the respondent's token
 * (stored only as `token_hash`) and erased at submission; `token_sealed` is the
 * token sealed with the server key, kept only to send reminders.
 */
export interface InvitationTable {
  id: Generated<string>;
  measurement_id: string;
  person_id: string;
  unit_id: string;
  role: PersonRole;
  /** The person's profession, only in a measurement whose groups are professions. */
  profession: Generated<string | null>;
  token_hash: string | null;
  token_sealed: string | null;
  respondent_ref: string | null;
  status: Generated<InvitationStatus>;
  /** Dates only, never times: a time could be matched to answers. */
  invited_on: string | null;
  finished_on: string | null;
  reminders: Generated<number>;
}
export type Invitation = Selectable<InvitationTable>;
export type NewInvitation = Insertable<InvitationTable>;
export type InvitationUpdate = Updateable<InvitationTable>;
