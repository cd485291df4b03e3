/**
 * Where the room's perspectives differ (DOMAIN.md §3, step 2): for every pair of actors
 * rated from both sides, A's view of the tie to B against B's view of the tie to A.
 * Colours count as steps (good 3, middle 2, low 1), so green against red is a gap of 2.
 */
import type { PerspectiveDifference } from '../../contract/workshops.schema.js';
import type { WorkshopRating } from '../../contract/workshops.js';

const STEP: Record<WorkshopRating, number> = { good: 3, middle: 2, low: 1 };

export type { PerspectiveDifference };

/** The pairs rated from both sides that differ, largest gap first, then in actor order. */
export function perspectiveDifferences(
  actorIds: readonly string[],
  ratings: readonly { from: string; to: string; rating: WorkshopRating }[],
): PerspectiveDifference[] {
  const byPair = new Map(ratings.map((r) => [`${r.from}>${r.to}`, r.rating]));
  const differences: PerspectiveDifference[] = [];
  for (let i = 0; i < actorIds.length; i++) {
    for (let j = i + 1; j < actorIds.length; j++) {
      const a = actorIds[i]!;
      const b = actorIds[j]!;
      const ab = byPair.get(`${a}>${b}`);
      const ba = byPair.get(`${b}>${a}`);
      if (ab === undefined || ba === undefined || ab === ba) continue;
      // Order each pair so A is the side that sees the tie better.
      const gap = STEP[ab] - STEP[ba];
      differences.push(gap > 0 ? { a, b, ab, ba, gap } : { a: b, b: a, ab: ba, ba: ab, gap: -gap });
    }
  }
  return differences.sort((x, y) => y.gap - x.gap);
}

/** The survey level that matches a room colour: good ↔ high, middle ↔ medium, low ↔ low. */
export const SURVEY_LEVEL: Record<WorkshopRating, 'high' | 'medium' | 'low'> = {
  good: 'high',
  middle: 'medium',
  low: 'low',
};
