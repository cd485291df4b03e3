/**
 * The values of progression measurement (DOMAIN.md §4) that server and web share: how an
 * item is answered, which groups an instrument is for, who answered. No zod.
 */

/**
 * How an item is answered: a 1–5 or 0–10 self-rating, yes/no, free text, or one of the
 * item's own answer options, each with a score (e.g. "passer ikke / delvist / godt").
 */
export const ITEM_KINDS = ['scale-1-5', 'scale-0-10', 'yes-no', 'text', 'options'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The target group an instrument is for; `alle` = every course. */
export const INSTRUMENT_GROUPS = [
  'alle',
  'voksne',
  'unge-15-30',
  'familier',
  'boern',
  'andet',
] as const;
export type InstrumentGroup = (typeof INSTRUMENT_GROUPS)[number];

/** Who answered a progression measurement. */
export const RESPONDENT_KINDS = ['borger', 'foraelder', 'sagsbehandler'] as const;
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];

/** The side that answered: the citizen (or a parent) or the caseworker; shown side by side. */
export const RESPONDENT_SIDES = ['citizen', 'caseworker'] as const;
export type RespondentSide = (typeof RESPONDENT_SIDES)[number];

/** The side of a respondent: everyone but the caseworker answers on the citizen's side. */
export const sideOf = (answeredBy: RespondentKind): RespondentSide =>
  answeredBy === 'sagsbehandler' ? 'caseworker' : 'citizen';

/**
 * The structures of the trial's instruments (docs/progression.md): `general` (one
 * self-rating), `indicators` (rated by citizen and caseworker), `per-child` (one
 * measurement per child in a family course), `session` (a short rating after a session,
 * on the session's date instead of a scheduled occasion).
 */
export const INSTRUMENT_STRUCTURES = ['general', 'indicators', 'per-child', 'session'] as const;
export type InstrumentStructure = (typeof INSTRUMENT_STRUCTURES)[number];

/** How a sub-scale's items combine: their sum (all items answered) or their mean (half answered). */
export const SUBSCALE_METHODS = ['sum', 'mean'] as const;
export type SubscaleMethod = (typeof SUBSCALE_METHODS)[number];

/** The occasion key of a session rating: `session-` and the session's ISO date. */
export const SESSION_OCCASION = /^session-(\d{4}-\d{2}-\d{2})$/;

/** The citizen's education/employment status, recorded when a course closes. */
export const CLOSING_STATUSES = [
  'ordinaert-job',
  'job-med-stoette',
  'uddannelse',
  'ledig',
  'sygemeldt',
  'foertidspension',
  'andet',
  'ukendt',
] as const;
export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

/** An answer value: a number on the item's scale, yes/no, free text; skipped items are absent. */
export type ProgressionValue = number | boolean | string;

/** The schedule's default interval between measurements, in months. */
export const DEFAULT_INTERVAL_MONTHS = 6;
