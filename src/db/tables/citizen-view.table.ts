import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { CitizenMessageKind, CitizenScaleValue } from '../../../contract/citizen-view.js';

/**
 * A citizen's personal link to their course: only the SHA-256 of the token is kept; a
 * one-time code (also hashed) is needed before it shows anything. Five wrong codes lock it.
 */
export interface CitizenLinkTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  member_id: string;
  token_hash: string;
  expires_at: Date;
  code_hash: string | null;
  code_expires_at: Date | null;
  codes_sent: Generated<number>;
  failed_attempts: Generated<number>;
  locked_at: Date | null;
  revoked_at: Date | null;
  /** The staff user who made the link; empty for a MitID sign-in's own link. */
  created_by: string | null;
  /** `mitid`: made by a MitID sign-in, never sent to anyone. */
  via: ColumnType<'link' | 'mitid', 'link' | 'mitid' | undefined, never>;
  created_at: CreatedAt;
}
export type CitizenLink = Selectable<CitizenLinkTable>;
export type NewCitizenLink = Insertable<CitizenLinkTable>;

/** A short citizen session after the one-time code: one course, one member, an HttpOnly cookie. */
export interface CitizenSessionTable {
  id_hash: string;
  link_id: string;
  municipality_id: string;
  course_id: string;
  member_id: string;
  expires_at: Date;
  created_at: CreatedAt;
}
export type CitizenSession = Selectable<CitizenSessionTable>;
export type NewCitizenSession = Insertable<CitizenSessionTable>;

/** A comment or a wish to the plan, written by the citizen; lands with the coordinator. */
export interface CitizenMessageTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  member_id: string;
  kind: CitizenMessageKind;
  text: string;
  created_at: CreatedAt;
}
export type CitizenMessage = Selectable<CitizenMessageTable>;

/** The caseworker asks the citizen scale (DOMAIN.md §2.3); the citizen answers it once. */
export interface CitizenScaleTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  member_id: string;
  requested_by: string;
  requested_at: CreatedAt;
  answers: JSONColumnType<Record<string, CitizenScaleValue> | null, string | null, string>;
  answered_at: Date | null;
}
export type CitizenScale = Selectable<CitizenScaleTable>;
