import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, UpdatedAt } from './columns.js';

import type { WorkshopRating } from '../../../contract/workshops.js';

export type { WorkshopRating } from '../../../contract/workshops.js';

/** A dialogue workshop (workshop mode for a meeting room), in one of its three steps. */
export interface WorkshopTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  /** The target group the network is drawn around (free text). */
  target_group: string;
  /** The measurement whose map is laid beside the room's, when linked. */
  measurement_id: string | null;
  /** The citizen's course the network is drawn around, when linked: only its readers see it. */
  course_id: ColumnType<string | null, string | null | undefined, never>;
  step: Generated<number>;
  /** The actor whose place the room takes in step 2. */
  current_actor_id: string | null;
  /** Who holds the facilitator lock, and when they were last seen holding it. */
  facilitator_id: string | null;
  facilitator_seen_at: Date | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type Workshop = Selectable<WorkshopTable>;
export type NewWorkshop = Insertable<WorkshopTable>;
export type WorkshopUpdate = Updateable<WorkshopTable>;

/** An actor (bubble) on a workshop's canvas: a unit of the organisation or typed on the spot. */
export interface WorkshopActorTable {
  id: Generated<string>;
  workshop_id: string;
  unit_id: string | null;
  label: string;
  /** Canvas coordinates: x 0–1000, y 0–600. */
  x: number;
  y: number;
  created_at: CreatedAt;
}
export type WorkshopActor = Selectable<WorkshopActorTable>;

/** One actor's tie to another as the room sees it from the first actor's place. */
export interface WorkshopRatingTable {
  workshop_id: string;
  from_actor_id: string;
  to_actor_id: string;
  rating: WorkshopRating;
}
export type WorkshopRatingRow = Selectable<WorkshopRatingTable>;

/** A development point (udviklingspunkt) agreed in step 3, with its owner and date. */
export interface WorkshopPointTable {
  id: Generated<string>;
  workshop_id: string;
  text: string;
  owner: string;
  /** A date only; read as `YYYY-MM-DD` text. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  done: Generated<boolean>;
  x: Generated<number>;
  y: Generated<number>;
  created_at: CreatedAt;
}
export type WorkshopPoint = Selectable<WorkshopPointTable>;
