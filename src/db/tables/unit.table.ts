import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { UnitKind } from '../../../contract/org.js';

// Declared once, in the contract; re-exported for the modules that still import them here.
export { UNIT_KINDS, type UnitKind } from '../../../contract/org.js';

/** A unit: department, team, profession or outside actor. */
export interface UnitTable {
  id: Generated<string>;
  municipality_id: string;
  area_id: string | null;
  name: string;
  kind: UnitKind;
  archived_at: Date | null;
  created_at: CreatedAt;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
