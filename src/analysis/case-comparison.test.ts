/**
 * The case-level comparison against values worked out independently (SciPy 1.17:
 * `ttest_ind(equal_var=False)`, `t.ppf(0.975, df)`, and the DiD formula of ANALYSIS.md).
 */
import { describe, expect, it } from 'vitest';
import { compareCaseArms, type ComparisonCase } from './case-comparison.js';
import { emptyMoments } from './cronbach.js';
import type { WaveSummary } from './wave-summary.js';

/** A wave whose respondents have R(r) = rk[i] and L(r) = leadership[i] (when given). */
function wave(rk: number[], leadership: number[] = []): { summary: WaveSummary; minGroup: number } {
  const respondents = rk.map((score, i) => ({
    id: `r${i}`,
    unit: 'A',
    role: 'medarbejder' as const,
    arm: '' as const,
    otherSum: score,
    otherCount: 1,
    complete: false,
    leadership:
      leadership[i] === undefined
        ? { sum: 0, n: 0, packed: 0 }
        : { sum: leadership[i], n: 1, packed: 0 },
    citizen: { sum: 0, n: 0, packed: 0 },
  }));
  return { summary: { wave: 'w', ties: [], respondents, rkAlpha: emptyMoments(6) }, minGroup: 3 };
}

const I_BEFORE = [3, 3, 4, 3, 3, 2];
const I_AFTER = [4, 5, 4, 5, 4, 5];
const C_BEFORE = [3, 4, 3, 3, 4, 3];
const C_AFTER = [3, 3, 4, 3, 2, 3];

describe('compareCaseArms', () => {
  it('compares the arms after only (Welch) and by difference in differences', () => {
    const cases: ComparisonCase[] = [
      // Two cases per arm of three respondents each; the intervention arm's second is most complex.
      {
        arm: 'intervention',
        mostComplex: false,
        waves: [wave(I_BEFORE.slice(0, 3)), wave(I_AFTER.slice(0, 3))],
      },
      {
        arm: 'intervention',
        mostComplex: true,
        waves: [wave(I_BEFORE.slice(3)), wave(I_AFTER.slice(3))],
      },
      {
        arm: 'kontrol',
        mostComplex: false,
        waves: [wave(C_BEFORE.slice(0, 3)), wave(C_AFTER.slice(0, 3))],
      },
      {
        arm: 'kontrol',
        mostComplex: true,
        waves: [wave(C_BEFORE.slice(3)), wave(C_AFTER.slice(3))],
      },
    ];
    const result = compareCaseArms(cases, { minGroup: 5 });
    const all = result.groups.find((g) => g.key === 'all')!;
    expect(all.cases).toEqual({ intervention: 2, kontrol: 2 });
    const after = all.rk.afterOnly!;
    expect(after.diff).toBeCloseTo(1.5, 12);
    expect(after.df).toBeCloseTo(9.8, 10);
    expect(after.ci![0]).toBeCloseTo(0.7368351319265809, 8);
    expect(after.ci![1]).toBeCloseTo(2.263164868073419, 8);
    expect(after.p).toBeCloseTo(0.0014197558422057595, 8);
    const did = all.rk.did!;
    expect(did.did).toBeCloseTo(1.8333333333333335, 12);
    expect(did.se).toBeCloseTo(0.4772607021092118, 12);
    expect(did.df).toBeCloseTo(19.411085450346427, 8);
    expect(did.ci![0]).toBeCloseTo(0.8358451030775733, 8);
    expect(did.ci![1]).toBeCloseTo(2.830821563589094, 8);
    expect(did.p).toBeCloseTo(0.0010657479794879436, 8);
    // No leadership answers: nothing to compare.
    expect(all.leadership).toEqual({ afterOnly: null, did: null });

    // The most complex: one case per arm, 3 respondents each, under the pooled minimum group 5.
    const complex = result.groups.find((g) => g.key === 'mostComplex')!;
    expect(complex.cases).toEqual({ intervention: 1, kontrol: 1 });
    expect(complex.rk.afterOnly).toMatchObject({
      diff: null,
      ci: null,
      mean1: null,
      mean2: null,
      n1: null,
      n2: null,
      suppressed: true,
    });
    expect(complex.rk.did).toMatchObject({ did: null, ci: null, suppressed: true });
    expect(complex.rk.did!.cells.intervention.after).toEqual({ mean: null, sd: null, n: null });
  });

  it("leaves out a case's wave below its own minimum group, and compares leadership", () => {
    const cases: ComparisonCase[] = [
      { arm: 'intervention', mostComplex: false, waves: [wave(I_AFTER, [5, 5, 4, 5, 4, 5])] },
      // Two respondents: under the case's minimum group of 3, so this case never shows.
      { arm: 'kontrol', mostComplex: false, waves: [wave([1, 1], [1, 1])] },
      { arm: 'kontrol', mostComplex: false, waves: [wave(C_AFTER, [3, 3, 3])] },
    ];
    const all = compareCaseArms(cases, { minGroup: 3 }).groups[0]!;
    expect(all.rk.afterOnly!.n2).toBe(6);
    expect(all.rk.afterOnly!.n1).toBe(6);
    expect(all.rk.afterOnly!.diff).toBeCloseTo(1.5, 12);
    expect(all.rk.did).toBeNull();
    // Leadership: 6 intervention scores against 3 control scores (the 2-person case left out).
    expect(all.leadership.afterOnly).toMatchObject({ n1: 3, n2: 6, mean1: 3 });
    expect(all.leadership.afterOnly!.diff).toBeCloseTo(28 / 6 - 3, 12);
  });

  it('never lets the pooled minimum group go below 3', () => {
    const cases: ComparisonCase[] = [
      { arm: 'intervention', mostComplex: false, waves: [wave([4, 4, 5])] },
      { arm: 'kontrol', mostComplex: false, waves: [wave([3, 3, 2])] },
    ];
    expect(compareCaseArms(cases, { minGroup: 1 }).minGroup).toBe(3);
    expect(compareCaseArms(cases, { minGroup: 1 }).groups[0]!.rk.afterOnly!.suppressed).toBe(false);
  });
});
