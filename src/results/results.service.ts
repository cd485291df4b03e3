/**
 * The analysis of a measurement (and the wave before it, when linked), computed by
 * the pure core with the measurement's own minimum group size and thresholds.
 */
import type { Kysely } from 'kysely';
import { analyzeSummaries, type AnalysisResult } from '../analysis/analyze.js';
import { guardedView } from '../analysis/subset-view.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import { findMeasurement } from '../measurements/measurement.repository.js';
import { measurementNotFound } from '../measurements/measurement.service.js';
import { AppError, forbidden } from '../server/errors.js';
import { loadWaveSummaries } from './results.repository.js';

export interface MeasurementAnalysis {
  measurementId: string;
  status: Measurement['status'];
  focalProcess: string;
  /** Shown with a warning: an open measurement's figures still change. */
  provisional: boolean;
  waves: { measurementId: string; wave: string; title: string }[];
  result: AnalysisResult;
}

/** Analyse a measurement and, when it follows an earlier one, both waves in order. */
export async function analyseMeasurement(
  db: Kysely<Database>,
  user: AuthUser,
  measurementId: string,
  filter: { role?: 'leder' | 'medarbejder' } = {},
): Promise<MeasurementAnalysis> {
  if (user.role !== 'admin' && user.role !== 'analytiker' && user.role !== 'leder')
    throw forbidden();
  const leaderUnits = user.role === 'leder' ? await ledUnitNames(db, user) : undefined;
  const measurement = await findMeasurement(db, user.municipalityId, measurementId);
  if (!measurement || (user.role === 'leder' && measurement.status === 'draft'))
    throw measurementNotFound();
  const previous = measurement.previous_measurement_id
    ? await findMeasurement(db, user.municipalityId, measurement.previous_measurement_id)
    : undefined;
  const chain = previous ? [previous, measurement] : [measurement];
  const result = await cached(chain, filter.role ?? '', async () => {
    const ids = chain.map((m) => m.id);
    const options = {
      minGroup: measurement.min_group,
      high: measurement.threshold_high,
      low: measurement.threshold_low,
    };
    // The database sums the answers (loadWaveSummaries); the core finishes every figure.
    const full = analyzeSummaries(await loadWaveSummaries(db, ids), options);
    // A role view is guarded against subtraction from the full analysis.
    return filter.role
      ? guardedView(analyzeSummaries(await loadWaveSummaries(db, ids, filter.role), options), full)
      : full;
  });
  return {
    measurementId,
    status: measurement.status,
    focalProcess: measurement.focal_process,
    provisional: measurement.status !== 'closed',
    waves: chain.map((m) => ({ measurementId: m.id, wave: m.wave_label, title: m.title })),
    result: leaderUnits ? onlyTouching(result, leaderUnits) : result,
  };
}

/** Analyses of closed measurements, most recently used last. */
const cache = new Map<string, AnalysisResult>();
const CACHE_SIZE = 20;

/**
 * Closed measurements only get new answers by import, which (like closing) moves
 * `answers_changed_at`; keyed on it, a cached analysis is never stale, on any instance.
 * Open measurements change with every save and are computed each time.
 */
async function cached(
  chain: Measurement[],
  view: string,
  compute: () => Promise<AnalysisResult>,
): Promise<AnalysisResult> {
  if (chain.some((m) => m.status !== 'closed')) return compute();
  const key = [
    view,
    ...chain.map(
      (m) =>
        `${m.id}@${m.answers_changed_at.toISOString()}:${m.min_group}:${m.threshold_high}:${m.threshold_low}`,
    ),
  ].join('|');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await compute();
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/** The names of the units a leader leads (today: the unit of their person record). */
async function ledUnitNames(db: Kysely<Database>, user: AuthUser): Promise<Set<string>> {
  const row = user.personId
    ? await db
        .selectFrom('person')
        .innerJoin('unit', 'unit.id', 'person.unit_id')
        .select('unit.name')
        .where('person.id', '=', user.personId)
        .where('person.municipality_id', '=', user.municipalityId)
        .where('person.role', '=', 'leder')
        .executeTakeFirst()
    : undefined;
  if (!row) {
    throw new AppError(403, 'forbidden', {
      da: 'Din bruger er ikke knyttet til en enhed, du leder. Bed en administrator om at knytte den.',
      en: 'Your login is not linked to a unit you lead. Ask an administrator to link it.',
    });
  }
  return new Set([row.name]);
}

/**
 * A leader's view: their units and the ties and asymmetries touching them. The
 * network-wide figures stay, unchanged; nothing is computed over a new subset, so the
 * view opens no new subtraction.
 */
function onlyTouching(result: AnalysisResult, units: Set<string>): AnalysisResult {
  const touches = (a: string, b: string) => units.has(a) || units.has(b);
  return {
    ...result,
    waves: result.waves.map((wave) => ({
      ...wave,
      ties: wave.ties.filter((t) => touches(t.from, t.to)),
      selfTies: wave.selfTies.filter((t) => units.has(t.from)),
      units: wave.units.filter((u) => units.has(u.unit)),
      asymmetry: wave.asymmetry.filter((a) => touches(a.a, a.b)),
    })),
  };
}
