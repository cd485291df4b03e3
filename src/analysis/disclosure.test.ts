import { describe, expect, it } from 'vitest';
import {
  analysisLeaks,
  randomMeasurement,
  viewLeaks,
} from '../../test/helpers/disclosure-check.js';
import { analyze, collectWaves } from './analyze.js';
import type { Answer } from './answer.js';
import { partitionReasons, protectPartitions } from './disclosure.js';
import { analyzeRoleView } from './subset-view.js';
import { summarizeWave } from './wave-summary.js';

describe('protectPartitions', () => {
  it('hides the next-smallest part when a hidden part could be subtracted from the whole', () => {
    expect(partitionReasons([3, 8, 20], 5)).toEqual(['small', 'complementary', null]);
    expect(partitionReasons([3, 2, 20], 5)).toEqual(['small', 'small', null]);
    expect(partitionReasons([6, 8, 20], 5)).toEqual([null, null, null]);
    expect(partitionReasons([0, 8, 20], 5)).toEqual([null, null, null]);
  });

  it('keeps every whole safe at once, and hides an atom in all of them', () => {
    // Atoms A–D; network = all, kind X = {A, B}, kind Y = {C, D}.
    const counts = [[3], [10], [3], [10]];
    const reasons = protectPartitions(
      counts,
      ['small', null, 'small', null],
      [
        { members: [0, 1, 2, 3], measure: 0 },
        { members: [0, 1], measure: 0 },
        { members: [2, 3], measure: 0 },
      ],
      5,
    );
    // Network alone would be safe (3 + 3 hidden), but each kind minus its shown unit is 3.
    expect(reasons).toEqual(['small', 'complementary', 'small', 'complementary']);
  });

  it('decides two measures of the same atoms together (respondents and finished counts)', () => {
    const reasons = protectPartitions(
      [
        [5, 3],
        [8, 8],
        [9, 9],
      ],
      ['small', null, null],
      [
        { members: [0, 1, 2], measure: 0 },
        { members: [0, 1, 2], measure: 1 },
      ],
      5,
    );
    // Hidden finished 3 < 5: the next-smallest (8) goes too, in both measures.
    expect(reasons).toEqual(['small', 'complementary', null]);
  });
});

describe('disclosure on random measurements (property)', () => {
  const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

  it('leaves no whole whose shown parts leave 1 … minGroup − 1 respondents', () => {
    for (const seed of SEEDS) {
      const result = analyze(randomMeasurement(seed, ['før', 'efter']));
      expect(analysisLeaks(result), `seed ${seed}`).toEqual([]);
    }
  });

  it('finds the leaks when complementary suppression is off (the check is not vacuous)', () => {
    const leaky = SEEDS.filter(
      (seed) =>
        analysisLeaks(analyze(randomMeasurement(seed), { complementarySuppression: false }))
          .length > 0,
    );
    expect(leaky.length).toBeGreaterThan(SEEDS.length / 2);
  });

  it('the role views isolate nobody against the full analysis or each other', () => {
    for (const seed of SEEDS) {
      const answers = randomMeasurement(seed);
      const summaries = (list: Answer[]) => collectWaves(list).map(summarizeWave);
      const byRole = {
        leder: summaries(answers.filter((a) => a.role === 'leder')),
        medarbejder: summaries(answers.filter((a) => a.role === 'medarbejder')),
      };
      const full = analyze(answers);
      const views = (['leder', 'medarbejder'] as const).map((role) =>
        analyzeRoleView(summaries(answers), byRole, role),
      );
      expect(viewLeaks(full, views), `seed ${seed}`).toEqual([]);
      // A cell hidden in one view is hidden in the other: full − other view cannot give it.
      const [l, e] = views.map((v) => v.waves[0]);
      if (!l || !e) continue;
      for (const unit of l.units) {
        const other = e.units.find((u) => u.unit === unit.unit);
        if (other && unit.outN !== 0 && other.outN !== 0)
          expect(unit.outSuppressed, `seed ${seed} ${unit.unit}`).toBe(other.outSuppressed);
      }
    }
  });

  it('gives a reason for every hidden figure and none for a shown one', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      for (const wave of analyze(randomMeasurement(seed)).waves) {
        for (const t of wave.ties) expect(t.suppressed).toBe(t.suppressedReason !== null);
        for (const u of wave.units) {
          expect(u.outSuppressed).toBe(u.outSuppressedReason !== null);
          expect(u.inSuppressed).toBe(u.inSuppressedReason !== null);
        }
        expect(wave.network.suppressed).toBe(wave.network.suppressedReason !== null);
      }
    }
  });
});
