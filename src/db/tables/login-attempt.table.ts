import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** One login attempt, kept to cap failed attempts per account per hour. */
export interface LoginAttemptTable {
  id: Generated<string>;
  email: string;
  success: boolean;
  at: ColumnType<Date, Date | undefined, never>;
}

export type LoginAttempt = Selectable<LoginAttemptTable>;
export type NewLoginAttempt = Insertable<LoginAttemptTable>;
