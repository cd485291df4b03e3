/**
 * The aggregated input of the analysis: one wave reduced to the sums every figure is
 * finished from. The database builds it in SQL for large measurements; {@link summarizeWave}
 * builds the same sums in TypeScript from collected answers (the CLI, tests, small data),
 * so every formula downstream exists once.
 *
 * Source: ANALYSIS.md "Relational capacity" and "Comparisons". Per wave:
 *   - per tie A→B (self-ties included, and also where no pair score is defined, so that
 *     every unit answered about is listed): n = respondents of A with s(r,B) defined,
 *     Σ s(r,B), "ved ikke" and scored answers, and per RK item the sum and count of scores;
 *   - per respondent: Σ and count of s(r,t) over t ≠ u(r) (R(r) is their quotient),
 *     whether any pair has all six RK items scored (alpha's respondent count), and the
 *     leadership and citizen item scores;
 *   - the alpha moments of the complete RK rows (all respondent–target pairs with all six
 *     items scored, self-ties included).
 */
import { RK_ITEMS, type Arm, type Role } from './answer.js';
import { addMomentsRow, emptyMoments, type AlphaMoments } from './cronbach.js';
import type { TieStats } from './tie-stats.js';
import { blockComplete, blockScore, blockScores, type WaveData } from './wave-data.js';

const K = RK_ITEMS.length;

/** The scored items of one block: their sum, count and scores packed three bits each. */
export interface ScoreBlock {
  sum: number;
  n: number;
  /** Item scores packed three bits per item position; 0 = not scored. */
  packed: number;
}

/** One respondent of a wave, reduced to what the analysis needs. */
export interface RespondentSummary {
  id: string;
  unit: string;
  role: Role;
  arm: Arm;
  /** Σ s(r,t) over targets t ≠ u(r) with s(r,t) defined. */
  otherSum: number;
  /** The number of those targets; R(r) is defined when it is above 0. */
  otherCount: number;
  /** Whether any of r's pairs has all six RK items scored (an alpha row). */
  complete: boolean;
  leadership: ScoreBlock;
  citizen: ScoreBlock;
}

/** One wave as sums: the aggregated input of `analyzeSummaries`. */
export interface WaveSummary {
  wave: string;
  /** Every (unit, target) some respondent answered RK items about, in any order. */
  ties: TieStats[];
  /** Every respondent with an answer in the wave, in order of first appearance. */
  respondents: RespondentSummary[];
  /** Moments of the complete RK rows. */
  rkAlpha: AlphaMoments;
}

/** A {@link ScoreBlock} from item scores packed three bits per position (0 = not scored). */
export function scoreBlock(packed: number, k: number): ScoreBlock {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < k; i++) {
    const v = blockScore({ packed }, i);
    sum += v;
    if (v !== 0) n++;
  }
  return { sum, n, packed };
}

/** Sums one wave of collected answers: the TypeScript twin of the SQL aggregation. */
export function summarizeWave(wave: WaveData): WaveSummary {
  const ties = new Map<string, Map<string, TieStats>>();
  const respondents: RespondentSummary[] = [];
  const rkAlpha = emptyMoments(K);
  for (const r of wave.respondents.values()) {
    let fromTies = ties.get(r.unit);
    if (fromTies === undefined && r.pairs.size > 0) {
      fromTies = new Map();
      ties.set(r.unit, fromTies);
    }
    let otherSum = 0;
    let otherCount = 0;
    let complete = false;
    for (const [target, pair] of r.pairs) {
      let tie = fromTies!.get(target);
      if (tie === undefined) {
        tie = {
          from: r.unit,
          to: target,
          n: 0,
          scoreSum: 0,
          dk: 0,
          scored: 0,
          dimSum: new Array<number>(K).fill(0),
          dimN: new Array<number>(K).fill(0),
        };
        fromTies!.set(target, tie);
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
      }
      if (blockComplete(pair, K)) {
        addMomentsRow(rkAlpha, blockScores(pair, K));
        complete = true;
      }
      if (target !== r.unit) {
        otherSum += s;
        otherCount++;
      }
    }
    respondents.push({
      id: r.id,
      unit: r.unit,
      role: r.role,
      arm: r.arm,
      otherSum,
      otherCount,
      complete,
      leadership: { sum: r.leadership.sum, n: r.leadership.n, packed: r.leadership.packed },
      citizen: { sum: r.citizen.sum, n: r.citizen.n, packed: r.citizen.packed },
    });
  }
  const tieList: TieStats[] = [];
  for (const fromTies of ties.values()) tieList.push(...fromTies.values());
  return { wave: wave.wave, ties: tieList, respondents, rkAlpha };
}
