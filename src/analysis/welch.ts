/**
 * Welch's unequal-variance t-test between two groups of respondent scores R(r).
 *
 * Source: ANALYSIS.md "Comparisons". With sample variances s² (n − 1):
 *   diff = mean₂ − mean₁,  se = √(s₁²/n₁ + s₂²/n₂),
 *   df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))  (Welch–Satterthwaite),
 *   95 % CI = diff ± t₀.₉₇₅,df · se,  p = two-sided P(|T_df| ≥ |diff/se|),
 *   d = diff / s_pooled,  s_pooled = √(((n₁ − 1)s₁² + (n₂ − 1)s₂²)/(n₁ + n₂ − 2)).
 *
 * Degenerate cases give `null`, never NaN or Infinity:
 *   - a group with no values: every statistic null (diff needs both means);
 *   - a group with one value: diff only (no variance, so se, df, ci, p and d are null);
 *   - both variances zero: se = 0, so df, ci and p are null; d is null (s_pooled = 0).
 */
import type { Comparison } from '../../contract/analysis.schema.js';
import { sdOf, summarize, tInference, welchSatterthwaite, type GroupSummary } from './stats.js';

export type { Comparison } from '../../contract/analysis.schema.js';

/**
 * A comparison with every statistic withheld: only the labels and the counts it may show.
 * Suppression builds on it (anonymity, case comparison), and so does a test before its figures.
 */
export function withheldComparison(
  from: string,
  to: string,
  n1: number | null,
  n2: number | null,
): Comparison {
  return {
    from,
    to,
    diff: null,
    se: null,
    df: null,
    ci: null,
    p: null,
    d: null,
    n1,
    n2,
    mean1: null,
    mean2: null,
    sd1: null,
    sd2: null,
    suppressed: true,
  };
}

/** Welch's t-test from two group summaries (n, mean, sample variance). */
export function welchFromSummaries(
  from: string,
  group1: GroupSummary,
  to: string,
  group2: GroupSummary,
): Comparison {
  const result: Comparison = {
    ...withheldComparison(from, to, group1.n, group2.n),
    mean1: group1.mean,
    mean2: group2.mean,
    sd1: sdOf(group1.variance),
    sd2: sdOf(group2.variance),
    suppressed: false,
  };
  if (group1.mean === null || group2.mean === null) return result;
  const diff = group2.mean - group1.mean;
  result.diff = diff;
  const spread = welchSatterthwaite([group1, group2]);
  if (spread === null) return result;
  result.se = spread.se;
  const n1 = group1.n;
  const n2 = group2.n;
  const pooled = ((n1 - 1) * group1.variance! + (n2 - 1) * group2.variance!) / (n1 + n2 - 2);
  if (pooled > 0) result.d = diff / Math.sqrt(pooled);
  if (spread.df === null) return result;
  return { ...result, df: spread.df, ...tInference(diff, spread.se, spread.df) };
}

/** Welch's t-test of `to` against `from` (diff = mean(to) − mean(from)). */
export function welch(
  from: string,
  values1: readonly number[],
  to: string,
  values2: readonly number[],
): Comparison {
  return welchFromSummaries(from, summarize(values1), to, summarize(values2));
}
