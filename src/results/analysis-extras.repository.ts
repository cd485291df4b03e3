/**
 * Respondent-level aggregates for the extra comparisons, computed in SQL. SQL only.
 *
 * R(r) = mean over targets t ≠ u(r) of the mean of r's scored RK items about t, and
 * L(r) = mean of r's scored leadership items (ANALYSIS.md): both are aggregated in the
 * database so that only one row per respondent reaches TypeScript.
 */
import { sql, type Kysely } from 'kysely';
import { LEADERSHIP_ITEMS, RK_ITEMS } from '../analysis/answer.js';
import { uuidList } from '../db/db.js';
import type { Database } from '../db/schema.js';

/**
 * The respondent's own group, as an answer's `target` names it: the unit's id, or the
 * profession in a measurement grouped by profession (aliases `r` respondent, `m` measurement).
 */
export const OWN_GROUP = sql<string>`(CASE WHEN m.group_kind = 'profession' THEN r.profession ELSE r.unit_id::text END)`;

/**
 * `FROM … WHERE …` of the answers that score a tie: submitted, an RK item, about another
 * group than the respondent's own (aliases `a` answer, `r` respondent, `m` measurement).
 */
export const scoredTieAnswers = (measurementIds: string[]) => sql`
  FROM answer a
  JOIN respondent r ON r.id = a.respondent_id
  JOIN measurement m ON m.id = a.measurement_id
  WHERE a.measurement_id IN (${uuidList(measurementIds)})
    AND a.item IN (${sql.join(RK_ITEMS.map((item) => sql`${item}`))})
    AND a.value IS NOT NULL
    AND a.target <> ''
    AND a.target <> ${OWN_GROUP}
    AND r.submitted`;

/** One respondent with R(r) defined: which measurement, unit and, when answered, L(r). */
export interface RespondentRow {
  measurementId: string;
  unitId: string;
  score: number;
  leadership: number | null;
}

/** Every submitted respondent of the given measurements with R(r), and L(r) where scored. */
export async function loadRespondentRows(
  db: Kysely<Database>,
  measurementIds: string[],
): Promise<RespondentRow[]> {
  if (measurementIds.length === 0) return [];
  const ids = uuidList(measurementIds);
  const leadership = sql.join(LEADERSHIP_ITEMS.map((item) => sql`${item}`));
  const { rows } = await sql<{
    measurement_id: string;
    unit_id: string;
    score: number;
    leadership: number | null;
  }>`
    WITH pair AS (
      SELECT a.respondent_id, avg(a.value::float8) AS s
      ${scoredTieAnswers(measurementIds)}
      GROUP BY a.respondent_id, a.target
    ), rk AS (
      SELECT respondent_id, avg(s) AS score FROM pair GROUP BY respondent_id
    ), lead AS (
      SELECT respondent_id, avg(value::float8) AS l
      FROM answer
      WHERE measurement_id IN (${ids}) AND item IN (${leadership}) AND value IS NOT NULL
      GROUP BY respondent_id
    )
    SELECT r.measurement_id::text AS measurement_id, r.unit_id::text AS unit_id,
           rk.score, lead.l AS leadership
    FROM rk
    JOIN respondent r ON r.id = rk.respondent_id
    LEFT JOIN lead ON lead.respondent_id = rk.respondent_id
    ORDER BY r.measurement_id, r.id
  `.execute(db);
  return rows.map((row) => ({
    measurementId: row.measurement_id,
    unitId: row.unit_id,
    score: Number(row.score),
    leadership: row.leadership === null ? null : Number(row.leadership),
  }));
}

/** Kind (myndighed, udfører, ekstern) and name of every unit of a municipality. */
export async function unitKinds(db: Kysely<Database>, municipalityId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .execute();
}

/** The flow (sender, receiver or none) of each group of the given measurements. */
export async function groupFlows(db: Kysely<Database>, measurementIds: string[]) {
  if (measurementIds.length === 0) return [];
  return db
    .selectFrom('measurement_group')
    .select(['measurement_id', 'unit_id', 'flow'])
    .where('measurement_id', 'in', measurementIds)
    .execute();
}
