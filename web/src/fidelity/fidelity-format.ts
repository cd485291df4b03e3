/** How the fidelity pages write a score. */

/** A 0–1 score as a whole percentage, or `none` when there is no score. */
export const percent = (score: number | null, none: string) =>
  score === null ? none : `${Math.round(score * 100)} %`;
