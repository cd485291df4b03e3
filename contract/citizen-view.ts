/** The values of the citizen's own view of their course that server and web share. No zod. */

/** What a citizen writes to the plan: a comment or a wish. */
export const CITIZEN_MESSAGE_KINDS = ['kommentar', 'oenske'] as const;
export type CitizenMessageKind = (typeof CITIZEN_MESSAGE_KINDS)[number];

/** A citizen-scale answer: 1–5 per item, `dk` for "ved ikke"; skipped items are absent. */
export type CitizenScaleValue = number | 'dk';

/** How many days a personal link lives unless the caseworker chooses otherwise. */
export const DEFAULT_LINK_DAYS = 30;
