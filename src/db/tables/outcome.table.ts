import type { Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt, UpdatedAt } from './columns.js';
import type {
  ActivityStatus,
  ComplaintResult,
  OutcomeKind,
  PlacementType,
} from '../../../contract/outcomes.js';

/** One dated outcome event of a course; the columns of other kinds are null. */
export interface OutcomeEventTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  kind: OutcomeKind;
  /** ISO date: the complaint, the decision, the placement's start or the status's date. */
  occurred_on: string;
  /** A placement's end; null while it lasts and for other kinds. */
  end_on: string | null;
  days: number | null;
  result: ComplaintResult | null;
  placement_type: PlacementType | null;
  status: ActivityStatus | null;
  about: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type OutcomeEventRow = Selectable<OutcomeEventTable>;
export type NewOutcomeEvent = Insertable<OutcomeEventTable>;
