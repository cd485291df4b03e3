/**
 * The analysis of a measurement (and the wave before it, when linked), computed by
 * the pure core with the measurement's own minimum group size and thresholds.
 */
import type { Kysely } from 'kysely';
import { analyze, type AnalysisResult } from '../analysis/analyze.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import { findMeasurement } from '../measurements/measurement.repository.js';
import { measurementNotFound } from '../measurements/measurement.service.js';
import { forbidden } from '../server/errors.js';
import { loadAnswers } from './results.repository.js';

export interface MeasurementAnalysis {
  measurementId: string;
  status: Measurement['status'];
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
): Promise<MeasurementAnalysis> {
  if (user.role !== 'admin' && user.role !== 'analytiker' && user.role !== 'leder')
    throw forbidden();
  const measurement = await findMeasurement(db, user.municipalityId, measurementId);
  if (!measurement) throw measurementNotFound();
  const previous = measurement.previous_measurement_id
    ? await findMeasurement(db, user.municipalityId, measurement.previous_measurement_id)
    : undefined;
  const chain = previous ? [previous, measurement] : [measurement];
  const answers = await loadAnswers(
    db,
    chain.map((m) => m.id),
  );
  const order = new Map(chain.map((m, i) => [m.wave_label, i]));
  answers.sort((a, b) => (order.get(a.wave) ?? 0) - (order.get(b.wave) ?? 0));
  const result = analyze(answers, {
    minGroup: measurement.min_group,
    high: measurement.threshold_high,
    low: measurement.threshold_low,
  });
  return {
    measurementId,
    status: measurement.status,
    provisional: measurement.status !== 'closed',
    waves: chain.map((m) => ({ measurementId: m.id, wave: m.wave_label, title: m.title })),
    result,
  };
}
