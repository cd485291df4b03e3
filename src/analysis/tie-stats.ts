/**
 * The raw sums of one tie, the unit both the wave summary (which adds answers into them) and
 * the relational capacity formulas (which read them) work on.
 */
/** Raw sums of one directed tie A→B (or a self-tie A→A). */
export interface TieStats {
  from: string;
  to: string;
  /** Respondents of `from` with s(r, to) defined. */
  n: number;
  /** Σ s(r, to) over those respondents. */
  scoreSum: number;
  /** "Ved ikke" answers of `from`'s respondents about `to`. */
  dk: number;
  /** Scored answers of `from`'s respondents about `to`. */
  scored: number;
  /** Per RK item (in `RK_ITEMS` order, `answer.ts`): sum and count of scored answers. */
  dimSum: number[];
  dimN: number[];
}
