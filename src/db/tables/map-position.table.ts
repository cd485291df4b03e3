import type { Insertable, Selectable } from 'kysely';

/** Where a unit sits on the network map; shared by every wave, so layouts stay stable. */
export interface MapPositionTable {
  municipality_id: string;
  unit_id: string;
  x: number;
  y: number;
}
export type MapPosition = Selectable<MapPositionTable>;
export type NewMapPosition = Insertable<MapPositionTable>;
