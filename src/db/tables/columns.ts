/** Column types that many tables share. */
import type { ColumnType } from 'kysely';

/** A time the database sets on insert (`default now()`) and nothing writes afterwards. */
export type CreatedAt = ColumnType<Date, never, never>;

/** A time the database sets on insert and every update writes anew. */
export type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
