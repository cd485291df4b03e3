/**
 * Comparisons of respondent groups beyond leaders/employees, and the leadership scatter.
 *
 * Source: ANALYSIS.md "Comparisons" (Welch's t-test of R(r), the same `comparison` object)
 * and DOMAIN.md §2.4 (asymmetry: myndighed against udfører; those who hand a task on
 * against those who receive it). Readings where ANALYSIS.md is silent (docs/analysis.md):
 *   - myndighed vs udfører: `from: "myndighed"` (group 1), `to: "udfører"` (group 2), so
 *     `diff` = udfører's mean R(r) − myndighed's; respondents of `ekstern` units (and of
 *     units whose kind is unknown) are in neither group.
 *   - senders vs receivers: `from: "sender"`, `to: "receiver"` by the flow of the
 *     respondent's own unit in the measurement; units without a flow are in neither.
 *   - Complementary suppression: the network score is published over all respondents, so
 *     the groups and the respondents in neither group are the parts of one total
 *     ({@link complementarySuppression} over [group 1, group 2, rest]); when either group is
 *     suppressed, so is the comparison.
 *   - The tie-level hand-on view compares the published scores of sender→receiver ties
 *     with those of receiver→sender ties (Welch over ties: n1, n2 count ties) and lists the
 *     pairs with both directions shown. It uses only ties already published, so it reveals
 *     nothing new about any respondent.
 *   - The leadership scatter: the same regression and suppression as `analyze`; points are
 *     (L(r), R(r)) rounded to 0.1, sorted, with nothing else on them, and only when asked
 *     for (the caller decides who may see them: docs/anonymity.md).
 */
import type {
  ComparedGroup,
  GroupComparison,
  HandOnPair,
  HandOnView,
  LeadershipScatter,
} from '../../contract/analysis.schema.js';
import type { Flow } from '../../contract/measurements.js';
import {
  complementarySuppression,
  isSuppressed,
  leavesSmallRemainder,
  shownCount,
  suppressComparison,
} from './anonymity.js';
import { olsRegression, withheldRegression } from './regression.js';
import { compareCodeUnits, relationalCapacityStats } from './relational-capacity.js';
import { sdOf, summarize } from './stats.js';
import type { WaveData } from './wave-data.js';
import { welch } from './welch.js';

export type { Flow } from '../../contract/measurements.js';
export type {
  ComparedGroup,
  GroupComparison,
  HandOnPair,
  HandOnView,
  LeadershipScatter,
  ScatterPoint,
} from '../../contract/analysis.schema.js';

/** One respondent of one wave: unit, R(r) and, when answered, L(r). */
export interface RespondentPoint {
  unit: string;
  /** R(r): mean pair score over targets other than the own unit. */
  score: number;
  /** L(r): mean of the scored leadership items, or `null` when none is scored. */
  leadership: number | null;
}

/** The respondents of a wave with R(r) defined, as points (the pure path; the API reads them in SQL). */
export function respondentPoints(wave: WaveData): RespondentPoint[] {
  return relationalCapacityStats(wave).respondents.map((r) => {
    const block = wave.respondents.get(r.respondent)!.leadership;
    return { unit: r.unit, score: r.score, leadership: block.n > 0 ? block.sum / block.n : null };
  });
}

function group(values: readonly number[], suppressed: boolean): ComparedGroup {
  if (suppressed) return { mean: null, n: shownCount(values.length, true), sd: null, suppressed };
  const s = summarize(values);
  return { mean: s.mean, n: s.n, sd: sdOf(s.variance), suppressed };
}

/**
 * Welch's comparison of R(r) between respondents whose unit has attribute `from` and
 * those whose unit has `to`, with complementary suppression against the network total.
 */
export function compareGroupsBy(
  points: readonly RespondentPoint[],
  attributeOf: (unit: string) => string | null | undefined,
  from: string,
  to: string,
  minGroup: number,
): GroupComparison {
  const first: number[] = [];
  const second: number[] = [];
  let rest = 0;
  for (const p of points) {
    const attribute = attributeOf(p.unit);
    if (attribute === from) first.push(p.score);
    else if (attribute === to) second.push(p.score);
    else rest++;
  }
  const [hide1 = false, hide2 = false] = complementarySuppression(
    [first.length, second.length, rest],
    minGroup,
  );
  return {
    groups: { [from]: group(first, hide1), [to]: group(second, hide2) },
    comparison: suppressComparison(welch(from, first, to, second), minGroup, hide1 || hide2),
  };
}

/** Myndighed against udfører (`diff` = udfører − myndighed), by the kind of each unit. */
export function compareKinds(
  points: readonly RespondentPoint[],
  kindOf: (unit: string) => string | null | undefined,
  minGroup: number,
): GroupComparison {
  return compareGroupsBy(points, kindOf, 'myndighed', 'udfører', minGroup);
}

/** Senders against receivers (`diff` = receiver − sender), by the flow of each unit. */
export function compareFlows(
  points: readonly RespondentPoint[],
  flowOf: (unit: string) => Flow | null | undefined,
  minGroup: number,
): GroupComparison {
  return compareGroupsBy(points, flowOf, 'sender', 'receiver', minGroup);
}

/**
 * The tie-level view of handing work on: published sender→receiver ties against
 * receiver→sender ties (Welch over tie scores; `diff` = receiver→sender − sender→receiver),
 * and every sender–receiver pair with both ties shown, by descending |gap|.
 */
export function handOnView(
  ties: readonly { from: string; to: string; score: number | null }[],
  flowOf: (unit: string) => Flow | null | undefined,
): HandOnView {
  const forward: number[] = [];
  const backward: number[] = [];
  const shown = new Map<string, number>();
  for (const tie of ties) {
    if (tie.score === null || tie.from === tie.to) continue;
    const a = flowOf(tie.from);
    const b = flowOf(tie.to);
    if (a === 'sender' && b === 'receiver') forward.push(tie.score);
    else if (a === 'receiver' && b === 'sender') backward.push(tie.score);
    else continue;
    shown.set(`${tie.from}\u0000${tie.to}`, tie.score);
  }
  const pairs: HandOnPair[] = [];
  for (const [key, senderRates] of shown) {
    const [sender = '', receiver = ''] = key.split('\u0000');
    if (flowOf(sender) !== 'sender') continue;
    const receiverRates = shown.get(`${receiver}\u0000${sender}`);
    if (receiverRates === undefined) continue;
    pairs.push({ sender, receiver, senderRates, receiverRates, gap: senderRates - receiverRates });
  }
  pairs.sort(
    (x, y) =>
      Math.abs(y.gap) - Math.abs(x.gap) ||
      compareCodeUnits(x.sender, y.sender) ||
      compareCodeUnits(x.receiver, y.receiver),
  );
  return {
    comparison: welch('sender→receiver', forward, 'receiver→sender', backward),
    pairs,
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The regression of R(r) on L(r) over respondents with both, suppressed exactly as
 * `analyze` suppresses it (n < minGroup, or 0 < network n − n < minGroup), with the
 * points (rounded to 0.1, sorted, no identity) when `withPoints` and not suppressed.
 */
export function leadershipScatter(
  points: readonly RespondentPoint[],
  minGroup: number,
  withPoints: boolean,
): LeadershipScatter {
  const x: number[] = [];
  const y: number[] = [];
  for (const p of points) {
    if (p.leadership === null) continue;
    x.push(p.leadership);
    y.push(p.score);
  }
  const suppressed =
    isSuppressed(x.length, minGroup) || leavesSmallRemainder(points.length - x.length, minGroup);
  if (suppressed) {
    return { ...withheldRegression(shownCount(x.length, true)), points: null };
  }
  const scatter = x.map((l, i) => ({ leadership: round1(l), score: round1(y[i]!) }));
  scatter.sort((a, b) => a.leadership - b.leadership || a.score - b.score);
  return {
    ...olsRegression(x, y),
    suppressed: false,
    points: withPoints && x.length > 0 ? scatter : null,
  };
}
