import { describe, expect, it } from 'vitest';
import { welch, withheldComparison } from './welch.js';

describe('welch', () => {
  it('returns null statistics, never NaN, for degenerate groups', () => {
    const empty = welch('a', [], 'b', [1, 2, 3]);
    expect(empty).toMatchObject({ diff: null, se: null, df: null, ci: null, p: null, d: null });
    expect(empty.n1).toBe(0);

    const single = welch('a', [2], 'b', [1, 2, 3]);
    // diff = mean₂ − mean₁ = 2 − 2 = 0; no variance for a single value
    expect(single).toMatchObject({ diff: 0, se: null, df: null, ci: null, p: null, d: null });

    const flat = welch('a', [3, 3], 'b', [4, 4, 4]);
    // both variances 0: se = 0, so no df, ci, p; s_pooled = 0, so no d
    expect(flat).toMatchObject({ diff: 1, se: 0, df: null, ci: null, p: null, d: null });

    const oneFlat = welch('a', [3, 3, 3], 'b', [1, 2, 3]);
    // s₁² = 0, so df = (s₂²/n₂)² / ((s₂²/n₂)²/(n₂ − 1)) = n₂ − 1 = 2
    expect(oneFlat.df).toBeCloseTo(2, 12);
    expect(JSON.stringify(oneFlat)).not.toMatch(/NaN|Infinity/);
  });

  it('computes the ANALYSIS.md formulas on a hand example', () => {
    // group 1 = [1,2,3,4]: mean 2.5, s² = 5/3; group 2 = [2,4,6]: mean 4, s² = 4
    // diff = 4 − 2.5 = 1.5
    // se = √(5/3/4 + 4/3) = √(0.41667 + 1.33333) = √1.75 = 1.3228756555
    // df = 1.75² / (0.41667²/3 + 1.33333²/2) = 3.0625 / 0.9467593 = 3.2347188264
    // s_pooled = √((3·5/3 + 2·4)/5) = √2.6; d = 1.5/√2.6 = 0.9302605094
    // ci and p: scipy.stats (t.ppf(0.975, df), 2·t.sf(diff/se, df))
    const c = welch('leder', [1, 2, 3, 4], 'medarbejder', [2, 4, 6]);
    expect(c.from).toBe('leder');
    expect(c.to).toBe('medarbejder');
    expect(c.diff).toBeCloseTo(1.5, 14);
    expect(c.se).toBeCloseTo(Math.sqrt(1.75), 14);
    expect(c.df).toBeCloseTo(3.234718826405868, 12);
    expect(c.ci![0]).toBeCloseTo(-2.5423279549230244, 10);
    expect(c.ci![1]).toBeCloseTo(5.542327954923024, 10);
    expect(c.p).toBeCloseTo(0.33382370007750106, 10);
    expect(c.d).toBeCloseTo(0.9302605094190634, 12);
    expect(c.n1).toBe(4);
    expect(c.n2).toBe(3);
    expect(c.mean1).toBe(2.5);
    expect(c.mean2).toBe(4);
    expect(c.suppressed).toBe(false);
  });

  it('is antisymmetric in its groups', () => {
    const ab = welch('a', [1, 2, 3, 4], 'b', [2, 4, 6]);
    const ba = welch('b', [2, 4, 6], 'a', [1, 2, 3, 4]);
    expect(ba.diff).toBeCloseTo(-ab.diff!, 14);
    expect(ba.p).toBeCloseTo(ab.p!, 14);
    expect(ba.d).toBeCloseTo(-ab.d!, 14);
  });
});

describe('withheldComparison', () => {
  it('keeps the labels and the given counts and withholds every statistic', () => {
    const { from, to, n1, n2, suppressed, ...statistics } = withheldComparison('a', 'b', null, 5);
    expect({ from, to, n1, n2, suppressed }).toEqual({
      from: 'a',
      to: 'b',
      n1: null,
      n2: 5,
      suppressed: true,
    });
    expect(Object.keys(statistics)).toEqual(
      expect.arrayContaining(['diff', 'se', 'df', 'ci', 'p', 'd', 'mean1', 'mean2', 'sd1', 'sd2']),
    );
    expect(Object.values(statistics).every((value) => value === null)).toBe(true);
  });
});
