/**
 * Benchmark across municipalities: a closed measurement's network-level figures beside
 * the anonymous aggregate of other consenting municipalities' closed measurements of the
 * same kind of focal process. Only analysis owners see it, and only when their own
 * municipality takes part too (the benchmark is mutual).
 */
import type { Kysely } from 'kysely';
import type { BenchmarkWithheld } from '../../contract/results.js';
import type { Benchmark } from '../../contract/results.schema.js';
import {
  benchmarkAggregate,
  measurementFigures,
  MIN_BENCHMARK_MUNICIPALITIES,
  type NetworkFigures,
} from '../analysis/benchmark.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { asSystem } from '../db/tenant.js';
import { findMeasurement } from '../measurements/measurement.repository.js';
import { measurementNotFound, requireKind } from '../measurements/measurement-errors.js';
import type { Message } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { consentingMeasurements, measurementFigureSums } from './benchmark.repository.js';

export type { Benchmark, BenchmarkWithheld };

const REASONS: Record<BenchmarkWithheld, Message> = {
  no_focal_kind: {
    da: 'Målingen har ingen type af arbejdsgang. Vælg en type på målingen for at sammenligne med andre kommuner.',
    en: 'The measurement has no kind of focal process. Choose one on the measurement to compare with other municipalities.',
  },
  not_closed: {
    da: 'Kun lukkede målinger sammenlignes med andre kommuner.',
    en: 'Only closed measurements are compared with other municipalities.',
  },
  no_consent: {
    da: 'Jeres kommune deltager ikke i sammenligningen. En administrator kan give samtykke under Indstillinger.',
    en: 'Your municipality does not take part in the benchmark. An administrator can give consent under Settings.',
  },
  too_few: {
    da: `Færre end ${MIN_BENCHMARK_MUNICIPALITIES} andre kommuner har lukkede målinger af samme type, så sammenligningen vises ikke (ingen kommune må kunne genkendes).`,
    en: `Fewer than ${MIN_BENCHMARK_MUNICIPALITIES} other municipalities have closed measurements of the same kind, so the benchmark is not shown (no municipality may be recognisable).`,
  },
};

/** The benchmark of a measurement for an analysis owner of its municipality. */
export async function measurementBenchmark(
  db: Kysely<Database>,
  user: AuthUser,
  measurementId: string,
): Promise<Benchmark> {
  requirePermission(user, 'benchmark.read');
  const measurement = requireKind(
    await findMeasurement(db, user.municipalityId, measurementId),
    'network',
  );
  if (!measurement) throw measurementNotFound();
  const base = {
    measurementId,
    focalKind: measurement.focal_kind,
    minMunicipalities: MIN_BENCHMARK_MUNICIPALITIES,
  };
  const withheld = (code: BenchmarkWithheld, own: NetworkFigures | null = null): Benchmark => ({
    ...base,
    own,
    others: null,
    withheld: { code, message: REASONS[code] },
  });
  if (measurement.focal_kind === null) return withheld('no_focal_kind');
  if (measurement.status !== 'closed') return withheld('not_closed');
  const low = measurement.threshold_low;
  const [ownSums] = await measurementFigureSums(db, [measurementId], low);
  const own = ownSums ? measurementFigures(ownSums) : null;
  const municipality = await db
    .selectFrom('municipality')
    .select('benchmark_consent')
    .where('id', '=', user.municipalityId)
    .executeTakeFirstOrThrow();
  if (!municipality.benchmark_consent) return withheld('no_consent', own);
  // The one place a staff request reads other municipalities: only their anonymous sums.
  const focalKind = measurement.focal_kind;
  const others = await asSystem(async () =>
    measurementFigureSums(
      db,
      await consentingMeasurements(db, focalKind, user.municipalityId),
      low,
    ),
  );
  const aggregate = benchmarkAggregate(others);
  if (aggregate.withheld) return withheld('too_few', own);
  return {
    ...base,
    own,
    others: { municipalities: aggregate.municipalities, figures: aggregate.figures },
    withheld: null,
  };
}
