/** The one rule for the productive and unproductive loop, checked on known values. */
import { describe, expect, it } from 'vitest';
import { loopOf, type RkDimension } from '../../contract/analysis.js';

const thresholds = { high: 3.75, low: 3.25 };
const profile = (values: Partial<Record<RkDimension, number | null>>) => ({
  videndeling: 4,
  kendskab: 4,
  samarbejde: 4,
  problemloesning: 4,
  innovation: 4,
  respekt: 4,
  ...values,
});

describe('loopOf', () => {
  it('reads the network score against the thresholds, the high one inclusive', () => {
    const verdict = (score: number | null) =>
      loopOf({ score, dimensions: profile({}) }, thresholds).verdict;
    expect(verdict(3.75)).toBe('productive');
    expect(verdict(3.749)).toBe('between');
    expect(verdict(3.25)).toBe('between');
    expect(verdict(3.249)).toBe('unproductive');
    expect(verdict(null)).toBe('unknown');
  });

  it('names the weakest decisive dimension, skipping withheld ones and the others', () => {
    const dimensions = profile({
      innovation: 1,
      kendskab: 3.5,
      respekt: null,
      problemloesning: 3.2,
    });
    expect(loopOf({ score: 3.6, dimensions }, thresholds).decisive).toBe('problemloesning');
    const none = profile({ kendskab: null, respekt: null, problemloesning: null });
    expect(loopOf({ score: 3.6, dimensions: none }, thresholds).decisive).toBeNull();
  });
});
