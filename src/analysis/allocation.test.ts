import { describe, expect, it } from 'vitest';
import { allocate, MAX_SEED } from './allocation.js';

const ids = Array.from(
  { length: 11 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);

describe('allocate', () => {
  it('refuses a seed outside 0…2³²−1', () => {
    expect(() => allocate(ids, -1)).toThrow(RangeError);
    expect(() => allocate(ids, MAX_SEED + 1)).toThrow(RangeError);
    expect(() => allocate(ids, 1.5)).toThrow(RangeError);
  });

  it('puts half (rounded down) in intervention and the rest in control', () => {
    const arms = allocate(ids, 12345);
    expect(arms).toHaveLength(11);
    expect(arms.filter((a) => a.arm === 'intervention')).toHaveLength(5);
    expect(arms.filter((a) => a.arm === 'kontrol')).toHaveLength(6);
    expect(allocate(ids.slice(0, 10), 7).filter((a) => a.arm === 'intervention')).toHaveLength(5);
    expect(allocate([], 7)).toEqual([]);
  });

  it('is re-derived from the seed alone, whatever the order of the ids', () => {
    const first = allocate(ids, 2026);
    expect(allocate([...ids].reverse(), 2026)).toEqual(first);
    expect(allocate([...ids, ids[0]!], 2026)).toEqual(first);
    // The pinned result: a change of the algorithm would silently change past allocations.
    expect(first.filter((a) => a.arm === 'intervention').map((a) => a.courseId.slice(-2))).toEqual(
      PINNED_2026,
    );
  });

  it('gives different allocations for different seeds, each course about half the time', () => {
    const counts = new Map(ids.map((id) => [id, 0]));
    for (let seed = 0; seed < 2000; seed++) {
      for (const a of allocate(ids, seed)) {
        if (a.arm === 'intervention') counts.set(a.courseId, counts.get(a.courseId)! + 1);
      }
    }
    // Expected 2000 · 5/11 ≈ 909 per course.
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
    for (const n of counts.values()) expect(n).toBeLessThan(1020);
  });
});

// Worked out independently (a Python mulberry32 and Fisher–Yates over the same sorted ids).
const PINNED_2026 = ['00', '02', '07', '08', '09'];
