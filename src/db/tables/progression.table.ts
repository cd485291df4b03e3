import type { Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { CreatedAt, UpdatedAt } from './columns.js';
import type {
  InstrumentGroup,
  ProgressionValue,
  RespondentKind,
} from '../../../contract/progression.js';
import type { InstrumentItem } from '../../../contract/progression.schema.js';

/** A progression instrument of a municipality, for one target group (or all). */
export interface ProgressionInstrumentTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  target_group: InstrumentGroup;
  description: string;
  items: JSONColumnType<InstrumentItem[], string, string>;
  /** Set on the shipped defaults, so seeding them twice is a no-op. */
  default_key: string | null;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type ProgressionInstrument = Selectable<ProgressionInstrumentTable>;
export type NewProgressionInstrument = Insertable<ProgressionInstrumentTable>;
export type ProgressionInstrumentUpdate = Updateable<ProgressionInstrumentTable>;

/** A course's progression schedule: the instrument, at start, every N months and at closure. */
export interface ProgressionScheduleTable {
  course_id: string;
  municipality_id: string;
  instrument_id: string;
  interval_months: number;
  /** Occasions whose due reminder has been mailed: never twice. */
  reminded: JSONColumnType<string[], string | undefined, string>;
  created_by: string;
  created_at: CreatedAt;
}
export type ProgressionSchedule = Selectable<ProgressionScheduleTable>;

/** One answered measurement of one member at one occasion (`start`, `m6`, `m12`, …, `afslutning`). */
export interface ProgressionResponseTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  member_id: string;
  instrument_id: string;
  occasion: string;
  answered_by: RespondentKind;
  answered_by_user: string | null;
  answers: JSONColumnType<Record<string, ProgressionValue>, string, never>;
  answered_at: CreatedAt;
}
export type ProgressionResponse = Selectable<ProgressionResponseTable>;
