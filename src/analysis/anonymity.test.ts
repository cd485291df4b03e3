import { describe, expect, it } from 'vitest';
import {
  complementarySuppression,
  isSuppressed,
  leavesSmallRemainder,
  shownCount,
  suppressComparison,
  validateMinGroup,
  validateThresholds,
} from './anonymity.js';
import { AnalysisOptionsError } from './errors.js';
import { welch, withheldComparison } from './welch.js';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AnalysisOptionsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('option validation', () => {
  it('rejects minGroup below 3 or not whole', () => {
    expect(codeOf(() => validateMinGroup(2))).toBe('min_group_too_small');
    expect(codeOf(() => validateMinGroup(0))).toBe('min_group_too_small');
    expect(codeOf(() => validateMinGroup(3.5))).toBe('min_group_not_integer');
    expect(codeOf(() => validateMinGroup(Number.NaN))).toBe('min_group_not_integer');
    expect(codeOf(() => validateMinGroup(3))).toBeUndefined();
  });

  it('rejects low > high and non-numbers, allows low = high', () => {
    expect(codeOf(() => validateThresholds({ high: 3.5, low: 4 }))).toBe('thresholds_out_of_order');
    expect(codeOf(() => validateThresholds({ high: Infinity, low: 3 }))).toBe(
      'threshold_not_finite',
    );
    expect(codeOf(() => validateThresholds({ high: 4, low: 4 }))).toBeUndefined();
  });

  it('gives a Danish message as well', () => {
    const error = new AnalysisOptionsError('min_group_too_small', '2');
    expect(error.message).toContain('at least 3');
    expect(error.messageDa).toContain('mindst 3');
  });
});

describe('suppression', () => {
  it('suppresses 0 < n < minGroup and hides those counts', () => {
    expect(isSuppressed(0, 5)).toBe(false);
    expect(isSuppressed(1, 5)).toBe(true);
    expect(isSuppressed(4, 5)).toBe(true);
    expect(isSuppressed(5, 5)).toBe(false);
    expect(shownCount(0, true)).toBe(0);
    expect(shownCount(4, true)).toBeNull();
    expect(shownCount(7, false)).toBe(7);
    expect(leavesSmallRemainder(0, 5)).toBe(false);
    expect(leavesSmallRemainder(3, 5)).toBe(true);
    expect(leavesSmallRemainder(5, 5)).toBe(false);
  });

  it('suppresses the other role when one role is too small (network − employees = leaders)', () => {
    expect(complementarySuppression([3, 20], 5)).toEqual([true, true]);
    expect(complementarySuppression([20, 3], 5)).toEqual([true, true]);
    // no leaders at all: employees = network, nothing to protect
    expect(complementarySuppression([0, 20], 5)).toEqual([false, false]);
    expect(complementarySuppression([5, 20], 5)).toEqual([false, false]);
    // two small parts that together reach minGroup protect each other
    expect(complementarySuppression([2, 3, 20], 5)).toEqual([true, true, false]);
    // one small part: the smallest shown part gives way
    expect(complementarySuppression([2, 9, 6, 20], 5)).toEqual([true, false, true, false]);
  });

  it('suppresses a comparison with a small group, keeping labels', () => {
    const c = suppressComparison(welch('leder', [1, 2], 'medarbejder', [2, 3, 4, 5, 5]), 5);
    // The small group's count is withheld too; the other's shows.
    expect(c).toEqual(withheldComparison('leder', 'medarbejder', null, 5));
    const big = welch('a', [1, 2, 3, 4, 5], 'b', [2, 3, 4, 5, 5]);
    expect(suppressComparison(big, 5)).toBe(big);
    expect(suppressComparison(big, 5, true).n1).toBeNull();
  });
});
