import type { Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';

/** An earlier text of a corrected journal entry, kept so no correction rewrites silently. */
export interface JournalRevision {
  text: string;
  /** When the correction replaced this text (ISO timestamp). */
  replacedAt: string;
}

/** One dated entry in a course's journal; `member_id` null means the course as a whole. */
export interface JournalEntryTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  member_id: string | null;
  author_id: string | null;
  /** The author's name and unit when they wrote it (a later move does not rewrite the past). */
  author_name: string;
  author_unit_name: string | null;
  text: string;
  history: JSONColumnType<JournalRevision[], string | undefined, string>;
  corrected_at: Date | null;
  wrong_at: Date | null;
  wrong_reason: string | null;
  created_at: CreatedAt;
}
export type JournalEntryRow = Selectable<JournalEntryTable>;
export type NewJournalEntry = Insertable<JournalEntryTable>;

/** One piece of information already obtained for a course: what, from whom, when, where kept. */
export interface ObtainedInformationTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  member_id: string | null;
  what: string;
  /** The network party it came from, when it is one; `source_name` always names the source. */
  source_party_id: string | null;
  source_name: string;
  obtained_on: string;
  kept_at: string;
  registered_by: string | null;
  registered_by_name: string;
  registered_by_unit_name: string | null;
  created_at: CreatedAt;
}
export type ObtainedInformationRow = Selectable<ObtainedInformationTable>;
export type NewObtainedInformation = Insertable<ObtainedInformationTable>;
