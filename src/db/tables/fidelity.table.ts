import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { FidelityAnswer, FidelityStatus } from '../../../contract/fidelity.js';

/** One course's fidelity checklist of one occasion (`m6`, `m12`, …, `afslutning`). */
export interface FidelityChecklistTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  occasion: string;
  /** The occasion's date (`YYYY-MM-DD`): the half-year the index counts it in. */
  due_on: string;
  status: ColumnType<FidelityStatus, FidelityStatus | undefined, FidelityStatus>;
  answers: JSONColumnType<Partial<Record<string, FidelityAnswer>>, string, string>;
  /** The coordinator's unit and person when it was last saved. */
  unit_id: string | null;
  coordinator_person_id: string | null;
  answered_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  submitted_at: Date | null;
}
export type FidelityChecklistRow = Selectable<FidelityChecklistTable>;
