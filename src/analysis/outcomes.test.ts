import { describe, expect, it } from 'vitest';
import { halfYearOf } from './fidelity.js';
import { halfYearBounds, halfYearsBetween, median, suppressShares } from './outcomes.js';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});

describe('half-years', () => {
  it('names, bounds and lists half-years', () => {
    expect(halfYearOf('2026-06-30')).toBe('2026-H1');
    expect(halfYearOf('2026-07-01')).toBe('2026-H2');
    expect(halfYearBounds('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(halfYearsBetween('2025-11-03', '2027-02-01')).toEqual([
      '2025-H2',
      '2026-H1',
      '2026-H2',
      '2027-H1',
    ]);
  });
});

describe('suppressShares', () => {
  it('hides a share whose k or n − k is a small group', () => {
    expect(suppressShares([{ n: 10, k: 2 }], 5, true).cells).toEqual([true]);
    expect(suppressShares([{ n: 10, k: 8 }], 5, true).cells).toEqual([true]);
    expect(suppressShares([{ n: 10, k: 0 }], 5, true).cells).toEqual([false]);
    expect(suppressShares([{ n: 10, k: 5 }], 5, true).cells).toEqual([false]);
  });

  it('hides the next smallest unit so the total cannot reveal a hidden one', () => {
    const result = suppressShares(
      [
        { n: 9, k: 1 },
        { n: 12, k: 6 },
        { n: 14, k: 7 },
      ],
      5,
    );
    expect(result).toEqual({ cells: [true, true, false], total: false });
    // The hidden units' k (1 + 6) and n − k (8 + 6) are each 0 or ≥ 5.
  });

  it('hides the total when nothing else protects a hidden unit', () => {
    const result = suppressShares(
      [
        { n: 9, k: 2 },
        { n: 10, k: 0 },
      ],
      5,
    );
    expect(result.cells).toEqual([true, false]);
    expect(result.total).toBe(true);
  });

  it('keeps a forced unit hidden and counts it as hidden', () => {
    const result = suppressShares(
      [
        { n: 3, k: 3, forced: true },
        { n: 20, k: 10 },
      ],
      5,
    );
    expect(result.cells).toEqual([true, true]);
  });
});
