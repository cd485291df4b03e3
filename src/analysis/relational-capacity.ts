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
 * This file computes raw sums and counts in one pass over the respondents' pairs; the
 * anonymity rules are applied by `analyze`. Self-ties (A→A) are kept apart from the others,
 * and count in neither R(r), the unit scores nor the network dimensions (all use t ≠ u(r)).
 * A tie exists when at least one of A's respondents scored B (n ≥ 1); targets rated only
 * "ved ikke" form no tie. Units, ties and self-ties are sorted by name (UTF-16 code units,
 * so the order does not depend on the machine's locale).
 */
import { RK_ITEMS, type Arm, type RkDimension, type Role } from './answer.js';
import { blockComplete, blockScore, blockScores, type WaveData } from './wave-data.js';

const K = RK_ITEMS.length;

/** Raw sums of one directed tie A→B (or a self-tie A→A). */
export interface TieStats {
  from: string;
  to: string;
  /** Respondents of `from` with s(r, to) defined. */
  n: number;
  /** Σ s(r, to) over those respondents. */
  scoreSum: number;
  /** "Ved ikke" answers of `from`'s respondents about `to`. */
  dk: number;
  /** Scored answers of `from`'s respondents about `to`. */
  scored: number;
  /** Per RK item (in {@link RK_ITEMS} order): sum and count of scored answers. */
  dimSum: number[];
  dimN: number[];
}

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
  /** Complete RK rows (all six items scored) for Cronbach's alpha: pairs incl. self-ties. */
  alphaRows: number[][];
  /** Distinct respondents contributing to `alphaRows`. */
  alphaRespondents: number;
}

/** Compares strings by UTF-16 code units: deterministic on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function zeros(): number[] {
  return new Array<number>(K).fill(0);
}

function newTie(from: string, to: string): TieStats {
  return { from, to, n: 0, scoreSum: 0, dk: 0, scored: 0, dimSum: zeros(), dimN: zeros() };
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

/** Computes ties, units, respondent scores R(r) and network sums for one wave. */
export function relationalCapacityStats(wave: WaveData): RelationalCapacityStats {
  const ties = new Map<string, Map<string, TieStats>>();
  const units = new Map<string, UnitStats>();
  const unitOf = (name: string): UnitStats => {
    let unit = units.get(name);
    if (unit === undefined) {
      unit = newUnit(name);
      units.set(name, unit);
    }
    return unit;
  };
  const respondents: RespondentScore[] = [];
  const networkDimSum = zeros();
  const networkDimN = zeros();
  const alphaRows: number[][] = [];
  let alphaRespondents = 0;

  for (const r of wave.respondents.values()) {
    if (r.pairs.size === 0) continue;
    const own = unitOf(r.unit);
    let fromTies = ties.get(r.unit);
    if (fromTies === undefined) {
      fromTies = new Map();
      ties.set(r.unit, fromTies);
    }
    let otherSum = 0;
    let otherCount = 0;
    let contributesAlpha = false;
    for (const [target, pair] of r.pairs) {
      const self = target === r.unit;
      const targetUnit = self ? own : unitOf(target);
      let tie = fromTies.get(target);
      if (tie === undefined) {
        tie = newTie(r.unit, target);
        fromTies.set(target, tie);
      }
      tie.dk += pair.dk;
      tie.scored += pair.n;
      if (pair.n === 0) continue;
      const s = pair.sum / pair.n;
      tie.n++;
      tie.scoreSum += s;
      for (let k = 0; k < K; k++) {
        const v = blockScore(pair, k);
        if (v === 0) continue;
        tie.dimSum[k]! += v;
        tie.dimN[k]!++;
        if (!self) {
          own.outDimSum[k]! += v;
          own.outDimN[k]!++;
          targetUnit.inDimSum[k]! += v;
          targetUnit.inDimN[k]!++;
          networkDimSum[k]! += v;
          networkDimN[k]!++;
        }
      }
      if (blockComplete(pair, K)) {
        alphaRows.push(blockScores(pair, K));
        contributesAlpha = true;
      }
      if (!self) {
        otherSum += s;
        otherCount++;
        own.outSum += s;
        own.outPairs++;
        targetUnit.inSum += s;
        targetUnit.inN++;
      }
    }
    if (contributesAlpha) alphaRespondents++;
    if (otherCount > 0) {
      own.outN++;
      respondents.push({
        respondent: r.id,
        unit: r.unit,
        role: r.role,
        arm: r.arm,
        score: otherSum / otherCount,
      });
    }
  }

  const otherTies: TieStats[] = [];
  const selfTies: TieStats[] = [];
  for (const fromTies of ties.values()) {
    for (const tie of fromTies.values()) {
      if (tie.n === 0) continue;
      (tie.from === tie.to ? selfTies : otherTies).push(tie);
    }
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
    alphaRows,
    alphaRespondents,
  };
}

/** A dimension profile: the mean of each RK item, `null` where nothing is scored. */
export type DimensionProfile = Record<RkDimension, number | null>;

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

/** The colour band of a tie. */
export type TieLevel = 'high' | 'medium' | 'low' | 'suppressed';

/** `high` if score ≥ high, `low` if score < low, `medium` otherwise. */
export function tieLevel(score: number, thresholds: { high: number; low: number }): TieLevel {
  if (score >= thresholds.high) return 'high';
  if (score < thresholds.low) return 'low';
  return 'medium';
}

/** One unordered pair's asymmetry: `ab` = score(a→b), `ba` = score(b→a), gap = ab − ba. */
export interface AsymmetryEntry {
  a: string;
  b: string;
  ab: number;
  ba: number;
  gap: number;
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
