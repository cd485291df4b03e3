/**
 * Case level (enkeltsagsanalyse): relational capacity among the professionals on one
 * citizen's case, the citizen's own score, and the relations between them across cases.
 *
 * Source: ANALYSIS.md "Case level" and "Comparisons", DOMAIN.md §2.4:
 *   - a case's RK = mean of s(r,t) over the case's respondents' pairs with t ≠ u(r)
 *     (pairs, not respondents, are averaged: Σ s(r,t) / #pairs), shown only when the
 *     respondents number at least minGroup (0 < n < minGroup is suppressed);
 *   - the citizen score = mean of the citizen's scored items borger1…5 (dk excluded);
 *   - across cases: OLS of the citizen score on case RK, and of case RK on the number of
 *     units (DOMAIN.md §2.4 complexity), with `olsRegression` (slope, intercept, r, p, n,
 *     elasticity); each case counts with its latest wave;
 *   - intervention against control: `differenceInDifferences` over R(r) of the respondents
 *     of the first two waves of every case with an arm whose both waves are shown.
 *
 * Anonymity: a case enters only through waves with at least minGroup respondents. The
 * regressions and their points are withheld below `minCases` cases; points carry two
 * numbers each, rounded to 0.1 and sorted, never a case id (docs/anonymity.md).
 */
import type {
  CaseLevelResult,
  CaseRegression,
  CaseRk,
} from '../../contract/case-analysis.schema.js';
import { CITIZEN_ITEMS } from './answer.js';
import { isSuppressed } from './anonymity.js';
import { differenceInDifferences } from './did.js';
import { olsRegression, withheldRegression } from './regression.js';
import type { WaveSummary } from './wave-summary.js';

export type {
  CaseLevelResult,
  CasePoint,
  CaseRegression,
  CaseRk,
} from '../../contract/case-analysis.schema.js';

/** A case's RK from its wave summary: Σ s(r,t) / #pairs over t ≠ u(r), suppressed below minGroup. */
export function caseRk(summary: WaveSummary, minGroup: number): CaseRk {
  let sum = 0;
  let pairs = 0;
  let n = 0;
  for (const r of summary.respondents) {
    if (r.otherCount === 0) continue;
    sum += r.otherSum;
    pairs += r.otherCount;
    n++;
  }
  if (n === 0) return { rk: null, n: 0, suppressed: false };
  if (isSuppressed(n, minGroup)) return { rk: null, n: null, suppressed: true };
  return { rk: sum / pairs, n, suppressed: false };
}

/** R(r) of each respondent with a defined score (mean of s(r,t) over t ≠ u(r)). */
export function respondentScores(summary: WaveSummary): number[] {
  return summary.respondents.filter((r) => r.otherCount > 0).map((r) => r.otherSum / r.otherCount);
}

/** The citizen score: mean of the scored citizen items (1–5); dk, skipped and unknown items are not scores. */
export function citizenScore(
  answers: Readonly<Record<string, number | 'dk' | null>> | null,
): number | null {
  if (answers === null) return null;
  let sum = 0;
  let n = 0;
  for (const item of CITIZEN_ITEMS) {
    const v = answers[item];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) continue;
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** One case as the cross-case analysis sees it. */
export interface CaseInput {
  arm: 'intervention' | 'kontrol' | null;
  /** Units involved (complexity.units of the course). */
  units: number;
  citizenScore: number | null;
  /** The case's closed measurements in wave order, each with its own minimum group size. */
  waves: { summary: WaveSummary; minGroup: number }[];
}

/** Options of {@link caseLevel}. */
export interface CaseLevelOptions {
  /** Fewest cases a regression (and its points) is shown for; at least 3. */
  minCases: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function regression(x: number[], y: number[], minCases: number): CaseRegression {
  if (x.length < minCases) {
    return { ...withheldRegression(x.length), points: null };
  }
  const points = x
    .map((xi, i) => ({ x: round1(xi), y: round1(y[i]!) }))
    .sort((a, b) => a.x - b.x || a.y - b.y);
  return { ...olsRegression(x, y), suppressed: false, points };
}

/** Case RK against the citizen score and the number of units, and the DiD of the arms. */
export function caseLevel(cases: readonly CaseInput[], options: CaseLevelOptions): CaseLevelResult {
  const minCases = Math.max(3, options.minCases);
  const rkX: number[] = [];
  const citizenY: number[] = [];
  const unitsX: number[] = [];
  const unitsY: number[] = [];
  const cells = {
    intervention: { before: [] as number[], after: [] as number[] },
    kontrol: { before: [] as number[], after: [] as number[] },
  };
  for (const c of cases) {
    const latest = c.waves.at(-1);
    const rk = latest ? caseRk(latest.summary, latest.minGroup).rk : null;
    if (rk !== null) {
      unitsX.push(c.units);
      unitsY.push(rk);
      if (c.citizenScore !== null) {
        rkX.push(rk);
        citizenY.push(c.citizenScore);
      }
    }
    const [before, after] = c.waves;
    if (c.arm === null || !before || !after) continue;
    if (caseRk(before.summary, before.minGroup).rk === null) continue;
    if (caseRk(after.summary, after.minGroup).rk === null) continue;
    cells[c.arm].before.push(...respondentScores(before.summary));
    cells[c.arm].after.push(...respondentScores(after.summary));
  }
  const complete = [
    cells.intervention.before,
    cells.intervention.after,
    cells.kontrol.before,
    cells.kontrol.after,
  ].every((cell) => cell.length > 0);
  return {
    cases: unitsX.length,
    citizen: regression(rkX, citizenY, minCases),
    units: regression(unitsX, unitsY, minCases),
    did: complete ? differenceInDifferences('før', 'efter', cells) : null,
  };
}
