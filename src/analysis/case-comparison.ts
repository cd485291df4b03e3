/**
 * The intervention study at case level (DOMAIN.md §2.4, issue #17): the allocated cases'
 * intervention arm against their control arm, for relational capacity and for leadership,
 * over all allocated cases and over the most complex ones.
 *
 * Per case, its closed case measurements in wave order; per measure the respondent scores
 * of a wave are R(r) (mean of s(r,t), t ≠ u(r)) or L(r) (mean of r's scored leadership
 * items). A case's wave enters only when that measure has at least the wave's minGroup
 * respondents, so one case's own figures never show beneath the minimum group.
 *
 *   - after-only: Welch's t-test (`welch`, ANALYSIS.md "Comparisons") of the scores in
 *     every case's latest wave, control → intervention (diff = Ī − C̄, 95 % CI); the
 *     study found +1.16 points on RK;
 *   - difference in differences (`differenceInDifferences`): cases with two or more
 *     entered waves, their first (before) and latest (after) wave;
 *   - pooled cells below `minGroup` respondents are suppressed (every statistic null).
 */
import type {
  CaseComparison,
  CaseComparisonGroup,
  CaseMeasureComparison,
} from '../../contract/allocations.schema.js';
import { respondentScores } from './case-level.js';
import { differenceInDifferences } from './did.js';
import { welch, withheldComparison } from './welch.js';
import type { WaveSummary } from './wave-summary.js';

export type { CaseComparison } from '../../contract/allocations.schema.js';

/** One allocated case as the comparison sees it. */
export interface ComparisonCase {
  arm: 'intervention' | 'kontrol';
  mostComplex: boolean;
  waves: { summary: WaveSummary; minGroup: number }[];
}

type Measure = 'rk' | 'leadership';

/** L(r) of each respondent with a scored leadership item. */
export function leadershipScores(summary: WaveSummary): number[] {
  return summary.respondents
    .filter((r) => r.leadership.n > 0)
    .map((r) => r.leadership.sum / r.leadership.n);
}

const scoresOf = (measure: Measure, summary: WaveSummary) =>
  measure === 'rk' ? respondentScores(summary) : leadershipScores(summary);

/** The waves of a case that may enter for this measure: those with at least minGroup scores. */
function entered(c: ComparisonCase, measure: Measure): number[][] {
  return c.waves
    .map((w) => ({ scores: scoresOf(measure, w.summary), minGroup: w.minGroup }))
    .filter((w) => w.scores.length >= w.minGroup)
    .map((w) => w.scores);
}

function suppressAfterOnly(c: ReturnType<typeof welch>): ReturnType<typeof welch> {
  return withheldComparison(c.from, c.to, null, null);
}

function measureComparison(
  cases: readonly ComparisonCase[],
  measure: Measure,
  minGroup: number,
): CaseMeasureComparison {
  const after = { intervention: [] as number[], kontrol: [] as number[] };
  const cells = {
    intervention: { before: [] as number[], after: [] as number[] },
    kontrol: { before: [] as number[], after: [] as number[] },
  };
  for (const c of cases) {
    const waves = entered(c, measure);
    const latest = waves.at(-1);
    if (latest) after[c.arm].push(...latest);
    if (waves.length >= 2) {
      cells[c.arm].before.push(...waves[0]!);
      cells[c.arm].after.push(...latest!);
    }
  }
  const small = (values: number[]) => values.length > 0 && values.length < minGroup;
  let afterOnly: CaseMeasureComparison['afterOnly'] = null;
  if (after.intervention.length > 0 && after.kontrol.length > 0) {
    afterOnly = welch('kontrol', after.kontrol, 'intervention', after.intervention);
    if (small(after.intervention) || small(after.kontrol)) afterOnly = suppressAfterOnly(afterOnly);
  }
  const four = [
    cells.intervention.before,
    cells.intervention.after,
    cells.kontrol.before,
    cells.kontrol.after,
  ];
  let did: CaseMeasureComparison['did'] = null;
  if (four.every((cell) => cell.length > 0)) {
    did = differenceInDifferences('før', 'efter', cells);
    if (four.some(small)) {
      const hidden = { mean: null, sd: null, n: null };
      did = {
        ...did,
        did: null,
        se: null,
        df: null,
        ci: null,
        p: null,
        cells: {
          intervention: { before: hidden, after: hidden },
          kontrol: { before: hidden, after: hidden },
        },
        suppressed: true,
      };
    }
  }
  return { afterOnly, did };
}

function group(
  key: CaseComparisonGroup['key'],
  cases: readonly ComparisonCase[],
  minGroup: number,
): CaseComparisonGroup {
  return {
    key,
    cases: {
      intervention: cases.filter((c) => c.arm === 'intervention').length,
      kontrol: cases.filter((c) => c.arm === 'kontrol').length,
    },
    rk: measureComparison(cases, 'rk', minGroup),
    leadership: measureComparison(cases, 'leadership', minGroup),
  };
}

/** Intervention against control for RK and leadership, over all cases and the most complex. */
export function compareCaseArms(
  cases: readonly ComparisonCase[],
  options: { minGroup: number },
): CaseComparison {
  const minGroup = Math.max(3, options.minGroup);
  return {
    minGroup,
    groups: [
      group('all', cases, minGroup),
      group(
        'mostComplex',
        cases.filter((c) => c.mostComplex),
        minGroup,
      ),
    ],
  };
}
