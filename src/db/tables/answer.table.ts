import type { Insertable, Selectable } from 'kysely';

/**
 * One answer. `target` is the rated unit's id for relational capacity items and ''
 * for leadership and citizen items. "Ved ikke" is `dont_know` with a null value; a
 * missing answer has no row.
 */
export interface AnswerTable {
  measurement_id: string;
  respondent_id: string;
  target: string;
  item: string;
  value: number | null;
  dont_know: boolean;
}
export type Answer = Selectable<AnswerTable>;
export type NewAnswer = Insertable<AnswerTable>;
