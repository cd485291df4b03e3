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
import type {
  AnalysisResult,
  GroupResult,
  LeadershipResult,
  NetworkResult,
  ReliabilityResult,
  ResponsesResult,
  TieResult,
  UnitResult,
  WaveResult,
} from '../../contract/analysis.schema.js';
import type { Answer } from './answer.js';
import { CITIZEN_ITEMS, LEADERSHIP_ITEMS, RK_ITEMS } from './answer.js';
import {
  isSuppressed,
  leavesSmallRemainder,
  shownCount,
  suppressComparison,
  validateMinGroup,
  validateThresholds,
} from './anonymity.js';
import { addMomentsRow, alphaFromMoments, emptyMoments, type AlphaMoments } from './cronbach.js';
import { didFromSummaries, type DidCell, type DidResult } from './did.js';
import {
  partitionReasons,
  protectPartitions,
  smallReason,
  type SuppressedReason,
  type Whole,
} from './disclosure.js';
import { AnalysisInputError } from './errors.js';
import { olsRegression, withheldRegression } from './regression.js';
import {
  asymmetry,
  compareCodeUnits,
  dimensionProfile,
  emptyProfile,
  relationalCapacityFromSummary,
  tieLevel,
  weakestDimension,
  type RelationalCapacityStats,
  type RespondentScore,
  type TieStats,
  type UnitStats,
} from './relational-capacity.js';
import { sdOf, summarize } from './stats.js';
import { AnswerCollector, blockComplete, blockScores, type WaveData } from './wave-data.js';
import { summarizeWave, type WaveSummary } from './wave-summary.js';
import { welch, type Comparison } from './welch.js';

// The published shapes live in the contract (zod schemas the API serializes with).
export type {
  AnalysisResult,
  GroupResponses,
  GroupResult,
  LeadershipResult,
  NetworkResult,
  ReliabilityResult,
  ResponsesResult,
  TieResult,
  UnitResult,
  WaveResult,
} from '../../contract/analysis.schema.js';

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
  /**
   * Groupings of the units published beside the analysis (unit kinds, flows) by wave
   * label, each a map from unit name to its group: every group is a whole the units
   * partition (API only).
   */
  unitGroups?: ReadonlyMap<string, readonly ReadonlyMap<string, string>[]>;
  /**
   * Response counts per group name, by wave label, published as the wave's `responses`
   * with the same decisions as the analysis (API only).
   */
  responses?: ReadonlyMap<string, readonly GroupResponseCount[]>;
}

/** Invited and finished people of one group, as the response table counts them. */
export interface GroupResponseCount {
  group: string;
  invited: number;
  finished: number;
}

/** The defaults of {@link AnalysisOptions}, from ANALYSIS.md and DOMAIN.md §2.4. */
export const ANALYSIS_DEFAULTS: Readonly<AnalysisOptions> = Object.freeze({
  minGroup: 5,
  high: 4.0,
  low: 3.5,
  complementarySuppression: true,
});

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
  return analyzeWaves(collectWaves(answers), options);
}

/** The full analysis of waves already collected (the CLI's byte reader collects as it reads). */
export function analyzeWaves(
  waves: readonly WaveData[],
  options: Partial<AnalysisOptions> = {},
): AnalysisResult {
  return analyzeSummaries(waves.map(summarizeWave), resolveOptions(options));
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

const tieKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * Which group figures of one wave are hidden and why: the disclosure step
 * (src/analysis/disclosure.ts) over the wave's units, with every published whole.
 */
export interface WaveDecisions {
  /** Per unit: its out figures (outScore, outN, and the ties out of it). */
  out: Map<string, SuppressedReason | null>;
  /** Per unit: its in figures (inScore, inN). */
  in: Map<string, SuppressedReason | null>;
  /** Per tie and self-tie (`from\u0000to`). */
  ties: Map<string, SuppressedReason | null>;
  network: SuppressedReason | null;
  /** Per group of the response table (when counts were given). */
  responses: Map<string, SuppressedReason | null>;
  responsesTotal: SuppressedReason | null;
}

/** Ties are hidden when small or when the unit they leave is hidden; in-scores by their ties. */
export function decideTiesAndIn(
  stats: Pick<RelationalCapacityStats, 'ties' | 'selfTies' | 'units'>,
  out: ReadonlyMap<string, SuppressedReason | null>,
  minGroup: number,
  complementary: boolean,
): Pick<WaveDecisions, 'ties' | 'in'> {
  const ties = new Map<string, SuppressedReason | null>();
  const hiddenInto = new Map<string, number>();
  for (const tie of [...stats.ties, ...stats.selfTies]) {
    const reason: SuppressedReason | null = isSuppressed(tie.n, minGroup)
      ? 'small'
      : complementary && (out.get(tie.from) ?? null) !== null
        ? 'complementary'
        : null;
    ties.set(tieKey(tie.from, tie.to), reason);
    if (reason !== null && tie.from !== tie.to) {
      hiddenInto.set(tie.to, (hiddenInto.get(tie.to) ?? 0) + tie.n);
    }
  }
  const into = new Map<string, SuppressedReason | null>();
  for (const unit of stats.units) {
    into.set(
      unit.unit,
      isSuppressed(unit.inN, minGroup)
        ? 'small'
        : complementary && leavesSmallRemainder(hiddenInto.get(unit.unit) ?? 0, minGroup)
          ? 'complementary'
          : null,
    );
  }
  return { ties, in: into };
}

/** The arm all of a unit's respondents share, `''` for none, or `null` when they differ. */
function unitArms(summary: WaveSummary): Map<string, string | null> {
  const arms = new Map<string, string | null>();
  for (const r of summary.respondents) {
    if (r.otherCount === 0) continue;
    const seen = arms.get(r.unit);
    arms.set(r.unit, seen === undefined || seen === r.arm ? r.arm : null);
  }
  return arms;
}

/**
 * The disclosure decisions of one wave: units partition the network (outN), each arm and
 * each published unit grouping, and the finished responses partition their total; ties
 * and in-scores follow the units ({@link decideTiesAndIn}).
 */
export function decideWave(
  summary: WaveSummary,
  stats: RelationalCapacityStats,
  opts: AnalysisOptions,
): WaveDecisions {
  const { minGroup } = opts;
  const counts = opts.responses?.get(summary.wave);
  const finished = new Map((counts ?? []).map((c) => [c.group, c.finished]));
  const outN = new Map(stats.units.map((u) => [u.unit, u.outN]));
  const names = [...new Set([...outN.keys(), ...finished.keys()])].sort(compareCodeUnits);
  const atoms = names.map((name) => [outN.get(name) ?? 0, finished.get(name) ?? 0]);
  const networkN = stats.respondents.length;
  const network: SuppressedReason | null = isSuppressed(networkN, minGroup) ? 'small' : null;
  const finishedTotal = [...finished.values()].reduce((a, b) => a + b, 0);
  const responsesTotal: SuppressedReason | null = isSuppressed(finishedTotal, minGroup)
    ? 'small'
    : null;

  const all = names.map((_, i) => i);
  const wholes: Whole[] = [];
  if (network === null) wholes.push({ members: all, measure: 0 });
  if (counts && responsesTotal === null) wholes.push({ members: all, measure: 1 });
  const groupBy = (groupOf: (name: string) => string | null | undefined) => {
    const groups = new Map<string, number[]>();
    names.forEach((name, i) => {
      const group = groupOf(name);
      if (group) groups.set(group, [...(groups.get(group) ?? []), i]);
    });
    for (const members of groups.values()) wholes.push({ members, measure: 0 });
  };
  const arms = unitArms(summary);
  groupBy((name) => arms.get(name));
  for (const grouping of opts.unitGroups?.get(summary.wave) ?? [])
    groupBy((name) => grouping.get(name));

  const initial = atoms.map((a) => smallReason(counts ? a : [a[0]!], minGroup));
  const reasons = opts.complementarySuppression
    ? protectPartitions(atoms, initial, wholes, minGroup)
    : initial;
  const out = new Map(names.map((name, i) => [name, reasons[i]!]));
  const responses = new Map(names.map((name, i) => [name, responsesTotal ?? reasons[i]!] as const));
  return {
    out,
    ...decideTiesAndIn(stats, out, minGroup, opts.complementarySuppression),
    network,
    responses,
    responsesTotal,
  };
}

const hiddenProfile = { dimensions: emptyProfile(), weakestDimension: null };

function tieResult(
  tie: TieStats,
  reason: SuppressedReason | null,
  opts: AnalysisOptions,
): TieResult {
  if (reason !== null) {
    return {
      from: tie.from,
      to: tie.to,
      n: null,
      score: null,
      level: 'suppressed',
      dontKnowShare: null,
      suppressed: true,
      suppressedReason: reason,
      ...hiddenProfile,
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
    suppressedReason: null,
    dimensions,
    weakestDimension: weakestDimension(dimensions),
  };
}

function unitResult(
  unit: UnitStats,
  outReason: SuppressedReason | null,
  inReason: SuppressedReason | null,
): UnitResult {
  const outSuppressed = outReason !== null;
  const inSuppressed = inReason !== null;
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
    outSuppressedReason: outReason,
    inSuppressedReason: inReason,
    outDimensions,
    inDimensions,
    outWeakestDimension: weakestDimension(outDimensions),
    inWeakestDimension: weakestDimension(inDimensions),
  };
}

function groupResult(values: readonly number[], reason: SuppressedReason | null): GroupResult {
  if (reason !== null) {
    return {
      mean: null,
      n: shownCount(values.length, true),
      sd: null,
      suppressed: true,
      suppressedReason: reason,
    };
  }
  const summary = summarize(values);
  return {
    mean: summary.mean,
    n: summary.n,
    sd: sdOf(summary.variance),
    suppressed: false,
    suppressedReason: null,
  };
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

function responsesResult(
  counts: readonly GroupResponseCount[],
  decisions: WaveDecisions,
): ResponsesResult {
  const finished = counts.reduce((a, c) => a + c.finished, 0);
  const total = decisions.responsesTotal;
  return {
    invited: counts.reduce((a, c) => a + c.invited, 0),
    finished: total === null ? finished : null,
    suppressed: total !== null,
    suppressedReason: total,
    groups: [...counts]
      .sort((a, b) => compareCodeUnits(a.group, b.group))
      .map((c) => {
        const reason = c.finished === 0 ? null : (decisions.responses.get(c.group) ?? null);
        return {
          group: c.group,
          invited: c.invited,
          finished: reason === null ? c.finished : null,
          suppressed: reason !== null,
          suppressedReason: reason,
        };
      }),
  };
}

/** Analyses one wave of collected answers: see {@link analyzeWaveSummary}. */
export function analyzeWave(wave: WaveData, opts: AnalysisOptions): WaveAnalysis {
  return analyzeWaveSummary(summarizeWave(wave), opts);
}

/** Analyses one wave: ties, units, network, asymmetry, roles, reliability and leadership. */
export function analyzeWaveSummary(summary: WaveSummary, opts: AnalysisOptions): WaveAnalysis {
  const stats = relationalCapacityFromSummary(summary);
  return buildWave(summary, stats, decideWave(summary, stats, opts), opts);
}

/** The published figures of one wave, hidden as `decisions` says. */
export function buildWave(
  summary: WaveSummary,
  stats: RelationalCapacityStats,
  decisions: WaveDecisions,
  opts: AnalysisOptions,
): WaveAnalysis {
  const { minGroup } = opts;
  const tieReason = (tie: TieStats) => decisions.ties.get(tieKey(tie.from, tie.to)) ?? null;
  const ties = stats.ties.map((tie) => tieResult(tie, tieReason(tie), opts));
  const selfTies = stats.selfTies.map((tie) => tieResult(tie, tieReason(tie), opts));
  const units = stats.units.map((unit) =>
    unitResult(
      unit,
      decisions.out.get(unit.unit) ?? smallReason([unit.outN], minGroup),
      decisions.in.get(unit.unit) ?? smallReason([unit.inN], minGroup),
    ),
  );

  const allScores = stats.respondents.map((r) => r.score);
  const networkN = allScores.length;
  const networkReason = decisions.network;
  const networkSuppressed = networkReason !== null;
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
    suppressedReason: networkReason,
  };

  const leaders: number[] = [];
  const employees: number[] = [];
  for (const r of stats.respondents) {
    if (r.role === 'leder') leaders.push(r.score);
    else if (r.role === 'medarbejder') employees.push(r.score);
  }
  const roleSizes = [leaders.length, employees.length];
  const [leadersReason = null, employeesReason = null] = opts.complementarySuppression
    ? partitionReasons(roleSizes, minGroup)
    : roleSizes.map((n) => smallReason([n], minGroup));
  const roles = {
    leder: groupResult(leaders, leadersReason),
    medarbejder: groupResult(employees, employeesReason),
    comparison: suppressComparison(
      welch('leder', leaders, 'medarbejder', employees),
      minGroup,
      leadersReason !== null || employeesReason !== null,
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
    ? withheldRegression(shownCount(x.length, true))
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
  const counts = opts.responses?.get(summary.wave);
  if (counts) result.responses = responsesResult(counts, decisions);
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
  // A unit whose respondents are in different arms is a part of two arm totals at once,
  // which the partition step (units within arms) cannot protect.
  const armOf = new Map<string, string>();
  let mixed = false;
  for (const r of scores) {
    const seen = armOf.get(r.unit);
    if (seen !== undefined && seen !== r.arm) mixed = true;
    armOf.set(r.unit, r.arm);
  }
  return {
    intervention,
    kontrol,
    none: scores.length - intervention.length - kontrol.length,
    mixed,
  };
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
      (leavesSmallRemainder(b.none, opts.minGroup) ||
        leavesSmallRemainder(a.none, opts.minGroup) ||
        b.mixed ||
        a.mixed));
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
