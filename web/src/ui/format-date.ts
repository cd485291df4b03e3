/**
 * The one way dates are shown (issue #16): Danish-style day, short month and year
 * ("3. dec. 2026"), with the time where it matters ("3. dec. 2026, 14.30"), always in
 * Danish time, through `Intl.DateTimeFormat` made once per locale.
 */

const ZONE = 'Europe/Copenhagen';
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, kind: 'date' | 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let made = formats.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { dateStyle: 'medium' }
        : kind === 'dateTime'
          ? { dateStyle: 'medium', timeStyle: 'short' }
          : { timeStyle: 'short' };
    made = new Intl.DateTimeFormat(locale, { ...options, timeZone: ZONE });
    formats.set(key, made);
  }
  return made;
}

/** A `YYYY-MM-DD` day (read as that day, whatever the zone) or a timestamp; null when unreadable. */
function toDate(value: string | Date): Date | null {
  const date =
    value instanceof Date
      ? value
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? new Date(`${value}T12:00:00Z`)
        : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A day, e.g. "3. dec. 2026"; `–` when missing. */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '–';
  const date = toDate(value);
  return date ? format(locale, 'date').format(date) : String(value);
}

/** A day and time, e.g. "3. dec. 2026, 14.30"; `–` when missing. */
export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '–';
  const date = toDate(value);
  return date ? format(locale, 'dateTime').format(date) : String(value);
}

/** A time of day, e.g. "14.30"; `–` when missing. */
export function formatTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '–';
  const date = toDate(value);
  return date ? format(locale, 'time').format(date) : String(value);
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE });

/** The Danish calendar day of a moment as `YYYY-MM-DD` (UTC's day is yesterday from 23 or 22 UTC). */
export function danishDay(value: Date = new Date()): string {
  return dayFormat.format(value);
}
