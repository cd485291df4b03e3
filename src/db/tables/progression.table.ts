import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';

export const ITEM_KINDS = ['scale-1-5', 'scale-0-10', 'yes-no', 'text'] as const;
/** How an item is answered: a 1–5 or 0–10 self-rating, yes/no, or free text. */
export type ItemKind = (typeof ITEM_KINDS)[number];
export const INSTRUMENT_GROUPS = [
  'alle',
  'voksne',
  'unge-15-30',
  'familier',
  'boern',
  'andet',
] as const;
export type InstrumentGroup = (typeof INSTRUMENT_GROUPS)[number];
export const RESPONDENT_KINDS = ['borger', 'foraelder', 'sagsbehandler'] as const;
/** Who answered a progression measurement. */
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];

/** One short item of an instrument; `id` is stable so its curve survives rewording. */
export interface InstrumentItem {
  id: string;
  text: string;
  kind: ItemKind;
  /** Words at the ends of a scale, e.g. "Slet ikke" … "Helt". */
  low?: string | undefined;
  high?: string | undefined;
}

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
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
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
  created_at: ColumnType<Date, never, never>;
}
export type ProgressionSchedule = Selectable<ProgressionScheduleTable>;

/** An answer value: a number on the item's scale, yes/no, free text; skipped items are absent. */
export type ProgressionValue = number | boolean | string;

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
  answered_at: ColumnType<Date, never, never>;
}
export type ProgressionResponse = Selectable<ProgressionResponseTable>;
