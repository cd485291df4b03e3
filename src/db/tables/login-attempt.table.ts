import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** One login attempt, kept to throttle failures per account and per address (30 days). */
export interface LoginAttemptTable {
  id: Generated<string>;
  email: string;
  success: boolean;
  /** The client address (request.ip); null for attempts from before migration 0015. */
  address: string | null;
  at: ColumnType<Date, Date | undefined, never>;
}

export type LoginAttempt = Selectable<LoginAttemptTable>;
export type NewLoginAttempt = Insertable<LoginAttemptTable>;
