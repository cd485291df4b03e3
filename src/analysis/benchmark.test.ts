import { describe, expect, it } from 'vitest';
import { benchmarkAggregate, measurementFigures, type MeasurementFigureSums } from './benchmark.js';
import { emptyProfile } from './relational-capacity.js';

function sums(municipalityId: string, score: number, extra: Partial<MeasurementFigureSums> = {}) {
  return {
    municipalityId,
    minGroup: 5,
    n: 20,
    score,
    dimensions: { ...emptyProfile(), respekt: score + 0.5 },
    shownTies: 10,
    lowTies: 2,
    ...extra,
  } satisfies MeasurementFigureSums;
}

describe('measurementFigures', () => {
  it('gives nothing for a suppressed or empty network', () => {
    expect(measurementFigures(sums('a', 4, { n: 4 }))).toBeNull();
    expect(measurementFigures(sums('a', 4, { n: 0, score: null }))).toBeNull();
  });

  it('computes the share of low ties among shown ties', () => {
    expect(measurementFigures(sums('a', 4))?.lowShare).toBe(0.2);
    expect(measurementFigures(sums('a', 4, { shownTies: 0, lowTies: 0 }))?.lowShare).toBeNull();
  });
});

describe('benchmarkAggregate', () => {
  it('is withheld with fewer than three contributing municipalities', () => {
    const result = benchmarkAggregate([
      sums('a', 3),
      sums('a', 4),
      sums('b', 4),
      sums('c', 4, { n: 3 }),
    ]);
    expect(result).toEqual({ withheld: true, municipalities: null, figures: null });
  });

  it('averages within each municipality first, then across municipalities', () => {
    // a: (3 + 4) / 2 = 3.5; b: 4; c: 2 → (3.5 + 4 + 2) / 3
    const result = benchmarkAggregate([
      sums('a', 3),
      sums('a', 4, { lowTies: 5 }),
      sums('b', 4),
      sums('c', 2, { lowTies: 0 }),
    ]);
    expect(result.withheld).toBe(false);
    expect(result.municipalities).toBe(3);
    expect(result.figures!.score).toBeCloseTo(9.5 / 3, 12);
    expect(result.figures!.dimensions.respekt).toBeCloseTo(9.5 / 3 + 0.5, 12);
    expect(result.figures!.dimensions.videndeling).toBeNull();
    // a: (0.2 + 0.5) / 2 = 0.35; b: 0.2; c: 0
    expect(result.figures!.lowShare).toBeCloseTo(0.55 / 3, 12);
  });
});
