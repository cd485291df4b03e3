/**
 * Outcome figures (docs/outcomes.md): the median handling time, half-year periods, and the
 * suppression of shares of courses shown per unit beside their total.
 *
 * Source: ANALYSIS.md "Anonymity". A figure here is "k of n courses" (courses with a
 * complaint of the courses running in a half-year). Shown beside its n it also tells the
 * courses without (n − k), so both k and n − k must be 0 or at least minGroup. The units'
 * figures are shown beside the municipality's (the total), so the hidden units' k and their
 * n − k must each add up to 0 or at least minGroup too; otherwise the smallest unit still
 * shown is hidden as well, until that holds (complementary suppression).
 */
import { isSuppressed, leavesSmallRemainder } from './anonymity.js';
import { halfYearOf } from './fidelity.js';

/** The median of numbers (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The first and last day of a half-year such as `2026-H1`. */
export function halfYearBounds(period: string): { from: string; to: string } {
  const year = period.slice(0, 4);
  return period.endsWith('H1')
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** Every half-year from the one holding `from` to the one holding `to`, ascending. */
export function halfYearsBetween(from: string, to: string): string[] {
  const periods: string[] = [];
  let year = Number(from.slice(0, 4));
  let half = halfYearOf(from).endsWith('H1') ? 1 : 2;
  const last = halfYearOf(to);
  for (;;) {
    const period = `${year}-H${half}`;
    periods.push(period);
    if (period >= last) return periods;
    if (half === 2) year++;
    half = half === 1 ? 2 : 1;
  }
}

/** One unit's share: `k` of `n` courses; `forced` when its base (n) is hidden already. */
export interface ShareCell {
  n: number;
  k: number;
  forced?: boolean;
}

/**
 * Which units' shares to hide, and whether the total (Σk of Σn) is hidden, following the
 * rule in this file's header. `totalForced` hides the total whatever its size.
 * Example: k of n = 1 of 9, 6 of 10, 7 of 12 with minGroup 5 → the first is hidden (k = 1);
 * then the next smallest (6 of 10) too, since the hidden k must add up to 5 or more.
 */
export function suppressShares(
  cells: readonly ShareCell[],
  minGroup: number,
  totalForced = false,
): { cells: boolean[]; total: boolean } {
  const hidden = cells.map(
    (c) => c.forced === true || isSuppressed(c.k, minGroup) || isSuppressed(c.n - c.k, minGroup),
  );
  const sumK = cells.reduce((s, c) => s + c.k, 0);
  const sumN = cells.reduce((s, c) => s + c.n, 0);
  const total = totalForced || isSuppressed(sumK, minGroup) || isSuppressed(sumN - sumK, minGroup);
  // A hidden total reveals nothing to subtract from; its parts stand on their own.
  if (total) return { cells: hidden, total };
  for (;;) {
    let hiddenK = 0;
    let hiddenRest = 0;
    cells.forEach((c, i) => {
      if (!hidden[i]) return;
      hiddenK += c.k;
      hiddenRest += c.n - c.k;
    });
    const byK = leavesSmallRemainder(hiddenK, minGroup);
    const byRest = leavesSmallRemainder(hiddenRest, minGroup);
    if (!byK && !byRest) return { cells: hidden, total };
    const size = (c: ShareCell) => (byK ? c.k : c.n - c.k);
    let smallest = -1;
    cells.forEach((c, i) => {
      if (!hidden[i] && size(c) > 0 && (smallest < 0 || size(c) < size(cells[smallest]!))) {
        smallest = i;
      }
    });
    // Nothing left to hide that would help: the total gives way instead.
    if (smallest < 0) return { cells: hidden, total: true };
    hidden[smallest] = true;
  }
}
