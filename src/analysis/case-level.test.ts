import { describe, expect, it } from 'vitest';
import { caseLevel, caseRk, citizenScore, respondentScores, type CaseInput } from './case-level.js';
import { emptyMoments } from './cronbach.js';
import { RK_ITEMS } from './answer.js';
import type { RespondentSummary, WaveSummary } from './wave-summary.js';

const block = { sum: 0, n: 0, packed: 0 };

/** A wave summary from respondents given as [unit, Σ s(r,t) over t ≠ u(r), #pairs]. */
function wave(respondents: [string, number, number][], label = '1'): WaveSummary {
  return {
    wave: label,
    ties: [],
    rkAlpha: emptyMoments(RK_ITEMS.length),
    respondents: respondents.map(([unit, otherSum, otherCount], i): RespondentSummary => ({
      id: `r${i}`,
      unit,
      role: 'medarbejder',
      arm: '',
      otherSum,
      otherCount,
      complete: false,
      leadership: block,
      citizen: block,
    })),
  };
}

/** A case whose one wave has `n` respondents each with one pair scored `rk`. */
const flat = (rk: number, n: number): WaveSummary =>
  wave(Array.from({ length: n }, (): [string, number, number] => ['A', rk, 1]));

describe('caseRk', () => {
  it('suppresses 0 < n < minGroup and gives nothing for no respondents', () => {
    expect(caseRk(wave([]), 3)).toEqual({ rk: null, n: 0, suppressed: false });
    expect(caseRk(wave([['A', 4, 1]]), 3)).toEqual({ rk: null, n: null, suppressed: true });
    // a respondent who rated only their own unit has no pair with t ≠ u(r): not counted
    expect(
      caseRk(
        wave([
          ['A', 4, 1],
          ['B', 3, 1],
          ['C', 0, 0],
        ]),
        3,
      ),
    ).toEqual({ rk: null, n: null, suppressed: true });
  });

  it('averages pair scores, not respondent scores', () => {
    // r1: s = 4 and 2 (Σ 6, 2 pairs); r2: s = 5 (1 pair); r3: s = 3, 3, 3 (Σ 9, 3 pairs)
    // pairs: (6 + 5 + 9) / 6 = 20/6 = 3.3333…; respondent means would give (3 + 5 + 3)/3 = 3.667
    const summary = wave([
      ['A', 6, 2],
      ['B', 5, 1],
      ['C', 9, 3],
    ]);
    expect(caseRk(summary, 3)).toEqual({ rk: 20 / 6, n: 3, suppressed: false });
    expect(respondentScores(summary)).toEqual([3, 5, 3]);
  });
});

describe('citizenScore', () => {
  it('is the mean of the scored items; dk, skipped, out-of-range and unknown items are not scores', () => {
    expect(citizenScore(null)).toBeNull();
    expect(citizenScore({})).toBeNull();
    expect(citizenScore({ borger1: 'dk', borger2: 'dk' })).toBeNull();
    // (4 + 2 + 5) / 3 = 11/3
    expect(
      citizenScore({ borger1: 4, borger2: 'dk', borger3: 2, borger5: 5, borger9: 1, ledelse1: 1 }),
    ).toBeCloseTo(11 / 3, 14);
    expect(citizenScore({ borger1: 7, borger2: 0, borger3: 3 })).toBe(3);
  });
});

describe('caseLevel', () => {
  const one = (rk: number, citizen: number | null, units: number, n = 3): CaseInput => ({
    arm: null,
    units,
    citizenScore: citizen,
    waves: [{ summary: flat(rk, n), minGroup: 3 }],
  });

  it('withholds regressions and points below minCases, and leaves out suppressed cases', () => {
    const result = caseLevel([one(3, 4, 3), one(4, 5, 5), one(5, 3, 8, 2)], { minCases: 3 });
    // the third case has 2 < 3 respondents: not a case at all
    expect(result.cases).toBe(2);
    expect(result.citizen).toMatchObject({ n: 2, slope: null, suppressed: true, points: null });
    expect(result.units).toMatchObject({ n: 2, slope: null, suppressed: true, points: null });
    expect(result.did).toBeNull();
    // minCases is never below 3
    expect(caseLevel([one(3, 4, 3), one(4, 5, 5)], { minCases: 1 }).units.suppressed).toBe(true);
  });

  it('regresses the citizen score on case RK and case RK on units (hand example)', () => {
    // citizen: x = RK [1,2,3,4], y = citizen [2,4,5,4] → slope 0.7, intercept 2,
    // r = 3.5/√(5·4.75) = 0.7181848465, elasticity 0.7·2.5/3.75 (see regression.test.ts)
    // units: x = [3,5,7,9], y = RK [1,2,3,4] → slope 0.5, intercept −0.5, r = 1
    // A fifth case has RK but no citizen score: it counts for units only (x 11, y 5).
    const cases = [one(1, 2, 3), one(2, 4, 5), one(3, 5, 7), one(4, 4, 9)];
    const result = caseLevel([...cases, one(5, null, 11)], { minCases: 4 });
    expect(result.cases).toBe(5);
    expect(result.citizen.n).toBe(4);
    expect(result.citizen.slope).toBeCloseTo(0.7, 14);
    expect(result.citizen.intercept).toBeCloseTo(2, 14);
    expect(result.citizen.r).toBeCloseTo(0.7181848464596079, 14);
    expect(result.citizen.p).toBeCloseTo(0.281815153540392, 12);
    expect(result.citizen.elasticity).toBeCloseTo((0.7 * 2.5) / 3.75, 14);
    expect(result.citizen.points).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 5 },
      { x: 4, y: 4 },
    ]);
    // units: x = [3,5,7,9,11], y = [1,2,3,4,5] → slope 0.5, intercept −0.5, r = 1, p = 0
    expect(result.units).toMatchObject({ n: 5, r: 1, p: 0, suppressed: false });
    expect(result.units.slope).toBeCloseTo(0.5, 14);
    expect(result.units.intercept).toBeCloseTo(-0.5, 14);
  });

  it('rounds points to 0.1 and sorts them, carrying no case identity', () => {
    const result = caseLevel([one(3.46, 4.04, 3), one(2.04, 1.96, 4), one(3.46, 3.01, 5)], {
      minCases: 3,
    });
    expect(result.citizen.points).toEqual([
      { x: 2, y: 2 },
      { x: 3.5, y: 3 },
      { x: 3.5, y: 4 },
    ]);
  });

  it('gives the difference in differences over R(r) of both waves of cases with an arm', () => {
    const twoWaves = (
      arm: 'intervention' | 'kontrol',
      before: [string, number, number][],
      after: [string, number, number][],
    ): CaseInput => ({
      arm,
      units: 4,
      citizenScore: null,
      waves: [
        { summary: wave(before, 'før'), minGroup: 3 },
        { summary: wave(after, 'efter'), minGroup: 3 },
      ],
    });
    // R(r) per respondent: I_before [1,2,3], I_after [3,4,5,6] (as in did.test.ts);
    // control before [2,3,2.5] (mean 2.5, s² 0.25), control after [2,2,3,5] (mean 3, s² 2).
    // A second control case whose after wave is suppressed (2 < 3 respondents) is left out.
    const result = caseLevel(
      [
        twoWaves(
          'intervention',
          [
            ['A', 1, 1],
            ['B', 4, 2],
            ['A', 6, 2],
          ],
          [
            ['A', 3, 1],
            ['B', 8, 2],
            ['A', 5, 1],
            ['C', 18, 3],
          ],
        ),
        twoWaves(
          'kontrol',
          [
            ['A', 2, 1],
            ['B', 3, 1],
            ['C', 5, 2],
          ],
          [
            ['A', 2, 1],
            ['B', 2, 1],
            ['C', 3, 1],
            ['C', 5, 1],
          ],
        ),
        twoWaves(
          'kontrol',
          [
            ['A', 1, 1],
            ['B', 1, 1],
            ['C', 1, 1],
          ],
          [
            ['A', 5, 1],
            ['B', 5, 1],
          ],
        ),
      ],
      { minCases: 3 },
    );
    // did = (4.5 − 2) − (3 − 2.5) = 2
    // Σ s²/n = 1/3 + (5/3)/4 + 0.25/3 + 2/4 = 0.33333 + 0.41667 + 0.08333 + 0.5 = 1.3333…
    expect(result.did).not.toBeNull();
    expect(result.did!.did).toBeCloseTo(2, 14);
    expect(result.did!.se).toBeCloseTo(Math.sqrt(4 / 3), 14);
    expect(result.did!.cells.kontrol.before).toEqual({ mean: 2.5, sd: 0.5, n: 3 });
    expect(result.did!.cells.kontrol.after.n).toBe(4);
    expect(result.did!.cells.intervention.after.mean).toBe(4.5);
    expect(result.did).toMatchObject({ from: 'før', to: 'efter' });
  });
});
