import { describe, expect, it } from 'vitest';
import {
  answer,
  SMALL_NETWORK,
  SMALL_NETWORK_AB_DIMENSIONS,
  SMALL_NETWORK_DIMENSIONS,
  TWO_WAVES,
} from '../../test/fixtures/analysis/answers.js';
import { analyze, ANALYSIS_DEFAULTS, resolveOptions } from './analyze.js';
import type { Answer } from './answer.js';
import { AnalysisInputError, AnalysisOptionsError } from './errors.js';
import { parseLongCsv, toLongCsv } from './long-csv.js';

/** A role group withheld for being under the minimum group size. */
const TOO_SMALL = {
  mean: null,
  sd: null,
  n: null,
  suppressed: true,
  suppressedReason: 'small',
};

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** n employees of unit `from` each rating `to` on one item with the given scores. */
function raters(
  from: string,
  to: string,
  scores: number[],
  wave = '',
  role: 'leder' | 'medarbejder' = 'medarbejder',
): Answer[] {
  return scores.map((v, i) =>
    answer(`${from}-${role}-${i}`, from, role, to, 'samarbejde', v, wave),
  );
}

describe('analyze: bad input', () => {
  it('returns no waves, comparison or did for no answers', () => {
    expect(analyze([])).toEqual({
      minGroup: 5,
      thresholds: { high: 4, low: 3.5 },
      waves: [],
      comparison: null,
      did: null,
    });
  });

  it('rejects options: minGroup 2, minGroup 3.5, low > high', () => {
    for (const [options, code] of [
      [{ minGroup: 2 }, 'min_group_too_small'],
      [{ minGroup: 3.5 }, 'min_group_not_integer'],
      [{ high: 3, low: 3.5 }, 'thresholds_out_of_order'],
      [{ high: Number.NaN }, 'threshold_not_finite'],
    ] as const) {
      const error = errorOf(() => analyze(SMALL_NETWORK, options));
      expect(error).toBeInstanceOf(AnalysisOptionsError);
      expect((error as AnalysisOptionsError).code).toBe(code);
    }
  });

  it('merges options over the defaults, ignoring undefined', () => {
    expect(resolveOptions({ minGroup: undefined, high: 4.5 })).toEqual({
      ...ANALYSIS_DEFAULTS,
      high: 4.5,
    });
  });

  it('rejects malformed answers with a typed error and the answer index', () => {
    const cases: [Answer, string][] = [
      [answer('r1', 'A', 'leder', 'B', 'respekt', 6), 'invalid_value'],
      [answer('r1', 'A', 'leder', 'B', 'respekt', 3.5), 'invalid_value'],
      [answer('r1', 'A', 'leder', 'B', 'tillid', 3), 'unknown_item'],
      [answer('r1', 'A', 'leder', '', 'respekt', 3), 'missing_target'],
      [answer('r1', 'A', 'leder', 'B', 'borger1', 3), 'unexpected_target'],
      [answer('a1', 'A', 'medarbejder', 'B', 'respekt', 3, 'w1'), 'inconsistent_respondent'],
      [answer('a1', 'A', 'leder', 'B', 'videndeling', 3, 'w1'), 'duplicate_answer'],
    ];
    for (const [bad, code] of cases) {
      const error = errorOf(() => analyze([...SMALL_NETWORK, bad]));
      expect(error).toBeInstanceOf(AnalysisInputError);
      expect((error as AnalysisInputError).code).toBe(code);
      expect((error as AnalysisInputError).index).toBe(SMALL_NETWORK.length);
    }
  });

  it('handles a wave of only "ved ikke"', () => {
    const result = analyze([
      answer('r1', 'A', 'medarbejder', 'B', 'respekt', 'dk'),
      answer('r2', 'B', 'medarbejder', 'A', 'respekt', 'dk'),
    ]);
    const [wave] = result.waves;
    expect(wave!.ties).toEqual([]);
    expect(wave!.network).toMatchObject({
      score: null,
      n: 0,
      weakestDimension: null,
      suppressed: false,
    });
    expect(wave!.units.map((u) => [u.unit, u.outScore, u.outN, u.inN])).toEqual([
      ['A', null, 0, 0],
      ['B', null, 0, 0],
    ]);
    expect(wave!.roles.comparison).toMatchObject({ diff: null, n1: 0, n2: 0 });
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('handles a single unit (self-ties only, no network score)', () => {
    const result = analyze(raters('A', 'A', [4, 4, 5, 3, 4]));
    const [wave] = result.waves;
    expect(wave!.ties).toEqual([]);
    expect(wave!.selfTies).toHaveLength(1);
    // (4+4+5+3+4)/5 = 4 → high
    expect(wave!.selfTies[0]).toMatchObject({ from: 'A', to: 'A', n: 5, score: 4, level: 'high' });
    expect(wave!.network.score).toBeNull();
    expect(wave!.asymmetry).toEqual([]);
  });

  it('suppresses everything when every group is below the minimum', () => {
    // the largest group is the network's 6 respondents
    const [wave] = analyze(SMALL_NETWORK, { minGroup: 7 }).waves;
    for (const tie of [...wave!.ties, ...wave!.selfTies]) {
      expect(tie).toMatchObject({
        n: null,
        score: null,
        level: 'suppressed',
        dontKnowShare: null,
        suppressed: true,
        weakestDimension: null,
      });
      expect(Object.values(tie.dimensions).every((v) => v === null)).toBe(true);
    }
    for (const unit of wave!.units) {
      expect(unit).toMatchObject({
        outScore: null,
        outN: null,
        inScore: null,
        inN: null,
        suppressed: true,
      });
    }
    expect(wave!.network).toMatchObject({
      score: null,
      n: null,
      weakestDimension: null,
      suppressed: true,
    });
    expect(wave!.asymmetry).toEqual([]);
    expect(wave!.roles.leder).toEqual(TOO_SMALL);
    expect(wave!.roles.comparison.suppressed).toBe(true);
  });

  it('leaves out a respondent who rated nobody', () => {
    const answers = [
      ...raters('A', 'B', [3, 4, 4, 5, 4]),
      answer('loner', 'A', 'medarbejder', '', 'ledelse1', 4),
      answer('silent', 'A', 'medarbejder', 'B', 'respekt', null),
    ];
    const [wave] = analyze(answers).waves;
    expect(wave!.network.n).toBe(5);
    expect(wave!.ties.map((t) => [t.from, t.to, t.n])).toEqual([['A', 'B', 5]]);
  });

  it('has no comparison or did for one wave, and no did when arms are in one wave only', () => {
    expect(analyze(SMALL_NETWORK, { minGroup: 3 })).toMatchObject({ comparison: null, did: null });
    const oneArmWave = TWO_WAVES.map((a) => (a.wave === 'efter' ? { ...a, arm: '' as const } : a));
    const result = analyze(oneArmWave, { minGroup: 3 });
    expect(result.comparison).not.toBeNull();
    expect(result.did).toBeNull();
  });
});

describe('analyze: the small network by hand (minGroup 3)', () => {
  const result = analyze(SMALL_NETWORK, { minGroup: 3 });
  const [wave] = result.waves;

  it('echoes options and lists one wave', () => {
    expect(result.minGroup).toBe(3);
    expect(result.thresholds).toEqual({ high: 4, low: 3.5 });
    expect(result.waves.map((w) => w.wave)).toEqual(['w1']);
  });

  it('reports ties with score, level, dk share and dimensions', () => {
    expect(wave!.ties).toEqual([
      {
        from: 'A',
        to: 'B',
        n: 3,
        // (4.5 + 3 + 2)/3
        score: 9.5 / 3,
        level: 'low',
        // dk 2 ÷ (2 + 5 scored)
        dontKnowShare: 2 / 7,
        suppressed: false,
        suppressedReason: null,
        dimensions: SMALL_NETWORK_AB_DIMENSIONS,
        // videndeling and samarbejde tie at 3: the first in the instrument's order
        weakestDimension: 'videndeling',
      },
      {
        from: 'B',
        to: 'A',
        n: 3,
        // (5 + 3 + 4)/3 = 4 ≥ 4.0
        score: 4,
        level: 'high',
        dontKnowShare: 0,
        suppressed: false,
        suppressedReason: null,
        dimensions: {
          videndeling: 4.5,
          kendskab: 3,
          samarbejde: null,
          problemloesning: null,
          innovation: null,
          respekt: null,
        },
        weakestDimension: 'kendskab',
      },
    ]);
    // each unit's self-tie has one respondent: suppressed
    expect(wave!.selfTies.map((t) => [t.from, t.to, t.suppressed])).toEqual([
      ['A', 'A', true],
      ['B', 'B', true],
    ]);
  });

  it('reports units, network and asymmetry', () => {
    expect(
      wave!.units.map((u) => [u.unit, u.outScore, u.outN, u.inScore, u.inN, u.suppressed]),
    ).toEqual([
      ['A', 9.5 / 3, 3, 4, 3, false],
      ['B', 4, 3, 9.5 / 3, 3, false],
    ]);
    // R = 4.5, 3, 2, 5, 3, 4 → 21.5/6
    expect(wave!.network).toEqual({
      score: 21.5 / 6,
      n: 6,
      weakestDimension: 'samarbejde',
      dimensions: SMALL_NETWORK_DIMENSIONS,
      suppressed: false,
      suppressedReason: null,
    });
    // gap = score(A→B) − score(B→A) = 9.5/3 − 4
    expect(wave!.asymmetry).toEqual([{ a: 'A', b: 'B', ab: 9.5 / 3, ba: 4, gap: 9.5 / 3 - 4 }]);
  });

  it('suppresses the employees too when the single leader is suppressed', () => {
    // leaders: a1 only (n = 1 < 3); employees (n = 5) = network − leaders → suppressed too
    expect(wave!.roles.leder).toEqual(TOO_SMALL);
    expect(wave!.roles.medarbejder).toEqual({
      mean: null,
      sd: null,
      n: null,
      suppressed: true,
      suppressedReason: 'complementary',
    });
    expect(wave!.roles.comparison).toMatchObject({
      from: 'leder',
      to: 'medarbejder',
      diff: null,
      suppressed: true,
    });
    // without complementary suppression the employees' mean (3+2+5+3+4)/5 = 3.4 shows
    const plain = analyze(SMALL_NETWORK, { minGroup: 3, complementarySuppression: false });
    expect(plain.waves[0]!.roles.medarbejder).toMatchObject({ mean: 3.4, n: 5, suppressed: false });
    expect(plain.waves[0]!.roles.leder.suppressed).toBe(true);
  });

  it('reports reliability and leadership as empty, not as errors', () => {
    expect(wave!.reliability).toEqual({
      rk: { alpha: null, rows: 0, k: 6, suppressed: false },
      ledelse: { alpha: null, rows: 0, k: 7, suppressed: false },
      borger: { alpha: null, rows: 0, k: 5, suppressed: false },
    });
    expect(wave!.leadership).toEqual({
      slope: null,
      intercept: null,
      r: null,
      p: null,
      n: 0,
      elasticity: null,
      suppressed: false,
    });
  });
});

describe('analyze: complementary suppression of a unit in-score', () => {
  it('hides inScore(B) when one small tie into B could be recovered by subtraction', () => {
    // into B: A (5 raters) shown, C (2 raters) suppressed; inScore(B)·inN − score(A→B)·5
    // would reveal C's two raters, so inScore(B) is suppressed. E's 3 raters (of D) make
    // the hidden units C and E together 5, so A's out figures can stay.
    const answers = [
      ...raters('A', 'B', [4, 4, 4, 4, 4]),
      ...raters('C', 'B', [1, 2]),
      ...raters('D', 'A', [3, 3, 3, 3, 3]),
      ...raters('E', 'D', [2, 2, 2]),
    ];
    const wave = analyze(answers).waves[0]!;
    const unit = wave.units.find((u) => u.unit === 'B')!;
    expect(unit).toMatchObject({
      inScore: null,
      inN: null,
      inSuppressed: true,
      inSuppressedReason: 'complementary',
      suppressed: true,
    });
    expect(wave.units.find((u) => u.unit === 'A')!.outSuppressed).toBe(false);
  });

  it('hides the next-smallest unit and its ties when a small unit could be subtracted from the network', () => {
    // units A (5) and C (2): network 7 − A's 5 would give C's two respondents exactly.
    const answers = [...raters('A', 'B', [4, 4, 4, 4, 4]), ...raters('C', 'B', [1, 2])];
    const wave = analyze(answers).waves[0]!;
    expect(wave.network.n).toBe(7);
    const a = wave.units.find((u) => u.unit === 'A')!;
    expect(a).toMatchObject({ outN: null, outScore: null, outSuppressedReason: 'complementary' });
    expect(wave.units.find((u) => u.unit === 'C')!.outSuppressedReason).toBe('small');
    expect(wave.ties.find((t) => t.from === 'A')).toMatchObject({
      suppressed: true,
      suppressedReason: 'complementary',
    });
    // Every rater into B is hidden together (7): B's in-score is safe to show.
    expect(wave.units.find((u) => u.unit === 'B')!.inN).toBe(7);
    const plain = analyze(answers, { complementarySuppression: false }).waves[0]!.units;
    // (5·4 + 1 + 2)/7
    expect(plain.find((u) => u.unit === 'B')!.inScore).toBeCloseTo(23 / 7, 14);
  });
});

describe('analyze: two waves, two arms (minGroup 3)', () => {
  const result = analyze(TWO_WAVES, { minGroup: 3 });

  it('keeps waves in file order and compares the first two', () => {
    expect(result.waves.map((w) => w.wave)).toEqual(['før', 'efter']);
    // før R = [2,3,4,3,3,4] (mean 19/6), efter R = [4,4,5,2,3,3] (mean 21/6); diff = 1/3
    // s₁² = 0.56667, s₂² = 1.1; ci, p, df: scipy.stats
    expect(result.comparison).toMatchObject({ from: 'før', to: 'efter', n1: 6, n2: 6 });
    expect(result.comparison!.diff).toBeCloseTo(1 / 3, 14);
    expect(result.comparison!.se).toBeCloseTo(0.5270462766947299, 12);
    expect(result.comparison!.df).toBeCloseTo(9.0711175616836, 10);
    expect(result.comparison!.ci![0]).toBeCloseTo(-0.8575048316304801, 10);
    expect(result.comparison!.ci![1]).toBeCloseTo(1.5241714982971466, 10);
    expect(result.comparison!.p).toBeCloseTo(0.5427003756272705, 10);
    expect(result.comparison!.d).toBeCloseTo(0.36514837167011077, 12);
  });

  it('computes the difference in differences', () => {
    // I: 3 → 13/3, C: 10/3 → 8/3; did = (13/3 − 3) − (8/3 − 10/3) = 4/3 + 2/3 = 2
    // Σ s²/n = 1/3 + 3 · (1/3)/3 = 2/3; se = √(2/3)
    // df = (2/3)² / ((1/3)²/2 + 3 · (1/9)²/2) = 0.44444/0.074074 = 6
    const did = result.did!;
    expect(did.from).toBe('før');
    expect(did.to).toBe('efter');
    expect(did.did).toBeCloseTo(2, 14);
    expect(did.se).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(did.df).toBeCloseTo(6, 12);
    expect(did.ci![0]).toBeCloseTo(0.002104839708592099, 10);
    expect(did.ci![1]).toBeCloseTo(3.997895160291408, 10);
    expect(did.p).toBeCloseTo(0.04982526278057676, 10);
    expect(did.cells.intervention.before).toEqual({ mean: 3, sd: 1, n: 3 });
    expect(did.cells.kontrol.after.n).toBe(3);
    expect(did.suppressed).toBe(false);
  });

  it('suppresses the did with the default minGroup', () => {
    const did = analyze(TWO_WAVES).did!;
    expect(did).toMatchObject({ did: null, se: null, ci: null, p: null, suppressed: true });
    expect(did.cells.intervention.before).toEqual({ mean: null, sd: null, n: null });
  });
});

describe('analyze: awkward unit names through the CSV parser', () => {
  it('survives quotes, semicolons, emoji and <script> unchanged', () => {
    const names = ['Børn "Syd"', 'Job;center', '🤝 Team', '<script>alert(1)</script>'];
    const answers = names.flatMap((from, i) =>
      names
        .filter((to) => to !== from)
        .flatMap((to) =>
          [1, 2, 3].map((k) =>
            answer(`${i}-${k}`, from, 'medarbejder', to, 'respekt', 1 + ((i + k) % 5)),
          ),
        ),
    );
    for (const separator of [',', ';'] as const) {
      const parsed = parseLongCsv(toLongCsv(answers, separator)).answers;
      const result = analyze(parsed, { minGroup: 3 });
      expect(result).toEqual(analyze(answers, { minGroup: 3 }));
      expect(result.waves[0]!.units.map((u) => u.unit).sort()).toEqual([...names].sort());
    }
  });
});
