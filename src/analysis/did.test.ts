import { describe, expect, it } from 'vitest';
import { differenceInDifferences } from './did.js';

describe('differenceInDifferences', () => {
  it('returns null statistics when a cell is empty or has one value', () => {
    const empty = differenceInDifferences('før', 'efter', {
      intervention: { before: [], after: [3, 4] },
      kontrol: { before: [2, 3], after: [3, 3] },
    });
    expect(empty).toMatchObject({ did: null, se: null, df: null, ci: null, p: null });
    expect(empty.cells.intervention.before).toEqual({ mean: null, sd: null, n: 0 });

    const single = differenceInDifferences('før', 'efter', {
      intervention: { before: [2], after: [3, 4] },
      kontrol: { before: [2, 3], after: [3, 3] },
    });
    // did = (3.5 − 2) − (3 − 2.5) = 1; no variance in the one-value cell
    expect(single).toMatchObject({ did: 1, se: null, df: null, ci: null, p: null });
  });

  it('computes the ANALYSIS.md formulas on a hand example', () => {
    // I_before [1,2,3]: mean 2, s² 1;  I_after [3,4,5,6]: mean 4.5, s² 5/3
    // C_before [2,3]: mean 2.5, s² 0.5; C_after [2,2,3,5]: mean 3, s² 2
    // did = (4.5 − 2) − (3 − 2.5) = 2
    // Σ s²/n = 1/3 + (5/3)/4 + 0.5/2 + 2/4 = 0.33333 + 0.41667 + 0.25 + 0.5 = 1.5; se = √1.5
    // df = 1.5² / (0.33333²/2 + 0.41667²/3 + 0.25²/1 + 0.5²/3) = 2.25 / 0.25926 = 8.6785714
    // ci and p: scipy.stats
    const r = differenceInDifferences('før', 'efter', {
      intervention: { before: [1, 2, 3], after: [3, 4, 5, 6] },
      kontrol: { before: [2, 3], after: [2, 2, 3, 5] },
    });
    expect(r.from).toBe('før');
    expect(r.to).toBe('efter');
    expect(r.did).toBeCloseTo(2, 14);
    expect(r.se).toBeCloseTo(Math.sqrt(1.5), 14);
    expect(r.df).toBeCloseTo(8.678571428571429, 12);
    expect(r.ci![0]).toBeCloseTo(-0.7862865102836984, 10);
    expect(r.ci![1]).toBeCloseTo(4.7862865102836984, 10);
    expect(r.p).toBeCloseTo(0.13815380087191018, 10);
    expect(r.cells.intervention.after).toEqual({ mean: 4.5, sd: Math.sqrt(5 / 3), n: 4 });
    expect(r.cells.kontrol.before.n).toBe(2);
  });
});
