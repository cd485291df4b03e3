/**
 * The measurement's enums and limits: plain values (no zod), shared by the server's
 * tables and routes and by the web (the light survey page included).
 */

/** Where a measurement is in its life. */
export const MEASUREMENT_STATUSES = ['draft', 'open', 'closed'] as const;
/** Where a measurement is in its life. */
export type MeasurementStatus = (typeof MEASUREMENT_STATUSES)[number];

/** What a measurement asks: the network questions, or an implementation item set. */
export const MEASUREMENT_KINDS = ['network', 'implementation'] as const;
/** What a measurement asks. */
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];

/** The arms of a semi-randomised design. */
export const ARMS = ['intervention', 'kontrol'] as const;
/** An arm of a semi-randomised design. */
export type Arm = (typeof ARMS)[number];

/** What a measurement's groups are: units, or professions across units. */
export const GROUP_KINDS = ['unit', 'profession'] as const;
/** What a measurement's groups are. */
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Who hands work on (sender) and who receives it (receiver), for the hand-on comparison. */
export const FLOWS = ['sender', 'receiver'] as const;
/** Whether a group hands work on or receives it. */
export type Flow = (typeof FLOWS)[number];

/** The kinds of focal process, so that like measurements can be benchmarked together. */
export const FOCAL_KINDS = [
  'dobbeltdiagnose',
  'udsatte-unge',
  'beskaeftigelse',
  'familier',
  'andet',
] as const;
/** The kind of a focal process. */
export type FocalKind = (typeof FOCAL_KINDS)[number];

/** Longest group key (a unit id or a profession): an answer's `target` holds at most 40. */
export const MAX_GROUP_KEY_LENGTH = 40;

/** The scores of the answer scale, 1 (lowest) to 5. */
export const ANSWER_SCORES = [1, 2, 3, 4, 5] as const;
/** An answer: a score, `'dk'` for "ved ikke", or `null` (none, or cleared). */
export type AnswerValue = (typeof ANSWER_SCORES)[number] | 'dk' | null;

/** The most answers one survey save may carry. */
export const MAX_ANSWERS_PER_SAVE = 500;

/** An item's wording in both languages; `{xx}` stands for the focal work process. */
export interface ItemText {
  da: string;
  en: string;
}
/** The wording of every item of a measurement, by item key. */
export type ItemTexts = Record<string, ItemText>;
