/**
 * The whole analysis of a set of answers: what `samspil analyze FILE.csv --json` prints.
 *
 * Source: ANALYSIS.md, every section; the output follows "Output of `samspil analyze
 * FILE.csv --json`" field for field, with these additions and readings where it is silent:
 *   - `waves` are in order of first appearance in `answers`; each wave has `ties` (A ≠ B)
 *     and, reported separately as ANALYSIS.md asks, `selfTies` (A → A) of the same shape.
 *   - Every aggregate object carries `suppressed`; a suppressed tie has `n`, `score`,
 *     `dontKnowShare` and every dimension `null` and `level: "suppressed"`.
 *   - Ties also carry `weakestDimension`; units carry their out/in dimension profiles and
 *     weakest dimensions, with `outSuppressed`/`inSuppressed` (`suppressed` = either).
 *   - `network` also carries `dimensions` (its dimension profile).
 *   - `roles.comparison` compares `from: "leder"` (group 1) with `to: "medarbejder"`
 *     (group 2), so `diff` = employees' mean − leaders' mean.
 *   - `comparison` is `null` with fewer than two waves; `did` is `null` unless both arms
 *     have respondents with R(r) in each of the first two waves. `did.cells` is
 *     `{intervention: {before, after}, kontrol: {before, after}}`, before = first wave.
 *   - Reliability and leadership objects are suppressed when fewer than minGroup
 *     respondents contribute.
 *   - Complementary suppression (ANALYSIS.md "No subtraction attacks"), on by default:
 *     a role group is suppressed when the other role group is (the network minus one role
 *     is the other role); a unit's inScore is suppressed when the ties into it that are
 *     suppressed hold 0 < n < minGroup respondents together (inScore·inN minus the shown
 *     ties would reveal them); the leadership regression is suppressed when 0 < (network n −
 *     regression n) < minGroup (its intercept and elasticity give mean R over the sample);
 *     `did` is suppressed when a wave's respondents without an arm number 0 < n < minGroup.
 *     A unit's outScore needs no such rule: it averages pairs, not respondents, and the
 *     number of pairs in suppressed ties is not published.
 */
import type { Answer, RkDimension } from './answer.js';
import { CITIZEN_ITEMS, LEADERSHIP_ITEMS, RK_ITEMS } from './answer.js';
import {
  complementarySuppression,
  isSuppressed,
  leavesSmallRemainder,
  shownCount,
  suppressComparison,
  validateMinGroup,
  validateThresholds,
} from './anonymity.js';
import { addMomentsRow, alphaFromMoments, emptyMoments, type AlphaMoments } from './cronbach.js';
import { didFromSummaries, type DidCell, type DidResult } from './did.js';
import { AnalysisInputError } from './errors.js';
import { olsRegression } from './regression.js';
import {
  asymmetry,
  dimensionProfile,
  emptyProfile,
  relationalCapacityFromSummary,
  tieLevel,
  weakestDimension,
  type AsymmetryEntry,
  type DimensionProfile,
  type RespondentScore,
  type TieLevel,
  type TieStats,
  type UnitStats,
} from './relational-capacity.js';
import { sdOf, summarize } from './stats.js';
import { AnswerCollector, blockComplete, blockScores, type WaveData } from './wave-data.js';
import { summarizeWave, type WaveSummary } from './wave-summary.js';
import { welch, type Comparison } from './welch.js';

/** Options of {@link analyze}. */
export interface AnalysisOptions {
  /** Smallest group shown (default 5, never below 3). */
  minGroup: number;
  /** A tie is `high` when its score is at least this (default 4.0). */
  high: number;
  /** A tie is `low` when its score is below this (default 3.5). */
  low: number;
  /** Apply complementary suppression against subtraction attacks (default true). */
  complementarySuppression: boolean;
}

/** The defaults of {@link AnalysisOptions}, from ANALYSIS.md and DOMAIN.md §2.4. */
export const ANALYSIS_DEFAULTS: Readonly<AnalysisOptions> = Object.freeze({
  minGroup: 5,
  high: 4.0,
  low: 3.5,
  complementarySuppression: true,
});

/** One directed tie A→B (or a self-tie) as published. */
export interface TieResult {
  from: string;
  to: string;
  n: number | null;
  score: number | null;
  level: TieLevel;
  dontKnowShare: number | null;
  suppressed: boolean;
  dimensions: DimensionProfile;
  weakestDimension: RkDimension | null;
}

/** One unit as rater (out) and as rated (in), as published. */
export interface UnitResult {
  unit: string;
  outScore: number | null;
  outN: number | null;
  inScore: number | null;
  inN: number | null;
  suppressed: boolean;
  outSuppressed: boolean;
  inSuppressed: boolean;
  outDimensions: DimensionProfile;
  inDimensions: DimensionProfile;
  outWeakestDimension: RkDimension | null;
  inWeakestDimension: RkDimension | null;
}

/** The network as a whole. */
export interface NetworkResult {
  score: number | null;
  n: number | null;
  weakestDimension: RkDimension | null;
  dimensions: DimensionProfile;
  suppressed: boolean;
}

/** Mean R(r) of a group of respondents. */
export interface GroupResult {
  mean: number | null;
  n: number | null;
  sd: number | null;
  suppressed: boolean;
}

/** Cronbach's alpha of one scale in one wave. */
export interface ReliabilityResult {
  alpha: number | null;
  rows: number | null;
  k: number;
  suppressed: boolean;
}

/** The regression of R(r) on L(r) in one wave. */
export interface LeadershipResult {
  slope: number | null;
  intercept: number | null;
  r: number | null;
  p: number | null;
  n: number | null;
  elasticity: number | null;
  suppressed: boolean;
}

/** Everything about one wave. */
export interface WaveResult {
  wave: string;
  ties: TieResult[];
  selfTies: TieResult[];
  units: UnitResult[];
  network: NetworkResult;
  asymmetry: AsymmetryEntry[];
  roles: { leder: GroupResult; medarbejder: GroupResult; comparison: Comparison };
  reliability: { rk: ReliabilityResult; ledelse: ReliabilityResult; borger: ReliabilityResult };
  leadership: LeadershipResult;
}

/** The output of {@link analyze}. */
export interface AnalysisResult {
  minGroup: number;
  thresholds: { high: number; low: number };
  waves: WaveResult[];
  comparison: Comparison | null;
  did: DidResult | null;
}

/** A wave's result together with the respondent scores R(r) the cross-wave statistics use. */
export interface WaveAnalysis {
  result: WaveResult;
  scores: RespondentScore[];
}

/** Merges options over {@link ANALYSIS_DEFAULTS} (ignoring `undefined`) and validates them. */
export function resolveOptions(options: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const given = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<AnalysisOptions>;
  const opts = { ...ANALYSIS_DEFAULTS, ...given } satisfies AnalysisOptions;
  validateMinGroup(opts.minGroup);
  validateThresholds(opts);
  return opts;
}

/** Groups answers by wave and respondent; throws {@link AnalysisInputError} on a bad answer. */
export function collectWaves(answers: readonly Answer[]): WaveData[] {
  const collector = new AnswerCollector();
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i]!;
    const problem = collector.add(answer, i);
    if (problem !== null) {
      const detail =
        problem.code === 'inconsistent_respondent'
          ? `${answer.respondent} (first answer #${problem.relatedIndex})`
          : problem.code === 'invalid_value'
            ? String(answer.value)
            : problem.code === 'unknown_item'
              ? answer.item
              : undefined;
      throw new AnalysisInputError(problem.code, i, detail);
    }
  }
  return collector.waves();
}

/** The full analysis of `answers`: every wave, the first two waves compared, and DiD. */
export function analyze(
  answers: readonly Answer[],
  options: Partial<AnalysisOptions> = {},
): AnalysisResult {
  const opts = resolveOptions(options);
  return analyzeSummaries(collectWaves(answers).map(summarizeWave), opts);
}

/**
 * The full analysis from wave summaries (in wave order), as the database aggregates them:
 * the same result as {@link analyze} on the answers they sum.
 */
export function analyzeSummaries(
  summaries: readonly WaveSummary[],
  options: Partial<AnalysisOptions> = {},
): AnalysisResult {
  const opts = resolveOptions(options);
  const analyses = summaries.map((summary) => analyzeWaveSummary(summary, opts));
  const first = analyses[0];
  const second = analyses[1];
  return {
    minGroup: opts.minGroup,
    thresholds: { high: opts.high, low: opts.low },
    waves: analyses.map((a) => a.result),
    comparison: first && second ? compareWaves(first, second, opts) : null,
    did: first && second ? waveDid(first, second, opts) : null,
  };
}

function tieResult(tie: TieStats, opts: AnalysisOptions): TieResult {
  if (isSuppressed(tie.n, opts.minGroup)) {
    return {
      from: tie.from,
      to: tie.to,
      n: null,
      score: null,
      level: 'suppressed',
      dontKnowShare: null,
      suppressed: true,
      dimensions: emptyProfile(),
      weakestDimension: null,
    };
  }
  const score = tie.scoreSum / tie.n;
  const dimensions = dimensionProfile(tie.dimSum, tie.dimN);
  return {
    from: tie.from,
    to: tie.to,
    n: tie.n,
    score,
    level: tieLevel(score, opts),
    dontKnowShare: tie.dk / (tie.dk + tie.scored),
    suppressed: false,
    dimensions,
    weakestDimension: weakestDimension(dimensions),
  };
}

function unitResult(unit: UnitStats, hiddenIn: number, opts: AnalysisOptions): UnitResult {
  const outSuppressed = isSuppressed(unit.outN, opts.minGroup);
  const inSuppressed =
    isSuppressed(unit.inN, opts.minGroup) ||
    (opts.complementarySuppression && leavesSmallRemainder(hiddenIn, opts.minGroup));
  const outShown = !outSuppressed && unit.outPairs > 0;
  const inShown = !inSuppressed && unit.inN > 0;
  const outDimensions = outShown ? dimensionProfile(unit.outDimSum, unit.outDimN) : emptyProfile();
  const inDimensions = inShown ? dimensionProfile(unit.inDimSum, unit.inDimN) : emptyProfile();
  return {
    unit: unit.unit,
    outScore: outShown ? unit.outSum / unit.outPairs : null,
    outN: shownCount(unit.outN, outSuppressed),
    inScore: inShown ? unit.inSum / unit.inN : null,
    inN: shownCount(unit.inN, inSuppressed),
    suppressed: outSuppressed || inSuppressed,
    outSuppressed,
    inSuppressed,
    outDimensions,
    inDimensions,
    outWeakestDimension: weakestDimension(outDimensions),
    inWeakestDimension: weakestDimension(inDimensions),
  };
}

function groupResult(values: readonly number[], suppressed: boolean): GroupResult {
  if (suppressed) return { mean: null, n: shownCount(values.length, true), sd: null, suppressed };
  const summary = summarize(values);
  return { mean: summary.mean, n: summary.n, sd: sdOf(summary.variance), suppressed };
}

function reliabilityResult(
  moments: AlphaMoments,
  k: number,
  respondents: number,
  opts: AnalysisOptions,
): ReliabilityResult {
  if (isSuppressed(respondents, opts.minGroup)) {
    return { alpha: null, rows: null, k, suppressed: true };
  }
  return { ...alphaFromMoments(moments, k), suppressed: false };
}

/** Analyses one wave of collected answers: see {@link analyzeWaveSummary}. */
export function analyzeWave(wave: WaveData, opts: AnalysisOptions): WaveAnalysis {
  return analyzeWaveSummary(summarizeWave(wave), opts);
}

/** Analyses one wave: ties, units, network, asymmetry, roles, reliability and leadership. */
export function analyzeWaveSummary(summary: WaveSummary, opts: AnalysisOptions): WaveAnalysis {
  const { minGroup } = opts;
  const stats = relationalCapacityFromSummary(summary);

  const ties = stats.ties.map((tie) => tieResult(tie, opts));
  const selfTies = stats.selfTies.map((tie) => tieResult(tie, opts));

  // Respondents in suppressed ties into each unit (from other units).
  const hiddenInto = new Map<string, number>();
  stats.ties.forEach((tie, i) => {
    if (ties[i]!.suppressed) hiddenInto.set(tie.to, (hiddenInto.get(tie.to) ?? 0) + tie.n);
  });
  const units = stats.units.map((unit) => unitResult(unit, hiddenInto.get(unit.unit) ?? 0, opts));

  const allScores = stats.respondents.map((r) => r.score);
  const networkN = allScores.length;
  const networkSuppressed = isSuppressed(networkN, minGroup);
  const networkDimensions =
    networkSuppressed || networkN === 0
      ? emptyProfile()
      : dimensionProfile(stats.networkDimSum, stats.networkDimN);
  const network: NetworkResult = {
    score: networkSuppressed ? null : (summarize(allScores).mean ?? null),
    n: shownCount(networkN, networkSuppressed),
    weakestDimension: weakestDimension(networkDimensions),
    dimensions: networkDimensions,
    suppressed: networkSuppressed,
  };

  const leaders: number[] = [];
  const employees: number[] = [];
  for (const r of stats.respondents) {
    if (r.role === 'leder') leaders.push(r.score);
    else if (r.role === 'medarbejder') employees.push(r.score);
  }
  const roleSizes = [leaders.length, employees.length];
  const [leadersSuppressed = false, employeesSuppressed = false] = opts.complementarySuppression
    ? complementarySuppression(roleSizes, minGroup)
    : roleSizes.map((n) => isSuppressed(n, minGroup));
  const roles = {
    leder: groupResult(leaders, leadersSuppressed),
    medarbejder: groupResult(employees, employeesSuppressed),
    comparison: suppressComparison(
      welch('leder', leaders, 'medarbejder', employees),
      minGroup,
      leadersSuppressed || employeesSuppressed,
    ),
  };

  // Leadership L(r), the leadership and citizen alpha moments and the regression sample.
  const leadershipMoments = emptyMoments(LEADERSHIP_ITEMS.length);
  const citizenMoments = emptyMoments(CITIZEN_ITEMS.length);
  const x: number[] = [];
  const y: number[] = [];
  for (const r of summary.respondents) {
    if (blockComplete(r.leadership, LEADERSHIP_ITEMS.length)) {
      addMomentsRow(leadershipMoments, blockScores(r.leadership, LEADERSHIP_ITEMS.length));
    }
    if (blockComplete(r.citizen, CITIZEN_ITEMS.length)) {
      addMomentsRow(citizenMoments, blockScores(r.citizen, CITIZEN_ITEMS.length));
    }
    // The regression sample: respondents with both R(r) and L(r).
    if (r.otherCount === 0 || r.leadership.n === 0) continue;
    x.push(r.leadership.sum / r.leadership.n);
    y.push(r.otherSum / r.otherCount);
  }
  const regressionSuppressed =
    isSuppressed(x.length, minGroup) ||
    (opts.complementarySuppression && leavesSmallRemainder(networkN - x.length, minGroup));
  const leadership: LeadershipResult = regressionSuppressed
    ? {
        slope: null,
        intercept: null,
        r: null,
        p: null,
        n: shownCount(x.length, true),
        elasticity: null,
        suppressed: true,
      }
    : { ...olsRegression(x, y), suppressed: false };

  const result: WaveResult = {
    wave: summary.wave,
    ties,
    selfTies,
    units,
    network,
    asymmetry: asymmetry(ties),
    roles,
    reliability: {
      rk: reliabilityResult(stats.alpha, RK_ITEMS.length, stats.alphaRespondents, opts),
      ledelse: reliabilityResult(
        leadershipMoments,
        LEADERSHIP_ITEMS.length,
        leadershipMoments.rows,
        opts,
      ),
      borger: reliabilityResult(citizenMoments, CITIZEN_ITEMS.length, citizenMoments.rows, opts),
    },
    leadership,
  };
  return { result, scores: stats.respondents };
}

/** Welch's comparison of R(r) between two waves (`diff` = second − first), suppressed as needed. */
export function compareWaves(
  first: WaveAnalysis,
  second: WaveAnalysis,
  opts: AnalysisOptions,
): Comparison {
  return suppressComparison(
    welch(
      first.result.wave,
      first.scores.map((r) => r.score),
      second.result.wave,
      second.scores.map((r) => r.score),
    ),
    opts.minGroup,
  );
}

function armScores(scores: readonly RespondentScore[]) {
  const intervention: number[] = [];
  const kontrol: number[] = [];
  for (const r of scores) {
    if (r.arm === 'intervention') intervention.push(r.score);
    else if (r.arm === 'kontrol') kontrol.push(r.score);
  }
  return { intervention, kontrol, none: scores.length - intervention.length - kontrol.length };
}

/**
 * Difference in differences between the arms over two waves, or `null` unless both arms
 * have respondents with R(r) in both waves; suppressed when any cell is too small.
 */
export function waveDid(
  before: WaveAnalysis,
  after: WaveAnalysis,
  opts: AnalysisOptions,
): DidResult | null {
  const b = armScores(before.scores);
  const a = armScores(after.scores);
  const cells = [b.intervention, a.intervention, b.kontrol, a.kontrol];
  if (cells.some((cell) => cell.length === 0)) return null;
  const suppressed =
    cells.some((cell) => isSuppressed(cell.length, opts.minGroup)) ||
    (opts.complementarySuppression &&
      (leavesSmallRemainder(b.none, opts.minGroup) || leavesSmallRemainder(a.none, opts.minGroup)));
  const result = didFromSummaries(before.result.wave, after.result.wave, {
    intervention: { before: summarize(b.intervention), after: summarize(a.intervention) },
    kontrol: { before: summarize(b.kontrol), after: summarize(a.kontrol) },
  });
  if (!suppressed) return result;
  const hide = (cell: DidCell): DidCell => ({
    mean: null,
    sd: null,
    n: shownCount(cell.n ?? 0, true),
  });
  return {
    did: null,
    se: null,
    df: null,
    ci: null,
    p: null,
    from: result.from,
    to: result.to,
    cells: {
      intervention: {
        before: hide(result.cells.intervention.before),
        after: hide(result.cells.intervention.after),
      },
      kontrol: {
        before: hide(result.cells.kontrol.before),
        after: hide(result.cells.kontrol.after),
      },
    },
    suppressed: true,
  };
}
