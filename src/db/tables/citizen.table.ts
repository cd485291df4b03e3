import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { ContactForm, MemberRelation } from '../../../contract/courses.js';

/**
 * A person in a course (a member): the main citizen (`relation = 'borger'`, position 0)
 * or a family member. The CPR number is kept only encrypted, with an HMAC for lookup
 * and the masked form for display. Its id is the `citizen_id` of the audit log.
 */
export interface CitizenTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  relation: MemberRelation;
  position: number;
  name: string;
  cpr_encrypted: string | null;
  cpr_hash: string | null;
  cpr_masked: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferred_contact: ContactForm | null;
  created_at: CreatedAt;
}

export type Citizen = Selectable<CitizenTable>;
export type NewCitizen = Insertable<CitizenTable>;
export type CitizenUpdate = Updateable<CitizenTable>;
