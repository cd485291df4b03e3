/**
 * Disclosure control across partitions: the one step that decides which group figures of a
 * wave are hidden, so that no shown whole minus its shown parts leaves a small group.
 *
 * Source: ANALYSIS.md "Anonymity" (Partitions; No subtraction attacks). The atoms are the
 * groups of a measurement (units, or professions). Several published figures add up over
 * them: the network's respondents (unit `outN`), the respondents of each unit kind, flow
 * and arm, and the finished responses per group (the response table). Each such sum is a
 * *whole*. For every whole that is shown, the respondents in its hidden atoms must total 0
 * or at least minGroup; where they do not, the smallest atom of the whole still shown is
 * hidden too (its reason `complementary`), and the check runs again until every whole
 * holds. An atom hidden for one whole is hidden for all of them, counts and means alike:
 * the analysis, its views, the exports and the response table read the same decision.
 */
import type { SuppressedReason } from '../../contract/analysis.js';
import { isSuppressed, leavesSmallRemainder } from './anonymity.js';

export type { SuppressedReason } from '../../contract/analysis.js';

/** A published sum over some atoms, in one of the atoms' measures. */
export interface Whole {
  /** Indices of the atoms that add up to this whole. */
  members: readonly number[];
  /** Which of each atom's counts this whole adds up. */
  measure: number;
}

/**
 * The reason each atom is hidden (or `null` when shown) once every shown whole is safe.
 * `counts[i][m]` is atom i's respondents in measure m; `initial` holds the atoms already
 * hidden. Among equally small atoms the first is hidden, so callers pass atoms in name order.
 */
export function protectPartitions(
  counts: readonly (readonly number[])[],
  initial: readonly (SuppressedReason | null)[],
  wholes: readonly Whole[],
  minGroup: number,
): (SuppressedReason | null)[] {
  const reasons = [...initial];
  for (let changed = true; changed;) {
    changed = false;
    for (const whole of wholes) {
      let hidden = 0;
      for (const i of whole.members) if (reasons[i] !== null) hidden += counts[i]![whole.measure]!;
      if (!leavesSmallRemainder(hidden, minGroup)) continue;
      let smallest = -1;
      for (const i of whole.members) {
        const n = counts[i]![whole.measure]!;
        if (reasons[i] !== null || n === 0) continue;
        if (smallest < 0 || n < counts[smallest]![whole.measure]!) smallest = i;
      }
      if (smallest < 0) continue;
      reasons[smallest] = 'complementary';
      changed = true;
    }
  }
  return reasons;
}

/** `small` when 0 < n < minGroup for any of the counts, else `null`. */
export function smallReason(counts: readonly number[], minGroup: number): SuppressedReason | null {
  return counts.some((n) => isSuppressed(n, minGroup)) ? 'small' : null;
}

/**
 * The reasons of a plain partition (one measure, one whole over all parts):
 * {@link protectPartitions} with the small parts hidden first.
 */
export function partitionReasons(
  sizes: readonly number[],
  minGroup: number,
): (SuppressedReason | null)[] {
  return protectPartitions(
    sizes.map((n) => [n]),
    sizes.map((n) => smallReason([n], minGroup)),
    [{ members: sizes.map((_, i) => i), measure: 0 }],
    minGroup,
  );
}

/**
 * The respondents a whole leaves unaccounted for once its shown parts are subtracted, or
 * `null` when the whole is not shown: what an attacker learns by subtraction. A safe
 * publication has 0 or at least minGroup here for every whole.
 */
export function unaccounted(
  whole: number | null,
  shownParts: readonly (number | null)[],
): number | null {
  if (whole === null) return null;
  return whole - shownParts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
}
