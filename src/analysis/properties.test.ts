/**
 * Property tests of the analysis on seeded random networks (deterministic: the same seeds
 * give the same data on every run).
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from './allocation.js';
import { analyze, type AnalysisResult } from './analyze.js';
import {
  CITIZEN_ITEMS,
  LEADERSHIP_ITEMS,
  RK_ITEMS,
  type Answer,
  type Arm,
  type Role,
} from './answer.js';

function randomAnswers(seed: number, waves = ['før', 'efter']): Answer[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const units = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => `U${i}`);
  const value = (): Answer['value'] => {
    const x = random();
    return x < 0.1 ? 'dk' : x < 0.15 ? null : 1 + Math.floor(random() * 5);
  };
  const answers: Answer[] = [];
  for (const wave of waves) {
    for (const unit of units) {
      const size = 1 + Math.floor(random() * 12);
      for (let i = 0; i < size; i++) {
        const respondent = `${unit}-${i}`;
        const role: Role = random() < 0.25 ? 'leder' : 'medarbejder';
        const arm: Arm = pick(['intervention', 'kontrol', ''] as const);
        const base = { respondent, unit, role, wave, arm, case: '' };
        for (const target of units) {
          if (random() < 0.3) continue;
          for (const item of RK_ITEMS) {
            if (random() < 0.1) continue;
            answers.push({ ...base, target, item, value: value() });
          }
        }
        if (random() < 0.7) {
          for (const item of LEADERSHIP_ITEMS)
            answers.push({ ...base, target: '', item, value: value() });
        }
      }
    }
    for (let c = 0; c < Math.floor(random() * 8); c++) {
      for (const item of CITIZEN_ITEMS) {
        answers.push({
          respondent: `c${c}`,
          unit: '',
          role: '',
          target: '',
          item,
          value: value(),
          wave,
          arm: '',
          case: `sag${c}`,
        });
      }
    }
  }
  return answers;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

function scoresOf(result: AnalysisResult): number[] {
  const scores: number[] = [];
  const add = (v: number | null) => {
    if (v !== null) scores.push(v);
  };
  for (const wave of result.waves) {
    for (const tie of [...wave.ties, ...wave.selfTies]) {
      add(tie.score);
      Object.values(tie.dimensions).forEach(add);
    }
    for (const unit of wave.units) {
      add(unit.outScore);
      add(unit.inScore);
      Object.values(unit.outDimensions).forEach(add);
      Object.values(unit.inDimensions).forEach(add);
    }
    add(wave.network.score);
    Object.values(wave.network.dimensions).forEach(add);
    add(wave.roles.leder.mean);
    add(wave.roles.medarbejder.mean);
    for (const gap of wave.asymmetry) {
      add(gap.ab);
      add(gap.ba);
    }
  }
  return scores;
}

/** Every published count, with where it was found. */
function countsOf(value: unknown, path = ''): [string, number][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => countsOf(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    ['n', 'outN', 'inN', 'n1', 'n2'].includes(key) && typeof v === 'number'
      ? [[`${path}.${key}`, v] as [string, number]]
      : countsOf(v, `${path}.${key}`),
  );
}

describe('properties on seeded random networks', () => {
  it('keeps every score within 1–5, shares within 0–1, and no NaN or Infinity', () => {
    for (const seed of SEEDS) {
      const result = analyze(randomAnswers(seed), { minGroup: 3 });
      for (const score of scoresOf(result)) {
        expect(score).toBeGreaterThanOrEqual(1);
        expect(score).toBeLessThanOrEqual(5);
      }
      for (const wave of result.waves) {
        for (const tie of wave.ties) {
          if (tie.dontKnowShare !== null) {
            expect(tie.dontKnowShare).toBeGreaterThanOrEqual(0);
            expect(tie.dontKnowShare).toBeLessThanOrEqual(1);
          }
        }
        for (const scale of Object.values(wave.reliability)) {
          if (scale.alpha !== null) expect(scale.alpha).toBeLessThanOrEqual(1 + 1e-12);
        }
      }
      expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('never publishes a count between 1 and minGroup − 1', () => {
    for (const seed of SEEDS) {
      for (const minGroup of [3, 5, 8]) {
        const result = analyze(randomAnswers(seed), { minGroup });
        for (const [path, n] of countsOf(result)) {
          if (n !== 0 && n < minGroup) throw new Error(`${path} = ${n} with minGroup ${minGroup}`);
        }
      }
    }
  });

  it('suppresses monotonically more as minGroup grows', () => {
    for (const seed of SEEDS) {
      const answers = randomAnswers(seed);
      let previous: Set<string> | undefined;
      for (let minGroup = 3; minGroup <= 10; minGroup++) {
        const result = analyze(answers, { minGroup });
        const suppressed = new Set<string>();
        for (const wave of result.waves) {
          for (const tie of [...wave.ties, ...wave.selfTies]) {
            if (tie.suppressed) suppressed.add(`${wave.wave} tie ${tie.from}→${tie.to}`);
          }
          for (const unit of wave.units) {
            if (unit.outSuppressed) suppressed.add(`${wave.wave} out ${unit.unit}`);
          }
          if (wave.network.suppressed) suppressed.add(`${wave.wave} network`);
          if (wave.roles.leder.suppressed) suppressed.add(`${wave.wave} leder`);
          if (wave.roles.medarbejder.suppressed) suppressed.add(`${wave.wave} medarbejder`);
          if (wave.roles.comparison.suppressed) suppressed.add(`${wave.wave} roles`);
        }
        if (previous) for (const key of previous) expect(suppressed.has(key), key).toBe(true);
        previous = suppressed;
      }
    }
  });

  it('makes asymmetry antisymmetric: reversing the name order negates every gap', () => {
    for (const seed of SEEDS) {
      const answers = randomAnswers(seed, ['før']);
      // U0…U5 → V9…V4 reverses the alphabetical order of the units
      const rename = (unit: string) => (unit === '' ? '' : `V${9 - Number(unit.slice(1))}`);
      const renamed = answers.map((a) => ({
        ...a,
        unit: rename(a.unit),
        target: rename(a.target),
      }));
      // Which of two equally small units complementary suppression hides follows the name
      // order, so the mirror is compared on the ties' own suppression.
      const options = { minGroup: 3, complementarySuppression: false };
      const original = analyze(answers, options).waves[0]!.asymmetry;
      const mirrored = analyze(renamed, options).waves[0]!.asymmetry;
      expect(mirrored).toHaveLength(original.length);
      const byPair = new Map(mirrored.map((m) => [`${m.a}|${m.b}`, m]));
      for (const entry of original) {
        expect(entry.a < entry.b).toBe(true);
        expect(entry.gap).toBe(entry.ab - entry.ba);
        const mirror = byPair.get(`${rename(entry.b)}|${rename(entry.a)}`)!;
        expect(mirror.gap).toBeCloseTo(-entry.gap, 14);
        expect(mirror.ab).toBeCloseTo(entry.ba, 14);
      }
      for (let i = 1; i < original.length; i++) {
        expect(Math.abs(original[i - 1]!.gap)).toBeGreaterThanOrEqual(Math.abs(original[i]!.gap));
      }
    }
  });

  it('gives the same alpha, network and ties whatever the order of the answers', () => {
    for (const seed of SEEDS) {
      const answers = randomAnswers(seed, ['før']);
      const a = analyze(answers, { minGroup: 3 }).waves[0]!;
      const b = analyze(shuffled(answers, seed), { minGroup: 3 }).waves[0]!;
      for (const scale of ['rk', 'ledelse', 'borger'] as const) {
        expect(b.reliability[scale].rows).toBe(a.reliability[scale].rows);
        const alpha = a.reliability[scale].alpha;
        if (alpha === null) expect(b.reliability[scale].alpha).toBeNull();
        else expect(b.reliability[scale].alpha).toBeCloseTo(alpha, 12);
      }
      expect(b.network.n).toBe(a.network.n);
      if (a.network.score !== null) expect(b.network.score).toBeCloseTo(a.network.score, 12);
      expect(b.ties.map((t) => [t.from, t.to, t.n, t.level])).toEqual(
        a.ties.map((t) => [t.from, t.to, t.n, t.level]),
      );
    }
  });
});
