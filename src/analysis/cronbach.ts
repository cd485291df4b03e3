/**
 * Cronbach's alpha of one scale.
 *
 * Source: ANALYSIS.md "Comparisons": rows are response units with every item of the scale
 * scored (RK: respondent–target pairs, self-ties included; leadership: respondents;
 * citizen: citizen answers), and with sample variances (n − 1)
 *   α = k/(k − 1) · (1 − Σᵢ var(itemᵢ) / var(row sum)).
 * α is `null` when there are fewer than two rows, fewer than two items, or the row sums do
 * not vary (var(row sum) = 0). Computed in two passes, so row order changes α only by
 * rounding.
 */

/** Cronbach's alpha with the number of complete rows and of items. */
export interface AlphaResult {
  alpha: number | null;
  rows: number;
  k: number;
}

/** Cronbach's alpha of complete rows, each holding the `k` item scores of one response unit. */
export function cronbachAlpha(rows: readonly (readonly number[])[], k: number): AlphaResult {
  const n = rows.length;
  const result: AlphaResult = { alpha: null, rows: n, k };
  if (n < 2 || k < 2) return result;
  const itemMeans = new Array<number>(k).fill(0);
  let sumMean = 0;
  for (const row of rows) {
    if (row.length !== k) throw new RangeError(`every row must have ${k} items`);
    let total = 0;
    for (let i = 0; i < k; i++) {
      const value = row[i]!;
      itemMeans[i]! += value;
      total += value;
    }
    sumMean += total;
  }
  for (let i = 0; i < k; i++) itemMeans[i]! /= n;
  sumMean /= n;
  const itemSs = new Array<number>(k).fill(0);
  let sumSs = 0;
  for (const row of rows) {
    let total = 0;
    for (let i = 0; i < k; i++) {
      const value = row[i]!;
      const d = value - itemMeans[i]!;
      itemSs[i]! += d * d;
      total += value;
    }
    const d = total - sumMean;
    sumSs += d * d;
  }
  if (!(sumSs > 0)) return result;
  let itemSsTotal = 0;
  for (const ss of itemSs) itemSsTotal += ss;
  // The (n − 1) denominators of the variances cancel in the ratio.
  result.alpha = (k / (k - 1)) * (1 - itemSsTotal / sumSs);
  return result;
}
