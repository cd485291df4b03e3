/**
 * When a course's progression is measured (DOMAIN.md §4): at the start, every N months
 * (6 by default) and at closure. Pure: dates in, occasions out. Only the latest passed
 * occasion is due; older unanswered ones are missed, so nobody answers three at once.
 */
import type { Occasion } from '../../contract/progression.schema.js';

/** Add whole months to an ISO date, keeping the day or the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The occasions that have come (up to today, or the closing date), and the next one. */
export function occasionsOf(
  startDate: string,
  intervalMonths: number,
  today: string,
  closedOn: string | null,
): { passed: Occasion[]; next: Occasion | null } {
  const end = closedOn ?? today;
  const passed: Occasion[] = startDate <= end ? [{ key: 'start', due: startDate }] : [];
  let next: Occasion | null = startDate > end ? { key: 'start', due: startDate } : null;
  for (let k = 1; k <= 200 && next === null; k++) {
    const occasion = {
      key: `m${k * intervalMonths}`,
      due: addMonths(startDate, k * intervalMonths),
    };
    if (occasion.due <= end) passed.push(occasion);
    else next = occasion;
  }
  if (closedOn !== null)
    return { passed: [...passed, { key: 'afslutning', due: closedOn }], next: null };
  return { passed, next };
}

/** The occasion to answer now: the latest that has come, unless it is answered. */
export function dueOccasion(passed: Occasion[], answered: Set<string>): Occasion | null {
  const latest = passed.at(-1);
  return latest && !answered.has(latest.key) ? latest : null;
}
