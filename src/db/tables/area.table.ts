import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';

/** An area (forvaltning, centre) grouping units inside a municipality. */
export interface AreaTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  archived_at: Date | null;
  created_at: CreatedAt;
}

export type Area = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type AreaUpdate = Updateable<AreaTable>;
