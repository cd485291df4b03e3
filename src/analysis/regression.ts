/**
 * Ordinary least squares of respondent RK R(r) on leadership L(r).
 *
 * Source: ANALYSIS.md "Leadership and RK". Over respondents with both scores:
 *   slope = Sxy / Sxx,  intercept = ȳ − slope·x̄,  r = Sxy / √(Sxx·Syy)  (Pearson),
 *   p: two-sided, t = r√(n − 2)/√(1 − r²) with df = n − 2,
 *   elasticity = slope · x̄ / ȳ  ("10 % higher leadership goes with elasticity × 10 %
 *   higher RK"), both means over the regression sample.
 *
 * Degenerate cases give `null`: fewer than two points, or no spread in x, give no slope;
 * no spread in y gives slope 0 but no r or p; p needs n ≥ 3; |r| = 1 gives p = 0.
 */
import { studentTTwoSidedP } from './stats.js';

/** Slope, intercept, Pearson r, its p-value, sample size and elasticity at the means. */
export interface RegressionResult {
  slope: number | null;
  intercept: number | null;
  r: number | null;
  p: number | null;
  n: number;
  elasticity: number | null;
}

/** A regression withheld for too small a sample: every statistic null, `n` as it may be shown. */
export function withheldRegression<N extends number | null>(n: N) {
  return {
    slope: null,
    intercept: null,
    r: null,
    p: null,
    n,
    elasticity: null,
    suppressed: true,
  } as const;
}

/** Ordinary least squares of `y` on `x` (equal-length arrays of paired values). */
export function olsRegression(x: readonly number[], y: readonly number[]): RegressionResult {
  const n = x.length;
  if (y.length !== n) throw new RangeError('x and y must have the same length');
  const result: RegressionResult = {
    slope: null,
    intercept: null,
    r: null,
    p: null,
    n,
    elasticity: null,
  };
  if (n < 2) return result;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (!(sxx > 0)) return result;
  const slope = sxy / sxx;
  result.slope = slope;
  result.intercept = my - slope * mx;
  result.elasticity = my !== 0 ? (slope * mx) / my : null;
  if (!(syy > 0)) return result;
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  result.r = r;
  if (n < 3) return result;
  const oneMinusR2 = 1 - r * r;
  result.p =
    oneMinusR2 > 0 ? studentTTwoSidedP((r * Math.sqrt(n - 2)) / Math.sqrt(oneMinusR2), n - 2) : 0;
  return result;
}
