import { describe, expect, it } from 'vitest';
import { olsRegression } from './regression.js';

describe('olsRegression', () => {
  it('returns nulls for degenerate samples', () => {
    expect(olsRegression([], [])).toEqual({
      slope: null,
      intercept: null,
      r: null,
      p: null,
      n: 0,
      elasticity: null,
    });
    // no spread in x: no slope
    expect(olsRegression([3, 3, 3], [1, 2, 3]).slope).toBeNull();
    // no spread in y: slope 0, intercept ȳ, elasticity 0, no r or p
    expect(olsRegression([1, 2, 3], [4, 4, 4])).toMatchObject({
      slope: 0,
      intercept: 4,
      r: null,
      p: null,
      elasticity: 0,
    });
    // two points: a line but no p (df = 0)
    expect(olsRegression([1, 2], [2, 4])).toMatchObject({ slope: 2, r: 1, p: null });
    // a perfect fit with n ≥ 3: p = 0
    expect(olsRegression([1, 2, 3], [2, 4, 6]).p).toBe(0);
    expect(() => olsRegression([1], [1, 2])).toThrow(RangeError);
  });

  it('computes OLS, Pearson r, p and elasticity on a hand example', () => {
    // x = [1,2,3,4], y = [2,4,5,4]; x̄ = 2.5, ȳ = 3.75
    // Sxx = 5, Sxy = 2.625 − 0.125 + 0.625 + 0.375 = 3.5, Syy = 4.75
    // slope = 3.5/5 = 0.7; intercept = 3.75 − 0.7·2.5 = 2
    // r = 3.5/√(5·4.75) = 0.7181848465; p: scipy.stats.linregress
    // elasticity = 0.7 · 2.5 / 3.75 = 0.4666667
    const fit = olsRegression([1, 2, 3, 4], [2, 4, 5, 4]);
    expect(fit.slope).toBeCloseTo(0.7, 14);
    expect(fit.intercept).toBeCloseTo(2, 14);
    expect(fit.r).toBeCloseTo(0.7181848464596079, 14);
    expect(fit.p).toBeCloseTo(0.281815153540392, 12);
    expect(fit.n).toBe(4);
    expect(fit.elasticity).toBeCloseTo((0.7 * 2.5) / 3.75, 14);
  });
});
