import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** `myndighed` = authority, `udfører` = service provider, `ekstern` = outside actor. */
export const UNIT_KINDS = ['myndighed', 'udfører', 'ekstern'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit: department, team, profession or outside actor. */
export interface UnitTable {
  id: Generated<string>;
  municipality_id: string;
  area_id: string | null;
  name: string;
  kind: UnitKind;
  archived_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
