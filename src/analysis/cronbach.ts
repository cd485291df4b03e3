/**
 * Cronbach's alpha of one scale.
 *
 * Source: ANALYSIS.md "Comparisons": rows are response units with every item of the scale
 * scored (RK: respondent–target pairs, self-ties included; leadership: respondents;
 * citizen: citizen answers), and with sample variances (n − 1)
 *   α = k/(k − 1) · (1 − Σᵢ var(itemᵢ) / var(row sum)).
 * α is `null` when there are fewer than two rows, fewer than two items, or the row sums do
 * not vary (var(row sum) = 0).
 *
 * Alpha is computed from moments (per item Σx and Σx², and Σ and Σ² of the row sums),
 * which add up over any split of the rows, so the database can sum them over millions of
 * rows and send one line. With n·var = n·Σx² − (Σx)², every sum of the integer scores 1–5
 * is an exact integer in a double (up to about 10⁷ rows), so α is exact up to its last
 * division and does not depend on the order of the rows.
 */

/** Cronbach's alpha with the number of complete rows and of items. */
export interface AlphaResult {
  alpha: number | null;
  rows: number;
  k: number;
}

/** The sums alpha needs over a set of complete rows of `k` item scores. */
export interface AlphaMoments {
  rows: number;
  /** Per item: Σ score. */
  itemSum: number[];
  /** Per item: Σ score². */
  itemSumSq: number[];
  /** Σ row sum. */
  totalSum: number;
  /** Σ row sum². */
  totalSumSq: number;
}

/** Moments of no rows of `k` items. */
export function emptyMoments(k: number): AlphaMoments {
  return {
    rows: 0,
    itemSum: new Array<number>(k).fill(0),
    itemSumSq: new Array<number>(k).fill(0),
    totalSum: 0,
    totalSumSq: 0,
  };
}

/** Adds one complete row (its `k` item scores) to the moments. */
export function addMomentsRow(moments: AlphaMoments, row: readonly number[]): void {
  const k = moments.itemSum.length;
  if (row.length !== k) throw new RangeError(`every row must have ${k} items`);
  let total = 0;
  for (let i = 0; i < k; i++) {
    const value = row[i]!;
    moments.itemSum[i]! += value;
    moments.itemSumSq[i]! += value * value;
    total += value;
  }
  moments.rows++;
  moments.totalSum += total;
  moments.totalSumSq += total * total;
}

/** Cronbach's alpha from the moments of the complete rows of a `k`-item scale. */
export function alphaFromMoments(moments: AlphaMoments, k: number): AlphaResult {
  const n = moments.rows;
  const result: AlphaResult = { alpha: null, rows: n, k };
  if (n < 2 || k < 2) return result;
  // n·SS = n·Σx² − (Σx)²; the factors n and (n − 1) cancel in the ratio.
  const sumSs = n * moments.totalSumSq - moments.totalSum * moments.totalSum;
  if (!(sumSs > 0)) return result;
  let itemSs = 0;
  for (let i = 0; i < k; i++) {
    itemSs += n * moments.itemSumSq[i]! - moments.itemSum[i]! * moments.itemSum[i]!;
  }
  result.alpha = (k / (k - 1)) * (1 - itemSs / sumSs);
  return result;
}

/** Cronbach's alpha of complete rows, each holding the `k` item scores of one response unit. */
export function cronbachAlpha(rows: readonly (readonly number[])[], k: number): AlphaResult {
  const moments = emptyMoments(k);
  for (const row of rows) addMomentsRow(moments, row);
  return alphaFromMoments(moments, k);
}
