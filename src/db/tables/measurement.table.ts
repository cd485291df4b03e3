import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';

export const MEASUREMENT_STATUSES = ['draft', 'open', 'closed'] as const;
export type MeasurementStatus = (typeof MEASUREMENT_STATUSES)[number];
export const ARMS = ['intervention', 'kontrol'] as const;
export type Arm = (typeof ARMS)[number];

/** An item's wording in both languages; `{xx}` stands for the focal work process. */
export interface ItemText {
  da: string;
  en: string;
}
export type ItemTexts = Record<string, ItemText>;

/** A relational capacity measurement (måling): one wave of the survey. */
export interface MeasurementTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  /** The "xx" of the items, e.g. "borgere med dobbeltdiagnose". */
  focal_process: string;
  status: Generated<MeasurementStatus>;
  opens_at: Date | null;
  closes_at: Date | null;
  min_group: number;
  threshold_high: number;
  threshold_low: number;
  choose_groups: boolean;
  include_leadership: boolean;
  items: JSONColumnType<ItemTexts, string, string>;
  wave_label: string;
  previous_measurement_id: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  opened_at: Date | null;
  closed_at: Date | null;
  /** Last change of the answers outside the survey (import, closing); keys the analysis cache. */
  answers_changed_at: Generated<Date>;
}
export type Measurement = Selectable<MeasurementTable>;
export type NewMeasurement = Insertable<MeasurementTable>;
export type MeasurementUpdate = Updateable<MeasurementTable>;

/** A participating group (unit) of a measurement, optionally tagged with its arm. */
export interface MeasurementGroupTable {
  measurement_id: string;
  unit_id: string;
  arm: Arm | null;
}
export type MeasurementGroup = Selectable<MeasurementGroupTable>;
