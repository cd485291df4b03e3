import type { Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { ConsentForm } from '../../../contract/consents.js';

/** A citizen's consent to share information with parties; withdrawn, never deleted. */
export interface ConsentTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  purpose: string;
  party_ids: JSONColumnType<string[], string, never>;
  member_ids: JSONColumnType<string[], string, never>;
  /** ISO dates `YYYY-MM-DD`. */
  given_on: string;
  expires_on: string;
  form: ConsentForm;
  witness: string | null;
  recorded_by: string;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
  /** The citizen consents to research use: the evaluation export may carry their CPR number. */
  research_use: Generated<boolean>;
  created_at: CreatedAt;
}

export type Consent = Selectable<ConsentTable>;
export type NewConsent = Insertable<ConsentTable>;
