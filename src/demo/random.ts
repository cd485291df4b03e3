/** The demo's seeded PRNG is the allocation's (mulberry32), so demo data and tests are the same every run. */
export { seededRandom } from '../analysis/allocation.js';

/** Pick one element with the given random source. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
