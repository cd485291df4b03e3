import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from './cronbach.js';

describe('cronbachAlpha', () => {
  it('is null for fewer than two rows or no variance in the row sums', () => {
    expect(cronbachAlpha([], 6)).toEqual({ alpha: null, rows: 0, k: 6 });
    expect(cronbachAlpha([[1, 2, 3]], 3)).toEqual({ alpha: null, rows: 1, k: 3 });
    // row sums 4 and 4: var(row sum) = 0
    expect(
      cronbachAlpha(
        [
          [1, 3],
          [3, 1],
        ],
        2,
      ).alpha,
    ).toBeNull();
    expect(() => cronbachAlpha([[1, 2], [1]], 2)).toThrow(RangeError);
  });

  it('computes α on a hand example', () => {
    // item 1 = [1,2,3,4]: var 5/3; item 2 = [2,3,3,5]: mean 3.25, SS 4.75, var 19/12
    // row sums [3,5,6,9]: mean 5.75, SS 18.75, var 6.25
    // α = 2/1 · (1 − (5/3 + 19/12)/6.25) = 2 · (1 − 3.25/6.25) = 2 · 0.48 = 0.96
    const rows = [
      [1, 2],
      [2, 3],
      [3, 3],
      [4, 5],
    ];
    expect(cronbachAlpha(rows, 2)).toEqual({
      alpha: expect.closeTo(0.96, 14) as number,
      rows: 4,
      k: 2,
    });
  });

  it('is 1 for perfectly parallel items and can be negative', () => {
    expect(
      cronbachAlpha(
        [
          [1, 1, 1],
          [2, 2, 2],
          [5, 5, 5],
        ],
        3,
      ).alpha,
    ).toBeCloseTo(1, 14);
    // items move against each other: item 1 = [1,2,3] (var 1), item 2 = [3,2,2] (var 1/3),
    // row sums [4,4,5] (var 1/3): α = 2 · (1 − (4/3)/(1/3)) = 2 · (1 − 4) = −6
    expect(
      cronbachAlpha(
        [
          [1, 3],
          [2, 2],
          [3, 2],
        ],
        2,
      ).alpha,
    ).toBeCloseTo(-6, 12);
  });
});
