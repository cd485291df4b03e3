import type {
  Generated,
  GeneratedAlways,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';
import type { CreatedAt, UpdatedAt } from './columns.js';
import type {
  ClosingStatus,
  InstrumentGroup,
  InstrumentStructure,
  ProgressionValue,
  RespondentKind,
  RespondentSide,
} from '../../../contract/progression.js';
import type { InstrumentItem, Subscale } from '../../../contract/progression.schema.js';

/** A progression instrument of a municipality, for one target group (or all). */
export interface ProgressionInstrumentTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  target_group: InstrumentGroup;
  description: string;
  items: JSONColumnType<InstrumentItem[], string, string>;
  structure: Generated<InstrumentStructure>;
  subscales: JSONColumnType<Subscale[], string | undefined, string>;
  /** Where licensed wording comes from; empty for our own. */
  source: Generated<string>;
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
  /** Derived from `answered_by` by the database. */
  respondent: GeneratedAlways<RespondentSide>;
  answered_by_user: string | null;
  answers: JSONColumnType<Record<string, ProgressionValue>, string, never>;
  answered_at: CreatedAt;
}
export type ProgressionResponse = Selectable<ProgressionResponseTable>;
export type NewProgressionResponse = Insertable<ProgressionResponseTable>;

/** A further instrument a course uses beside its schedule's main one. */
export interface ProgressionCourseInstrumentTable {
  course_id: string;
  instrument_id: string;
  municipality_id: string;
  created_at: CreatedAt;
}

/** What was recorded when a course closed: the citizen's experience and status. */
export interface ProgressionClosingTable {
  course_id: string;
  municipality_id: string;
  experience: number | null;
  status: ClosingStatus;
  recorded_by: string | null;
  recorded_at: Date;
}
export type ProgressionClosing = Selectable<ProgressionClosingTable>;
