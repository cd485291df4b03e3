/**
 * The values of progression measurement (DOMAIN.md §4) that server and web share: how an
 * item is answered, which groups an instrument is for, who answered. No zod.
 */

/** How an item is answered: a 1–5 or 0–10 self-rating, yes/no, or free text. */
export const ITEM_KINDS = ['scale-1-5', 'scale-0-10', 'yes-no', 'text'] as const;
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

/** An answer value: a number on the item's scale, yes/no, free text; skipped items are absent. */
export type ProgressionValue = number | boolean | string;

/** The schedule's default interval between measurements, in months. */
export const DEFAULT_INTERVAL_MONTHS = 6;
