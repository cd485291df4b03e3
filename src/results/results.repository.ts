/**
 * Loading a measurement's answers in the analysis core's shape. SQL only.
 *
 * Respondents (a few thousand rows, with unit name, role, arm, case and wave) and
 * answers (millions of rows) are read separately, so each answer row is four narrow
 * columns without joins; the two are put together in one pass.
 */
import { sql, type Kysely } from 'kysely';
import type { Answer } from '../analysis/answer.js';
import type { Database } from '../db/schema.js';

/** All answers of the given measurements, each labelled with its measurement's wave. */
export async function loadAnswers(
  db: Kysely<Database>,
  measurementIds: string[],
): Promise<Answer[]> {
  if (measurementIds.length === 0) return [];
  const [respondents, units, answers] = await Promise.all([
    db
      .selectFrom('respondent')
      .innerJoin('measurement', 'measurement.id', 'respondent.measurement_id')
      .innerJoin('unit', 'unit.id', 'respondent.unit_id')
      .select([
        'respondent.id',
        'unit.name as unit',
        'respondent.role',
        'respondent.arm',
        'respondent.case_ref',
        'measurement.wave_label',
      ])
      .where('respondent.measurement_id', 'in', measurementIds)
      .execute(),
    db
      .selectFrom('unit')
      .innerJoin('measurement', 'measurement.municipality_id', 'unit.municipality_id')
      .select([sql<string>`unit.id::text`.as('id'), 'unit.name'])
      .where('measurement.id', '=', measurementIds[0]!)
      .execute(),
    db
      .selectFrom('answer')
      .select([
        'respondent_id',
        'target',
        'item',
        // 0 stands for "ved ikke" in transit; the scale is 1–5.
        sql<number | null>`CASE WHEN dont_know THEN 0 ELSE value END`.as('v'),
      ])
      .where('measurement_id', 'in', measurementIds)
      .execute(),
  ]);
  const byId = new Map(respondents.map((r) => [r.id, r]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const list: Answer[] = new Array<Answer>(answers.length);
  let count = 0;
  for (const a of answers) {
    const r = byId.get(a.respondent_id);
    if (!r) continue;
    list[count++] = {
      respondent: a.respondent_id,
      unit: r.unit,
      role: r.role,
      target: a.target === '' ? '' : (unitName.get(a.target) ?? ''),
      item: a.item,
      value: a.v === 0 ? 'dk' : a.v,
      wave: r.wave_label,
      arm: r.arm ?? '',
      case: r.case_ref ?? '',
    };
  }
  list.length = count;
  return list;
}
