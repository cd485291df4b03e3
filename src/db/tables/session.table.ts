import type { ColumnType, Insertable, Selectable } from 'kysely';

/** A login session. `id_hash` is the SHA-256 of the cookie value; the value itself is never stored. */
export interface SessionTable {
  id_hash: string;
  user_id: string;
  municipality_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: Date;
}

export type Session = Selectable<SessionTable>;
export type NewSession = Insertable<SessionTable>;
