/**
 * Where the network map's arrows go, apart from drawing them: one arrow per directed
 * tie, from the rim of the rating group to the rim of the rated group. The two ties
 * between a pair of groups are drawn side by side, each shifted to its own right, so
 * both directions stay visible and clickable. Coordinates are the map's model
 * coordinates (y downwards), as Cytoscape's node positions.
 */
export interface Point {
  x: number;
  y: number;
}

export interface Circle extends Point {
  r: number;
}

/** A tie as drawn: the line from `start` to `base`, the head from `base` to `tip`. */
export interface Arrow {
  start: Point;
  base: Point;
  tip: Point;
  /** The corners of the head either side of `base`. */
  left: Point;
  right: Point;
}

export const LINE_WIDTH = 3;
export const CHOSEN_LINE_WIDTH = 7;
const HEAD_LENGTH = 10;
const HEAD_HALF_WIDTH = 5;
const SIDE_OFFSET = 3;

/** The arrow from `source` to `target`, or undefined when the circles leave no room for one. */
export function arrowBetween(source: Circle, target: Circle): Arrow | undefined {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy);
  if (length <= source.r + target.r + HEAD_LENGTH) return undefined;
  const ux = dx / length;
  const uy = dy / length;
  // The right-hand side of the direction of travel, with y pointing down.
  const ox = -uy * SIDE_OFFSET;
  const oy = ux * SIDE_OFFSET;
  const start = { x: source.x + ux * source.r + ox, y: source.y + uy * source.r + oy };
  const tip = { x: target.x - ux * target.r + ox, y: target.y - uy * target.r + oy };
  const base = { x: tip.x - ux * HEAD_LENGTH, y: tip.y - uy * HEAD_LENGTH };
  return {
    start,
    base,
    tip,
    left: { x: base.x + uy * HEAD_HALF_WIDTH, y: base.y - ux * HEAD_HALF_WIDTH },
    right: { x: base.x - uy * HEAD_HALF_WIDTH, y: base.y + ux * HEAD_HALF_WIDTH },
  };
}

/** The shortest distance from `p` to the segment from `a` to `b`. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** The id of the arrow nearest to `p`, if one lies within `tolerance` of it. */
export function nearestArrow(
  arrows: ReadonlyMap<string, Arrow>,
  p: Point,
  tolerance: number,
): string | undefined {
  let best: string | undefined;
  let bestDistance = tolerance;
  for (const [id, arrow] of arrows) {
    const distance = distanceToSegment(p, arrow.start, arrow.tip);
    if (distance <= bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return best;
}
