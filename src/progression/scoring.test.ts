import { describe, expect, it } from 'vitest';
import type { InstrumentItem, Subscale } from '../../contract/progression.schema.js';
import { itemScore, scoreSubscales } from './scoring.js';

const fit = [
  { label: 'Passer ikke', score: 0 },
  { label: 'Passer delvist', score: 1 },
  { label: 'Passer godt', score: 2 },
];
const items: InstrumentItem[] = [
  { id: 'a', text: 'A', kind: 'options', options: fit },
  { id: 'b', text: 'B', kind: 'options', options: fit },
  { id: 'c', text: 'C', kind: 'options', options: [...fit].reverse() },
  { id: 'd', text: 'D', kind: 'scale-1-5' },
  { id: 'e', text: 'E', kind: 'yes-no' },
  { id: 'f', text: 'F', kind: 'text' },
];
const subscales: Subscale[] = [
  { id: 'sum-abc', name: 'Sum', method: 'sum', items: ['a', 'b', 'c'] },
  { id: 'mean-abcd', name: 'Mean', method: 'mean', items: ['a', 'b', 'c', 'd'] },
];

describe('progression scoring', () => {
  it('counts options by their score, scales by value, yes as 1 and never text', () => {
    expect(itemScore(items[0]!, 2)).toBe(2);
    expect(itemScore(items[2]!, 0)).toBe(2); // reversed options: the first scores 2
    expect(itemScore(items[3]!, 4)).toBe(4);
    expect(itemScore(items[4]!, true)).toBe(1);
    expect(itemScore(items[4]!, false)).toBe(0);
    expect(itemScore(items[5]!, 'hej')).toBeNull();
    expect(itemScore(items[0]!, undefined)).toBeNull();
  });

  it('sums when every item is answered and averages over the answered ones', () => {
    // a=2, b=1, c=index 2 of reversed = 0, d=5 → sum 3, mean (2+1+0+5)/4 = 2
    expect(scoreSubscales(items, subscales, { a: 2, b: 1, c: 2, d: 5 })).toEqual({
      'sum-abc': 3,
      'mean-abcd': 2,
    });
    // a=1, b=2, d=2 → mean 5/3 rounded to 1.67
    expect(scoreSubscales(items, subscales, { a: 1, b: 2, d: 2 })['mean-abcd']).toBe(1.67);
  });

  it('gives no score when too few items are answered', () => {
    // The sum misses c; the mean has 1 of 4 (needs 2).
    expect(scoreSubscales(items, subscales, { a: 2 })).toEqual({
      'sum-abc': null,
      'mean-abcd': null,
    });
    // 2 of 4 is enough for the mean.
    expect(scoreSubscales(items, subscales, { a: 2, d: 3 })['mean-abcd']).toBe(2.5);
  });
});
