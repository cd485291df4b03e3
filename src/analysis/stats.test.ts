import { describe, expect, it } from 'vitest';
import {
  mean,
  sampleVariance,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
  summarize,
  tCritical95,
} from './stats.js';

describe('mean and sample variance', () => {
  it('returns null for too few values', () => {
    expect(mean([])).toBeNull();
    expect(sampleVariance([])).toBeNull();
    expect(sampleVariance([3])).toBeNull();
    expect(summarize([])).toEqual({ n: 0, mean: null, variance: null });
  });

  it('uses the n − 1 denominator', () => {
    // mean = (1+2+3+4)/4 = 2.5; Σ(x − 2.5)² = 2.25+0.25+0.25+2.25 = 5; 5/3
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 15);
    expect(sampleVariance([4, 4, 4])).toBe(0);
  });
});

describe("Student's t distribution", () => {
  it('matches published t₀.₉₇₅ table values to 1e-9', () => {
    expect(tCritical95(10)).toBeCloseTo(2.228138851986, 9);
    expect(tCritical95(1)).toBeCloseTo(12.7062047361747, 9);
    expect(tCritical95(30)).toBeCloseTo(2.042272456301, 9);
    // Non-integer df (Welch); reference: scipy.stats.t.ppf(0.975, df).
    expect(tCritical95(2.5)).toBeCloseTo(3.5746548420036817, 9);
    expect(tCritical95(7.3)).toBeCloseTo(2.345066736547703, 9);
    // Large df approaches the normal quantile 1.959963984540054.
    expect(tCritical95(1e6)).toBeCloseTo(1.959966356986, 8);
  });

  it('matches published two-sided p-values to 1e-9', () => {
    expect(studentTTwoSidedP(2, 10)).toBeCloseTo(0.0733880347707, 9);
    expect(studentTTwoSidedP(-2, 10)).toBeCloseTo(0.0733880347707, 9);
    // scipy: 2·t.sf(2, df)
    expect(studentTTwoSidedP(2, 1)).toBeCloseTo(0.2951672353008665, 12);
    expect(studentTTwoSidedP(2, 30)).toBeCloseTo(0.054625044962983094, 12);
    expect(studentTTwoSidedP(2, 2.5)).toBeCloseTo(0.1573914957579659, 12);
    // df = 1 is the Cauchy distribution: P(T ≤ −1.5) = 1/2 − atan(1.5)/π.
    expect(studentTCdf(-1.5, 1)).toBeCloseTo(0.5 - Math.atan(1.5) / Math.PI, 14);
    expect(studentTCdf(-1.5, 7.3)).toBeCloseTo(0.08778154640154305, 12);
  });

  it('handles the edges', () => {
    expect(studentTTwoSidedP(0, 5)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 5)).toBe(0);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(() => studentTTwoSidedP(1, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });

  it('inverts its own CDF', () => {
    for (const df of [0.7, 1, 2, 3.3, 12, 95.5, 4000]) {
      for (const p of [0.001, 0.1, 0.4, 0.6, 0.975, 0.9999]) {
        const t = studentTQuantile(p, df);
        expect(studentTCdf(t, df)).toBeCloseTo(p, 12);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 9);
      }
    }
  });
});
