/**
 * Benchmark across municipalities: one measurement's network-level figures beside the
 * anonymous aggregate of other municipalities' measurements of the same kind.
 *
 * Figures of one measurement (ANALYSIS.md "Relational capacity"): the network score (mean
 * R(r)), the network dimension means, and the share of low ties = ties shown (n ≥ the
 * measurement's minGroup, self-ties excluded) with score < low, ÷ ties shown. A measurement
 * whose network is suppressed (n < minGroup) contributes nothing.
 *
 * The aggregate: each other municipality first averages its own measurements (so one with
 * many measurements does not outweigh the others), then the municipalities are averaged
 * with equal weight. It is withheld unless at least `minMunicipalities` (3) municipalities
 * contribute, so no single municipality's figures can be read from it, and it never says
 * which municipalities they are.
 */
import type { NetworkFigures } from '../../contract/analysis.schema.js';
import { RK_ITEMS } from './answer.js';
import { isSuppressed } from './anonymity.js';
import { emptyProfile, type DimensionProfile } from './relational-capacity.js';

export type { NetworkFigures } from '../../contract/analysis.schema.js';

/** The fewest other municipalities an aggregate is shown for. */
export const MIN_BENCHMARK_MUNICIPALITIES = 3;

/** Raw network-level sums of one measurement, as read in SQL. */
export interface MeasurementFigureSums {
  municipalityId: string;
  minGroup: number;
  /** Respondents with R(r). */
  n: number;
  /** Mean R(r) over them (null when n = 0). */
  score: number | null;
  /** Network dimension means (null where nothing is scored). */
  dimensions: DimensionProfile;
  /** Ties (A ≠ B) with n ≥ minGroup. */
  shownTies: number;
  /** Of those, ties with score < low. */
  lowTies: number;
}

/** The figures of one measurement, or `null` when its network is suppressed or empty. */
export function measurementFigures(sums: MeasurementFigureSums): NetworkFigures | null {
  if (sums.n === 0 || isSuppressed(sums.n, sums.minGroup)) return null;
  return {
    score: sums.score,
    dimensions: sums.dimensions,
    lowShare: sums.shownTies > 0 ? sums.lowTies / sums.shownTies : null,
  };
}

function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

function average(list: readonly NetworkFigures[]): NetworkFigures {
  const dimensions = emptyProfile();
  for (const item of RK_ITEMS) dimensions[item] = meanOf(list.map((f) => f.dimensions[item]));
  return {
    score: meanOf(list.map((f) => f.score)),
    dimensions,
    lowShare: meanOf(list.map((f) => f.lowShare)),
  };
}

/** The aggregate of other municipalities, or withheld when too few contribute. */
export type BenchmarkAggregate =
  | { withheld: false; municipalities: number; figures: NetworkFigures }
  | { withheld: true; municipalities: null; figures: null };

/**
 * Averages other municipalities' measurements: first within each municipality, then
 * across them; withheld below `minMunicipalities` contributing municipalities.
 */
export function benchmarkAggregate(
  others: readonly MeasurementFigureSums[],
  minMunicipalities = MIN_BENCHMARK_MUNICIPALITIES,
): BenchmarkAggregate {
  const byMunicipality = new Map<string, NetworkFigures[]>();
  for (const sums of others) {
    const figures = measurementFigures(sums);
    if (!figures) continue;
    const list = byMunicipality.get(sums.municipalityId) ?? [];
    list.push(figures);
    byMunicipality.set(sums.municipalityId, list);
  }
  if (byMunicipality.size < minMunicipalities) {
    return { withheld: true, municipalities: null, figures: null };
  }
  return {
    withheld: false,
    municipalities: byMunicipality.size,
    figures: average([...byMunicipality.values()].map(average)),
  };
}
