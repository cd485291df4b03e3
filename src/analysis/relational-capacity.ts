/**
 * Relational capacity of one wave: pair scores, ties, units, respondents and the network.
 *
 * Source: ANALYSIS.md "Relational capacity".
 *   s(r,t)  = mean of r's scored RK items for target t (dk excluded), defined if any is scored;
 *   A→B     score = mean of s(r,B) over r with u(r) = A; n = number of those respondents;
 *             dimension k = mean of those respondents' scored answers to k about B;
 *             dontKnowShare = dk ÷ (dk + scored), all of A's RK answers about B;
 *   unit A  outScore = mean of s(r,t) over pairs with u(r) = A, t ≠ A (outN = respondents);
 *           inScore  = mean of s(r,A) over pairs with u(r) ≠ A (inN = respondents = pairs);
 *   R(r)    = mean of s(r,t) over t ≠ u(r);  network score = mean of R(r);
 *   network dimension k = mean of all scored answers to k with t ≠ u(r);
 *   asymmetry {A,B} = score(A→B) − score(B→A) when neither tie is suppressed.
 *
 * This file finishes the raw sums and counts of a wave summary (wave-summary.ts); the
 * anonymity rules are applied by `analyze`. Self-ties (A→A) are kept apart from the others,
 * and count in neither R(r), the unit scores nor the network dimensions (all use t ≠ u(r)).
 * A tie exists when at least one of A's respondents scored B (n ≥ 1); targets rated only
 * "ved ikke" form no tie. Units, ties and self-ties are sorted by name (UTF-16 code units,
 * so the order does not depend on the machine's locale).
 */
import type { TieLevel } from '../../contract/analysis.js';
import type { AsymmetryEntry, DimensionProfile } from '../../contract/analysis.schema.js';
import { RK_ITEMS, type Arm, type RkDimension, type Role } from './answer.js';
import type { AlphaMoments } from './cronbach.js';
import type { TieStats } from './tie-stats.js';
import { blockComplete, blockScores, type WaveData } from './wave-data.js';
import { summarizeWave, type WaveSummary } from './wave-summary.js';

export type { TieStats };
export type { TieLevel } from '../../contract/analysis.js';
export type { AsymmetryEntry, DimensionProfile } from '../../contract/analysis.schema.js';

const K = RK_ITEMS.length;

/** Raw sums of one unit, as rater (out) and as rated (in); self-ratings excluded. */
export interface UnitStats {
  unit: string;
  outSum: number;
  outPairs: number;
  outN: number;
  outDimSum: number[];
  outDimN: number[];
  inSum: number;
  inN: number;
  inDimSum: number[];
  inDimN: number[];
}

/** A respondent's RK score R(r), with what the comparisons group by. */
export interface RespondentScore {
  respondent: string;
  unit: string;
  role: Role;
  arm: Arm;
  score: number;
}

/** Everything relational capacity needs from one wave, before anonymity is applied. */
export interface RelationalCapacityStats {
  ties: TieStats[];
  selfTies: TieStats[];
  units: UnitStats[];
  /** Respondents with R(r) defined, in order of first appearance. */
  respondents: RespondentScore[];
  networkDimSum: number[];
  networkDimN: number[];
  /** Moments of the complete RK rows (all six items scored) for Cronbach's alpha. */
  alpha: AlphaMoments;
  /** Distinct respondents contributing complete RK rows. */
  alphaRespondents: number;
}

/** Compares strings by UTF-16 code units: deterministic on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function zeros(): number[] {
  return new Array<number>(K).fill(0);
}

function newUnit(unit: string): UnitStats {
  return {
    unit,
    outSum: 0,
    outPairs: 0,
    outN: 0,
    outDimSum: zeros(),
    outDimN: zeros(),
    inSum: 0,
    inN: 0,
    inDimSum: zeros(),
    inDimN: zeros(),
  };
}

function addTo(sums: number[], values: readonly number[]): void {
  for (let k = 0; k < K; k++) sums[k]! += values[k]!;
}

/**
 * Ties, units, respondent scores R(r) and network sums of one wave, from its summary.
 * Unit and network sums add up the ties with t ≠ u(r): a tie's sums are those of its pairs.
 */
export function relationalCapacityFromSummary(summary: WaveSummary): RelationalCapacityStats {
  const units = new Map<string, UnitStats>();
  const unitOf = (name: string): UnitStats => {
    let unit = units.get(name);
    if (unit === undefined) {
      unit = newUnit(name);
      units.set(name, unit);
    }
    return unit;
  };
  const networkDimSum = zeros();
  const networkDimN = zeros();
  const otherTies: TieStats[] = [];
  const selfTies: TieStats[] = [];
  for (const tie of summary.ties) {
    // Units answered about only with "ved ikke" are listed too, with nothing to report.
    const from = unitOf(tie.from);
    const to = unitOf(tie.to);
    if (tie.n === 0) continue;
    if (tie.from === tie.to) {
      selfTies.push(tie);
      continue;
    }
    otherTies.push(tie);
    from.outSum += tie.scoreSum;
    from.outPairs += tie.n;
    addTo(from.outDimSum, tie.dimSum);
    addTo(from.outDimN, tie.dimN);
    to.inSum += tie.scoreSum;
    to.inN += tie.n;
    addTo(to.inDimSum, tie.dimSum);
    addTo(to.inDimN, tie.dimN);
    addTo(networkDimSum, tie.dimSum);
    addTo(networkDimN, tie.dimN);
  }
  const respondents: RespondentScore[] = [];
  let alphaRespondents = 0;
  for (const r of summary.respondents) {
    if (r.complete) alphaRespondents++;
    if (r.otherCount === 0) continue;
    unitOf(r.unit).outN++;
    respondents.push({
      respondent: r.id,
      unit: r.unit,
      role: r.role,
      arm: r.arm,
      score: r.otherSum / r.otherCount,
    });
  }
  const byEnds = (a: TieStats, b: TieStats) =>
    compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to);
  otherTies.sort(byEnds);
  selfTies.sort(byEnds);
  const unitList = [...units.values()].sort((a, b) => compareCodeUnits(a.unit, b.unit));
  return {
    ties: otherTies,
    selfTies,
    units: unitList,
    respondents,
    networkDimSum,
    networkDimN,
    alpha: summary.rkAlpha,
    alphaRespondents,
  };
}

/**
 * Computes ties, units, respondent scores R(r) and network sums for one wave of collected
 * answers, with the complete RK rows alpha is computed from listed as `alphaRows`.
 */
export function relationalCapacityStats(
  wave: WaveData,
): RelationalCapacityStats & { alphaRows: number[][] } {
  const alphaRows: number[][] = [];
  for (const r of wave.respondents.values()) {
    for (const pair of r.pairs.values()) {
      if (blockComplete(pair, K)) alphaRows.push(blockScores(pair, K));
    }
  }
  return { ...relationalCapacityFromSummary(summarizeWave(wave)), alphaRows };
}

/** Turns per-item sums and counts into a {@link DimensionProfile}. */
export function dimensionProfile(
  sums: readonly number[],
  counts: readonly number[],
): DimensionProfile {
  const profile = {} as DimensionProfile;
  RK_ITEMS.forEach((item, k) => {
    const n = counts[k]!;
    profile[item] = n > 0 ? sums[k]! / n : null;
  });
  return profile;
}

/** A profile with every dimension withheld. */
export function emptyProfile(): DimensionProfile {
  return dimensionProfile(zeros(), zeros());
}

/**
 * The dimension with the lowest mean, or `null` when none is scored; among equal means
 * the first in the instrument's order ({@link RK_ITEMS}) wins.
 */
export function weakestDimension(profile: DimensionProfile): RkDimension | null {
  let weakest: RkDimension | null = null;
  let lowest = Infinity;
  for (const item of RK_ITEMS) {
    const value = profile[item];
    if (value !== null && value < lowest) {
      lowest = value;
      weakest = item;
    }
  }
  return weakest;
}

/** `high` if score ≥ high, `low` if score < low, `medium` otherwise. */
export function tieLevel(score: number, thresholds: { high: number; low: number }): TieLevel {
  if (score >= thresholds.high) return 'high';
  if (score < thresholds.low) return 'low';
  return 'medium';
}

/**
 * The asymmetries of all pairs whose two ties are both shown (score not null), listed by
 * descending |gap|, then by `a`, then by `b`. Each unordered pair appears once, with `a`
 * the alphabetically first unit (UTF-16 code units), so `gap` can be negative.
 */
export function asymmetry(
  ties: readonly { from: string; to: string; score: number | null }[],
): AsymmetryEntry[] {
  const scores = new Map<string, Map<string, number>>();
  for (const tie of ties) {
    if (tie.score === null || tie.from === tie.to) continue;
    let row = scores.get(tie.from);
    if (row === undefined) {
      row = new Map();
      scores.set(tie.from, row);
    }
    row.set(tie.to, tie.score);
  }
  const entries: AsymmetryEntry[] = [];
  for (const [a, row] of scores) {
    for (const [b, ab] of row) {
      if (!(a < b)) continue;
      const ba = scores.get(b)?.get(a);
      if (ba === undefined) continue;
      entries.push({ a, b, ab, ba, gap: ab - ba });
    }
  }
  entries.sort(
    (x, y) =>
      Math.abs(y.gap) - Math.abs(x.gap) || compareCodeUnits(x.a, y.a) || compareCodeUnits(x.b, y.b),
  );
  return entries;
}
