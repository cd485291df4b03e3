import { describe, expect, it } from 'vitest';
import {
  arrowBetween,
  distanceToSegment,
  nearestArrow,
  type Arrow,
} from '../../web/src/analysis/map-geometry.js';

const close = (actual: { x: number; y: number }, x: number, y: number) => {
  expect(actual.x).toBeCloseTo(x, 9);
  expect(actual.y).toBeCloseTo(y, 9);
};

describe('the network map’s arrows', () => {
  it('run from rim to rim, shifted 3 to the right of the direction of travel', () => {
    // Left to right; with y pointing down, the right-hand side is below.
    const arrow = arrowBetween({ x: 0, y: 0, r: 10 }, { x: 100, y: 0, r: 20 })!;
    close(arrow.start, 10, 3);
    close(arrow.tip, 80, 3);
    close(arrow.base, 70, 3);
    close(arrow.left, 70, -2);
    close(arrow.right, 70, 8);
  });

  it('draws the two directions of a pair side by side', () => {
    const a = { x: 0, y: 0, r: 10 };
    const b = { x: 0, y: 100, r: 10 };
    const down = arrowBetween(a, b)!;
    const up = arrowBetween(b, a)!;
    // Downwards the right-hand side is -x; upwards it is +x.
    close(down.start, -3, 10);
    close(up.start, 3, 90);
    expect(down.tip.x - up.tip.x).toBeCloseTo(-6, 9);
  });

  it('leaves out an arrow between circles with no room for its head', () => {
    expect(arrowBetween({ x: 0, y: 0, r: 20 }, { x: 45, y: 0, r: 20 })).toBeUndefined();
    expect(arrowBetween({ x: 0, y: 0, r: 20 }, { x: 0, y: 0, r: 20 })).toBeUndefined();
    expect(arrowBetween({ x: 0, y: 0, r: 20 }, { x: 51, y: 0, r: 20 })).toBeDefined();
  });

  it('measures the distance to a segment, its ends included', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 10, y: 0 };
    expect(distanceToSegment({ x: 5, y: 4 }, a, b)).toBeCloseTo(4, 12);
    expect(distanceToSegment({ x: -3, y: 4 }, a, b)).toBeCloseTo(5, 12);
    expect(distanceToSegment({ x: 13, y: -4 }, a, b)).toBeCloseTo(5, 12);
    expect(distanceToSegment({ x: 1, y: 1 }, a, a)).toBeCloseTo(Math.SQRT2, 12);
  });

  it('finds the arrow clicked: the nearest within the tolerance, or none', () => {
    const arrows = new Map<string, Arrow>([
      ['a→b', arrowBetween({ x: 0, y: 0, r: 10 }, { x: 100, y: 0, r: 10 })!],
      ['b→a', arrowBetween({ x: 100, y: 0, r: 10 }, { x: 0, y: 0, r: 10 })!],
    ]);
    expect(nearestArrow(arrows, { x: 50, y: 3 }, 6)).toBe('a→b');
    expect(nearestArrow(arrows, { x: 50, y: -3 }, 6)).toBe('b→a');
    expect(nearestArrow(arrows, { x: 50, y: 20 }, 6)).toBeUndefined();
    expect(nearestArrow(new Map(), { x: 0, y: 0 }, 6)).toBeUndefined();
  });
});
