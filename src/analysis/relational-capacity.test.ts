import { describe, expect, it } from 'vitest';
import {
  answer,
  SMALL_NETWORK,
  SMALL_NETWORK_AB_DIMENSIONS,
  SMALL_NETWORK_DIMENSIONS,
} from '../../test/fixtures/analysis/answers.js';
import { collectWaves } from './analyze.js';
import { RK_ITEMS } from './answer.js';
import {
  asymmetry,
  dimensionProfile,
  relationalCapacityStats,
  tieLevel,
  weakestDimension,
} from './relational-capacity.js';

function statsOf(answers = SMALL_NETWORK) {
  const [wave] = collectWaves(answers);
  return relationalCapacityStats(wave!);
}

describe('relationalCapacityStats', () => {
  it('has nothing to report for a wave of only "ved ikke"', () => {
    const stats = statsOf([
      answer('r1', 'A', 'medarbejder', 'B', 'respekt', 'dk'),
      answer('r2', 'A', 'medarbejder', 'B', 'kendskab', 'dk'),
    ]);
    // dk is never a score: no pair score, so no tie and no R(r)
    expect(stats.ties).toEqual([]);
    expect(stats.respondents).toEqual([]);
    expect(stats.units.map((u) => [u.unit, u.outN, u.inN])).toEqual([
      ['A', 0, 0],
      ['B', 0, 0],
    ]);
  });

  it('keeps a single unit to self-ties only', () => {
    const stats = statsOf([answer('r1', 'A', 'leder', 'A', 'respekt', 4)]);
    expect(stats.ties).toEqual([]);
    expect(stats.selfTies.map((t) => [t.from, t.to, t.n, t.scoreSum])).toEqual([['A', 'A', 1, 4]]);
    // R(r) uses t ≠ u(r) only
    expect(stats.respondents).toEqual([]);
  });

  it('computes pair scores, ties and dimensions by hand', () => {
    const stats = statsOf();
    const ab = stats.ties.find((t) => t.from === 'A' && t.to === 'B')!;
    // s(a1,B) = 4.5, s(a2,B) = 3, s(a3,B) = 2: n = 3, Σ = 9.5
    expect(ab.n).toBe(3);
    expect(ab.scoreSum).toBeCloseTo(9.5, 14);
    // dk answers: a2 kendskab, a3 respekt = 2; scored: 2 + 2 + 1 = 5
    expect(ab.dk).toBe(2);
    expect(ab.scored).toBe(5);
    expect(dimensionProfile(ab.dimSum, ab.dimN)).toEqual(SMALL_NETWORK_AB_DIMENSIONS);
    const ba = stats.ties.find((t) => t.from === 'B' && t.to === 'A')!;
    // s(b1,A) = 5, s(b2,A) = (4+2)/2 = 3, s(b3,A) = 4 (the missing answer is not a score)
    expect(ba.n).toBe(3);
    expect(ba.scoreSum).toBeCloseTo(12, 14);
    expect(ba.dk).toBe(0);
    expect(stats.selfTies.map((t) => [t.from, t.n, t.scoreSum])).toEqual([
      ['A', 1, 5],
      ['B', 1, 3],
    ]);
  });

  it('computes unit out/in scores, R(r) and network sums by hand', () => {
    const stats = statsOf();
    const [a, b] = stats.units;
    // A out: pairs (4.5, 3, 2) → 9.5 over 3 pairs, 3 respondents; A in: (5, 3, 4) → 12 / 3
    expect(a).toMatchObject({ unit: 'A', outSum: 9.5, outPairs: 3, outN: 3, inSum: 12, inN: 3 });
    expect(b).toMatchObject({ unit: 'B', outSum: 12, outPairs: 3, outN: 3, inSum: 9.5, inN: 3 });
    // R: a1 4.5 (self-tie excluded), a2 3, a3 2, b1 5, b2 3, b3 4 (self-tie excluded)
    expect(stats.respondents.map((r) => [r.respondent, r.score])).toEqual([
      ['a1', 4.5],
      ['a2', 3],
      ['a3', 2],
      ['b1', 5],
      ['b2', 3],
      ['b3', 4],
    ]);
    // network dimensions over t ≠ u(r), worked out beside the fixture
    const profile = dimensionProfile(stats.networkDimSum, stats.networkDimN);
    expect(profile).toEqual(SMALL_NETWORK_DIMENSIONS);
    expect(weakestDimension(profile)).toBe('samarbejde');
  });

  it('collects complete rows for alpha, self-ties included', () => {
    const items = RK_ITEMS;
    const stats = statsOf([
      ...items.map((item, i) => answer('r1', 'A', 'medarbejder', 'A', item, 1 + (i % 5))),
      ...items.map((item) => answer('r1', 'A', 'medarbejder', 'B', item, 3)),
      ...items.slice(1).map((item) => answer('r2', 'A', 'medarbejder', 'B', item, 3)),
    ]);
    expect(stats.alphaRows).toEqual([
      [1, 2, 3, 4, 5, 1],
      [3, 3, 3, 3, 3, 3],
    ]);
    expect(stats.alphaRespondents).toBe(1);
  });
});

describe('tieLevel', () => {
  it('bands scores with high ≥ 4.0 and low < 3.5', () => {
    const t = { high: 4, low: 3.5 };
    expect(tieLevel(4, t)).toBe('high');
    expect(tieLevel(3.9999, t)).toBe('medium');
    expect(tieLevel(3.5, t)).toBe('medium');
    expect(tieLevel(3.4999, t)).toBe('low');
    // low = high leaves no medium band
    expect(tieLevel(3.7, { high: 3.7, low: 3.7 })).toBe('high');
  });
});

describe('weakestDimension', () => {
  it('prefers the first dimension among equal means and skips unscored ones', () => {
    const profile = dimensionProfile([0, 6, 3, 0, 0, 3], [0, 2, 1, 0, 0, 1]);
    expect(weakestDimension(profile)).toBe('kendskab');
    expect(weakestDimension(dimensionProfile([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]))).toBeNull();
  });
});

describe('asymmetry', () => {
  it('lists each shown pair once, a < b, by descending |gap| then names', () => {
    const entries = asymmetry([
      { from: 'A', to: 'B', score: 3 },
      { from: 'B', to: 'A', score: 4 },
      { from: 'A', to: 'C', score: 4 },
      { from: 'C', to: 'A', score: 3 },
      { from: 'B', to: 'C', score: 2 },
      { from: 'C', to: 'B', score: 4.5 },
      { from: 'C', to: 'D', score: 4 },
      { from: 'D', to: 'C', score: null },
      { from: 'D', to: 'D', score: 1 },
    ]);
    expect(entries).toEqual([
      { a: 'B', b: 'C', ab: 2, ba: 4.5, gap: -2.5 },
      { a: 'A', b: 'B', ab: 3, ba: 4, gap: -1 },
      { a: 'A', b: 'C', ab: 4, ba: 3, gap: 1 },
    ]);
  });
});
