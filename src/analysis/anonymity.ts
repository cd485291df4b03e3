/**
 * Anonymity: minimum group size and complementary suppression.
 *
 * Source: ANALYSIS.md "Anonymity".
 *   - Every aggregate over fewer than minGroup respondents (default 5, never below 3) is
 *     suppressed: value null, `suppressed: true`, and no dimension, share or count beneath
 *     it is shown either. An aggregate over 0 respondents has no value to hide: its value is
 *     null, its count 0 and it is not marked suppressed.
 *   - No subtraction attacks: when aggregates of the same measure are shown over respondent
 *     sets X ⊂ Y, |Y \ X| must be 0 or ≥ minGroup. Generalised to a shown total Y split into
 *     parts, the respondents in the parts that are not shown must together number 0 or at
 *     least minGroup; otherwise something more is suppressed (the rule's "complementary
 *     suppression"). The caller decides whether the total or another part gives way.
 */
import { AnalysisOptionsError } from './errors.js';
import { withheldComparison, type Comparison } from './welch.js';

/** The smallest minGroup the product allows. */
export const MIN_GROUP_FLOOR = 3;

/** Throws {@link AnalysisOptionsError} unless minGroup is a whole number ≥ 3. */
export function validateMinGroup(minGroup: number): void {
  if (!Number.isInteger(minGroup)) {
    throw new AnalysisOptionsError('min_group_not_integer', String(minGroup));
  }
  if (minGroup < MIN_GROUP_FLOOR) {
    throw new AnalysisOptionsError('min_group_too_small', String(minGroup));
  }
}

/** Throws {@link AnalysisOptionsError} unless both thresholds are finite and low ≤ high. */
export function validateThresholds(thresholds: { high: number; low: number }): void {
  const { high, low } = thresholds;
  if (!Number.isFinite(high) || !Number.isFinite(low)) {
    throw new AnalysisOptionsError('threshold_not_finite', `high=${high}, low=${low}`);
  }
  if (low > high) {
    throw new AnalysisOptionsError('thresholds_out_of_order', `low=${low} > high=${high}`);
  }
}

/** Whether an aggregate over `n` respondents must be withheld (0 < n < minGroup). */
export function isSuppressed(n: number, minGroup: number): boolean {
  return n > 0 && n < minGroup;
}

/**
 * Whether the respondents left over after subtracting shown parts from a shown total
 * (`hidden` of them) would form a group that is too small: 0 < hidden < minGroup.
 */
export function leavesSmallRemainder(hidden: number, minGroup: number): boolean {
  return hidden > 0 && hidden < minGroup;
}

/** The count to publish: `n` when shown, 0 when nothing is there, otherwise `null`. */
export function shownCount(n: number, suppressed: boolean): number | null {
  if (n === 0) return 0;
  return suppressed ? null : n;
}

/**
 * Decides which parts of a shown total to suppress: first every part with
 * 0 < n < minGroup, then, while the suppressed parts together hold 0 < Σn < minGroup,
 * also the smallest part still shown (ties: the first). Returns one flag per part.
 * Example: leaders (3) and employees (20) of a network with minGroup 5 → both suppressed,
 * since the network minus the employees would reveal the three leaders.
 */
export function complementarySuppression(sizes: readonly number[], minGroup: number): boolean[] {
  const suppressed = sizes.map((n) => isSuppressed(n, minGroup));
  for (;;) {
    let hidden = 0;
    sizes.forEach((n, i) => {
      if (suppressed[i]) hidden += n;
    });
    if (!leavesSmallRemainder(hidden, minGroup)) return suppressed;
    let smallest = -1;
    sizes.forEach((n, i) => {
      if (!suppressed[i] && n > 0 && (smallest < 0 || n < sizes[smallest]!)) smallest = i;
    });
    if (smallest < 0) return suppressed;
    suppressed[smallest] = true;
  }
}

/**
 * Applies suppression to a comparison: when either group has 0 < n < minGroup, or `force`
 * is set (a group was suppressed elsewhere), every statistic and withheld count is null.
 */
export function suppressComparison(
  comparison: Comparison,
  minGroup: number,
  force = false,
): Comparison {
  const n1 = comparison.n1 ?? 0;
  const n2 = comparison.n2 ?? 0;
  const suppressed1 = force || isSuppressed(n1, minGroup);
  const suppressed2 = force || isSuppressed(n2, minGroup);
  if (!suppressed1 && !suppressed2) return comparison;
  return withheldComparison(
    comparison.from,
    comparison.to,
    shownCount(n1, suppressed1),
    shownCount(n2, suppressed2),
  );
}
