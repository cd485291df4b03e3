/**
 * Random allocation of eligible cases to intervention or control (DOMAIN.md §2.4, the
 * semi-randomised design: half of the cases get the leadership intervention).
 *
 * Deterministic and re-derivable: the course ids are sorted (UTF-16 code units), shuffled
 * with Fisher–Yates driven by mulberry32(seed), and the first ⌊n/2⌋ of the shuffle go to
 * `intervention`, the rest to `kontrol` (so an odd case out is a control). The same ids
 * and seed always give the same arms, whatever order the ids come in.
 */

/** A small seeded PRNG (mulberry32): uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One course's allocated arm. */
export interface AllocatedCourse {
  courseId: string;
  arm: 'intervention' | 'kontrol';
}

/** Seeds are unsigned 32-bit integers. */
export const MAX_SEED = 4294967295;

/** Allocate half of the courses (rounded down) to intervention and the rest to control; sorted by id. */
export function allocate(courseIds: readonly string[], seed: number): AllocatedCourse[] {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer in 0…${MAX_SEED}`);
  }
  const sorted = [...new Set(courseIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const order = [...sorted];
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const treated = new Set(order.slice(0, Math.floor(order.length / 2)));
  return sorted.map((courseId) => ({
    courseId,
    arm: treated.has(courseId) ? 'intervention' : 'kontrol',
  }));
}
