import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import type { Answer } from './answer.js';
import { collectWaves } from './analyze.js';
import {
  compareFlows,
  compareKinds,
  handOnView,
  leadershipScatter,
  respondentPoints,
  type Flow,
  type RespondentPoint,
} from './group-comparisons.js';

const points = (unit: string, scores: number[], leadership?: number[]): RespondentPoint[] =>
  scores.map((score, i) => ({ unit, score, leadership: leadership?.[i] ?? null }));

const KINDS: Record<string, string> = {
  Jobcenter: 'myndighed',
  Bosted: 'udfører',
  Læge: 'ekstern',
};
const kindOf = (unit: string) => KINDS[unit];

describe('compareKinds', () => {
  it('compares myndighed with udfører by Welch, computed by hand', () => {
    // myndighed: mean 4.4, s² 0.3; udfører: mean 3, s² 0.5; n = 5 each.
    const result = compareKinds(
      [...points('Jobcenter', [4, 5, 4, 5, 4]), ...points('Bosted', [3, 3, 4, 2, 3])],
      kindOf,
      5,
    );
    const c = result.comparison;
    expect(c.from).toBe('myndighed');
    expect(c.to).toBe('udfører');
    expect(c.diff).toBeCloseTo(-1.4, 12);
    expect(c.se).toBeCloseTo(0.4, 12);
    expect(c.df).toBeCloseTo(0.0256 / 0.0034, 10);
    expect(c.d).toBeCloseTo(-1.4 / Math.sqrt(0.4), 12);
    expect(c.n1).toBe(5);
    expect(c.n2).toBe(5);
    expect(c.ci![0]).toBeLessThan(-1.4);
    expect(c.p).toBeLessThan(0.05);
    expect(result.groups.myndighed).toMatchObject({ mean: 4.4, n: 5, suppressed: false });
    expect(result.groups['udfører']!.mean).toBeCloseTo(3, 12);
  });

  it('suppresses a small group, and the other one when the rest would reveal it', () => {
    // 3 myndighed respondents: suppressed on their own.
    const small = compareKinds(
      [...points('Jobcenter', [4, 5, 4]), ...points('Bosted', [3, 3, 4, 2, 3, 3])],
      kindOf,
      5,
    );
    expect(small.groups.myndighed).toEqual({ mean: null, n: null, sd: null, suppressed: true });
    expect(small.comparison.suppressed).toBe(true);
    expect(small.comparison.diff).toBeNull();
    // 2 ekstern respondents in neither group: network − myndighed − udfører would reveal
    // them, so the smaller group gives way too.
    const rest = compareKinds(
      [
        ...points('Jobcenter', [4, 5, 4, 5, 4, 4]),
        ...points('Bosted', [3, 3, 4, 2, 3, 3, 2]),
        ...points('Læge', [1, 2]),
      ],
      kindOf,
      5,
    );
    expect(rest.groups.myndighed!.suppressed).toBe(true);
    expect(rest.groups['udfører']!.suppressed).toBe(false);
    expect(rest.comparison.suppressed).toBe(true);
    // 5 ekstern: nothing needs to give way.
    const fine = compareKinds(
      [
        ...points('Jobcenter', [4, 5, 4, 5, 4]),
        ...points('Bosted', [3, 3, 4, 2, 3]),
        ...points('Læge', [1, 2, 3, 2, 1]),
      ],
      kindOf,
      5,
    );
    expect(fine.comparison.suppressed).toBe(false);
  });
});

describe('compareFlows and handOnView', () => {
  const flows: Record<string, Flow> = { A: 'sender', B: 'receiver', C: 'receiver' };
  const flowOf = (unit: string) => flows[unit];

  it('compares senders with receivers; units without a flow are in neither group', () => {
    const result = compareFlows(
      [...points('A', [5, 4, 5, 4, 5]), ...points('B', [3, 3, 3]), ...points('C', [2, 3])],
      flowOf,
      5,
    );
    expect(result.comparison).toMatchObject({ from: 'sender', to: 'receiver', n1: 5, n2: 5 });
    expect(result.comparison.diff).toBeCloseTo(2.8 - 4.6, 12);
  });

  it('sets sender→receiver ties against receiver→sender ties, using published ties only', () => {
    const view = handOnView(
      [
        { from: 'A', to: 'B', score: 4.5 },
        { from: 'B', to: 'A', score: 3.5 },
        { from: 'A', to: 'C', score: 4.2 },
        { from: 'C', to: 'A', score: null }, // suppressed: no pair, not counted
        { from: 'B', to: 'C', score: 2 }, // receiver → receiver: neither
        { from: 'A', to: 'A', score: 5 }, // self-tie: neither
      ],
      flowOf,
    );
    expect(view.pairs).toEqual([
      { sender: 'A', receiver: 'B', senderRates: 4.5, receiverRates: 3.5, gap: 1 },
    ]);
    expect(view.comparison).toMatchObject({
      from: 'sender→receiver',
      to: 'receiver→sender',
      n1: 2,
      n2: 1,
      mean2: 3.5,
    });
    expect(view.comparison.mean1).toBeCloseTo(4.35, 12);
    expect(view.comparison.diff).toBeCloseTo(3.5 - 4.35, 12);
  });
});

function a(respondent: string, unit: string, target: string, item: string, value: number): Answer {
  return {
    respondent,
    unit,
    role: 'medarbejder',
    target,
    item,
    value,
    wave: '',
    arm: '',
    case: '',
  };
}

/** 12 respondents in three units; those in `withoutLeadership` answer no leadership item. */
function scatterAnswers(withoutLeadership: number[]): Answer[] {
  const answers: Answer[] = [];
  const units = ['A', 'B', 'C'];
  for (let i = 0; i < 12; i++) {
    const unit = units[i % 3]!;
    const respondent = `r${i}`;
    for (const target of units) {
      if (target === unit) continue;
      answers.push(a(respondent, unit, target, 'samarbejde', 1 + ((i * 7 + target.length) % 5)));
      answers.push(a(respondent, unit, target, 'respekt', 1 + ((i * 3) % 5)));
    }
    if (withoutLeadership.includes(i)) continue;
    answers.push(a(respondent, unit, '', 'ledelse1', 1 + ((i * 5 + 2) % 5)));
    if (i % 2 === 0) answers.push(a(respondent, unit, '', 'ledelse2', 2 + (i % 4)));
  }
  return answers;
}

describe('leadershipScatter', () => {
  it('gives the same regression as analyze, with rounded, sorted, anonymous points', () => {
    const answers = scatterAnswers([]);
    const scatter = leadershipScatter(respondentPoints(collectWaves(answers)[0]!), 5, true);
    const expected = analyze(answers, { minGroup: 5 }).waves[0]!.leadership;
    expect(expected.suppressed).toBe(false);
    expect(scatter.suppressed).toBe(false);
    expect(scatter.slope).toBeCloseTo(expected.slope!, 12);
    expect(scatter.intercept).toBeCloseTo(expected.intercept!, 12);
    expect(scatter.r).toBeCloseTo(expected.r!, 12);
    expect(scatter.p).toBeCloseTo(expected.p!, 12);
    expect(scatter.elasticity).toBeCloseTo(expected.elasticity!, 12);
    expect(scatter.n).toBe(12);
    expect(scatter.points).toHaveLength(12);
    for (const point of scatter.points!) {
      expect(Object.keys(point).sort()).toEqual(['leadership', 'score']);
      expect(point.leadership * 10).toBeCloseTo(Math.round(point.leadership * 10), 9);
      expect(point.score * 10).toBeCloseTo(Math.round(point.score * 10), 9);
    }
    const sorted = [...scatter.points!].sort(
      (x, y) => x.leadership - y.leadership || x.score - y.score,
    );
    expect(scatter.points).toEqual(sorted);
    expect(
      leadershipScatter(respondentPoints(collectWaves(answers)[0]!), 5, false).points,
    ).toBeNull();
  });

  it('withholds line and points when too few, or when the rest is a small group', () => {
    // One respondent without L(r): network minus the regression sample would reveal them.
    const answers = scatterAnswers([11]);
    const all = respondentPoints(collectWaves(answers)[0]!);
    const guarded = leadershipScatter(all, 5, true);
    expect(analyze(answers, { minGroup: 5 }).waves[0]!.leadership.suppressed).toBe(true);
    expect(guarded).toMatchObject({ suppressed: true, slope: null, points: null, n: null });
    const tooFew = leadershipScatter(all.slice(0, 4), 5, true);
    expect(tooFew).toMatchObject({ suppressed: true, slope: null, points: null, n: null });
  });
});
