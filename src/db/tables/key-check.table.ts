import type { ColumnType } from 'kysely';

/** One secret's check value: an HMAC of a fixed text under the key, never the key itself. */
export interface KeyCheckTable {
  key_name: 'SESSION_SECRET' | 'CPR_KEY';
  check_value: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
