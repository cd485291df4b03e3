import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';
import type { CreatedAt } from './columns.js';
import type { ImplementationItem } from '../../../contract/implementation.js';

import type {
  Arm,
  FocalKind,
  Flow,
  GroupKind,
  ItemTexts,
  MeasurementKind,
  MeasurementStatus,
} from '../../../contract/measurements.js';

// The enums live in the contract, which the web shares; re-exported for the server's modules.
export type {
  Arm,
  FocalKind,
  Flow,
  GroupKind,
  ItemText,
  ItemTexts,
  MeasurementKind,
  MeasurementStatus,
} from '../../../contract/measurements.js';

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
  created_at: CreatedAt;
  opened_at: Date | null;
  closed_at: Date | null;
  /** Last change of the answers outside the survey (import, closing); keys the analysis cache. */
  answers_changed_at: Generated<Date>;
  /** Units (as before) or professions across units; fixed once open. */
  group_kind: Generated<GroupKind>;
  /** The kind of focal process, for benchmarks across municipalities; null = not set. */
  focal_kind: Generated<FocalKind | null>;
  /** The citizen's course of a case measurement (enkeltsagsanalyse); null otherwise. */
  course_id: Generated<string | null>;
  /** A relational capacity network survey, or an implementation survey of staff. */
  kind: Generated<MeasurementKind>;
  /** The implementation survey's own copy of its items; null for a network survey. */
  implementation_items: ColumnType<ImplementationItem[] | null, string | undefined, string>;
}
export type Measurement = Selectable<MeasurementTable>;
export type NewMeasurement = Insertable<MeasurementTable>;
export type MeasurementUpdate = Updateable<MeasurementTable>;

/** A participating group (unit) of a measurement, optionally tagged with its arm. */
export interface MeasurementGroupTable {
  measurement_id: string;
  unit_id: string;
  arm: Arm | null;
  flow: Generated<Flow | null>;
}
export type MeasurementGroup = Selectable<MeasurementGroupTable>;

/** A participating profession of a measurement whose groups are professions. */
export interface MeasurementProfessionTable {
  measurement_id: string;
  /** Normalised (trimmed, lower case); also the group's key in answers. */
  profession: string;
  arm: Arm | null;
}
