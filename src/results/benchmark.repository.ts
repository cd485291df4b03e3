/**
 * Network-level sums of measurements for the benchmark across municipalities. SQL only.
 *
 * The only queries in Samspil that read more than one municipality: they read closed
 * measurements of consenting municipalities, and return sums per measurement that the
 * service aggregates before anything leaves the server.
 */
import { sql, type Kysely } from 'kysely';
import type { MeasurementFigureSums } from '../analysis/benchmark.js';
import { emptyProfile } from '../analysis/relational-capacity.js';
import type { Database } from '../db/schema.js';
import { uuidList } from '../db/db.js';
import { OWN_GROUP, scoredTieAnswers } from './analysis-extras.repository.js';
import type { FocalKind } from '../db/tables/measurement.table.js';

/** Closed measurements of this kind in other municipalities that consent to benchmarks. */
export async function consentingMeasurements(
  db: Kysely<Database>,
  focalKind: FocalKind,
  exceptMunicipalityId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('measurement')
    .innerJoin('municipality', 'municipality.id', 'measurement.municipality_id')
    .select('measurement.id')
    .where('measurement.focal_kind', '=', focalKind)
    .where('measurement.status', '=', 'closed')
    .where('municipality.benchmark_consent', '=', true)
    .where('measurement.municipality_id', '<>', exceptMunicipalityId)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Network score, n, dimension means and shown/low tie counts per measurement. A tie is
 * shown when it has at least the measurement's own minimum group; it is low when its
 * score is below `low` (the same threshold for every measurement, so shares compare).
 */
export async function measurementFigureSums(
  db: Kysely<Database>,
  measurementIds: string[],
  low: number,
): Promise<MeasurementFigureSums[]> {
  if (measurementIds.length === 0) return [];
  const ids = uuidList(measurementIds);
  const scored = scoredTieAnswers(measurementIds);
  const [network, dimensions] = await Promise.all([
    sql<{
      measurement_id: string;
      municipality_id: string;
      min_group: number;
      n: number | string;
      score: number | null;
      shown: number | string;
      low: number | string;
    }>`
      WITH pair AS (
        SELECT a.measurement_id, a.respondent_id, ${OWN_GROUP} AS from_group, a.target,
               avg(a.value::float8) AS s
        ${scored}
        GROUP BY a.measurement_id, a.respondent_id, ${OWN_GROUP}, a.target
      ), resp AS (
        SELECT measurement_id, avg(s) AS score FROM pair GROUP BY measurement_id, respondent_id
      ), net AS (
        SELECT measurement_id, count(*) AS n, avg(score) AS score FROM resp GROUP BY measurement_id
      ), tie AS (
        SELECT measurement_id, avg(s) AS score, count(*) AS n
        FROM pair GROUP BY measurement_id, from_group, target
      ), ties AS (
        SELECT t.measurement_id,
               count(*) FILTER (WHERE t.n >= mm.min_group) AS shown,
               count(*) FILTER (WHERE t.n >= mm.min_group AND t.score < ${low}) AS low
        FROM tie t JOIN measurement mm ON mm.id = t.measurement_id
        GROUP BY t.measurement_id
      )
      SELECT m.id::text AS measurement_id, m.municipality_id::text AS municipality_id,
             m.min_group, coalesce(net.n, 0) AS n, net.score,
             coalesce(ties.shown, 0) AS shown, coalesce(ties.low, 0) AS low
      FROM measurement m
      LEFT JOIN net ON net.measurement_id = m.id
      LEFT JOIN ties ON ties.measurement_id = m.id
      WHERE m.id IN (${ids})
    `.execute(db),
    sql<{ measurement_id: string; item: string; mean: number }>`
      SELECT a.measurement_id::text AS measurement_id, a.item, avg(a.value::float8) AS mean
      ${scored}
      GROUP BY a.measurement_id, a.item
    `.execute(db),
  ]);
  const profiles = new Map<string, ReturnType<typeof emptyProfile>>();
  for (const row of dimensions.rows) {
    const profile = profiles.get(row.measurement_id) ?? emptyProfile();
    profile[row.item as keyof typeof profile] = Number(row.mean);
    profiles.set(row.measurement_id, profile);
  }
  return network.rows.map((row) => ({
    municipalityId: row.municipality_id,
    minGroup: row.min_group,
    n: Number(row.n),
    score: row.score === null ? null : Number(row.score),
    dimensions: profiles.get(row.measurement_id) ?? emptyProfile(),
    shownTies: Number(row.shown),
    lowTies: Number(row.low),
  }));
}
