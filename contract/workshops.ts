/** Plain values of dialogue workshops (no zod), shared by the server and the web. */

/** The room's colours of a tie: grøn / gul / rød. */
export const WORKSHOP_RATINGS = ['good', 'middle', 'low'] as const;
/** The room's colour of a tie. */
export type WorkshopRating = (typeof WORKSHOP_RATINGS)[number];

/** The canvas in logical units; the server checks positions against the same bounds. */
export const CANVAS = { width: 1000, height: 600 } as const;
