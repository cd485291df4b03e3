/**
 * Small helpers for the course forms: the CPR format check that gives an early hint
 * (the server decides), and finding which field a server error is about.
 */
import type { ApiError } from '../api/client.js';

/** The most characters the server takes in one free-text field of the plan. */
export const MAX_TEXT = 10_000;

/** Why a CPR number is not valid, or undefined when it looks valid (format and date). */
export function cprProblem(value: string): 'format' | 'date' | undefined {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/.exec(value.trim());
  if (!match) return 'format';
  const [, dd, mm, yy, seventh] = match.map(Number) as [number, number, number, number, number];
  // The century follows from the 7th digit (CPR-kontoret's rule).
  let century = 1900;
  if ((seventh === 4 || seventh === 9) && yy <= 36) century = 2000;
  else if (seventh >= 5 && seventh <= 8) century = yy <= 57 ? 2000 : 1800;
  const year = century + yy;
  const date = new Date(Date.UTC(year, mm - 1, dd));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === mm - 1 && date.getUTCDate() === dd;
  return real ? undefined : 'date';
}

interface Issue {
  path?: unknown;
  field?: unknown;
}

/**
 * The field paths a server error names (`citizen.cpr`, `members.1.cpr`, `startDate`),
 * from a validation error's issues or an `AppError`'s `details.field`.
 */
export function errorFields(error: ApiError | undefined): string[] {
  const details = error?.details as { issues?: Issue[]; field?: unknown } | undefined;
  if (!details || typeof details !== 'object') return [];
  const fields: string[] = [];
  if (typeof details.field === 'string') fields.push(details.field);
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues) {
      if (typeof issue.path === 'string') fields.push(issue.path);
      else if (typeof issue.field === 'string') fields.push(issue.field);
    }
  }
  return fields.map((f) => f.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, ''));
}

/** True when the server error is about `field` (or something inside it). */
export function errorIsAbout(error: ApiError | undefined, field: string): boolean {
  return errorFields(error).some((f) => f === field || f.startsWith(`${field}.`));
}
