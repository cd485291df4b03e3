/** Loading a measurement's answers in the analysis core's shape. SQL only. */
import { sql, type Kysely } from 'kysely';
import type { Answer } from '../analysis/answer.js';
import type { Database } from '../db/schema.js';

/** All answers of the given measurements, each labelled with its measurement's wave. */
export async function loadAnswers(
  db: Kysely<Database>,
  measurementIds: string[],
): Promise<Answer[]> {
  if (measurementIds.length === 0) return [];
  const rows = await db
    .selectFrom('answer')
    .innerJoin('respondent', 'respondent.id', 'answer.respondent_id')
    .innerJoin('measurement', 'measurement.id', 'answer.measurement_id')
    .innerJoin('unit', 'unit.id', 'respondent.unit_id')
    .leftJoin('unit as target_unit', (join) =>
      join.on(sql`target_unit.id::text`, '=', sql.ref('answer.target')),
    )
    .select([
      'answer.respondent_id',
      'unit.name as unit',
      'respondent.role',
      'target_unit.name as target',
      'answer.item',
      'answer.value',
      'answer.dont_know',
      'measurement.wave_label',
      'respondent.arm',
      'respondent.case_ref',
    ])
    .where('answer.measurement_id', 'in', measurementIds)
    .execute();
  return rows.map((r) => ({
    respondent: r.respondent_id,
    unit: r.unit,
    role: r.role,
    target: r.target ?? '',
    item: r.item,
    value: r.dont_know ? 'dk' : r.value,
    wave: r.wave_label,
    arm: r.arm ?? '',
    case: r.case_ref ?? '',
  }));
}
