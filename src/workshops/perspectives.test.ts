import { describe, expect, it } from 'vitest';
import { perspectiveDifferences } from './perspectives.js';

describe('perspectiveDifferences', () => {
  it('lists pairs rated from both sides that differ, larger gap first, better side first', () => {
    const result = perspectiveDifferences(
      ['A', 'B', 'C', 'D'],
      [
        { from: 'A', to: 'B', rating: 'good' },
        { from: 'B', to: 'A', rating: 'low' },
        { from: 'A', to: 'C', rating: 'middle' },
        { from: 'C', to: 'A', rating: 'middle' },
        { from: 'B', to: 'C', rating: 'low' },
        { from: 'C', to: 'B', rating: 'middle' },
        { from: 'A', to: 'D', rating: 'low' },
      ],
    );
    expect(result).toEqual([
      { a: 'A', b: 'B', ab: 'good', ba: 'low', gap: 2 },
      { a: 'C', b: 'B', ab: 'middle', ba: 'low', gap: 1 },
    ]);
  });

  it('is empty without two-sided ratings', () => {
    expect(perspectiveDifferences(['A'], [])).toEqual([]);
    expect(perspectiveDifferences(['A', 'B'], [{ from: 'A', to: 'B', rating: 'low' }])).toEqual([]);
  });
});
