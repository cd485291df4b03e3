/**
 * Difference in differences between an intervention and a control arm over two waves.
 *
 * Source: ANALYSIS.md "Comparisons", over respondent scores R(r):
 *   did = (Ī_after − Ī_before) − (C̄_after − C̄_before),
 *   se = √Σᵢ sᵢ²/nᵢ over the four cells,
 *   df = (Σᵢ sᵢ²/nᵢ)² / Σᵢ ((sᵢ²/nᵢ)²/(nᵢ − 1))  (Welch–Satterthwaite for four groups),
 *   95 % CI = did ± t₀.₉₇₅,df · se, two-sided p of did/se with df.
 * The cells are independent samples (answers are anonymous, so waves are not paired).
 *
 * Degenerate cases give `null`: did needs all four means; se needs every cell to have at
 * least two values; df, ci and p need se > 0.
 */
import type { DidCell, DidResult } from '../../contract/analysis.schema.js';
import { sdOf, summarize, tInference, welchSatterthwaite, type GroupSummary } from './stats.js';

export type { DidCell, DidResult } from '../../contract/analysis.schema.js';

/** The four cells, by arm and by wave (`before` = first wave, `after` = second). */
export interface DidCells<T> {
  intervention: { before: T; after: T };
  kontrol: { before: T; after: T };
}

function cellOf(summary: GroupSummary): DidCell {
  return { mean: summary.mean, sd: sdOf(summary.variance), n: summary.n };
}

/** Difference in differences from the four cells' summaries (n, mean, sample variance). */
export function didFromSummaries(
  from: string,
  to: string,
  cells: DidCells<GroupSummary>,
): DidResult {
  const all = [
    cells.intervention.before,
    cells.intervention.after,
    cells.kontrol.before,
    cells.kontrol.after,
  ];
  const result: DidResult = {
    did: null,
    se: null,
    df: null,
    ci: null,
    p: null,
    from,
    to,
    cells: {
      intervention: {
        before: cellOf(cells.intervention.before),
        after: cellOf(cells.intervention.after),
      },
      kontrol: { before: cellOf(cells.kontrol.before), after: cellOf(cells.kontrol.after) },
    },
    suppressed: false,
  };
  const ib = cells.intervention.before.mean;
  const ia = cells.intervention.after.mean;
  const cb = cells.kontrol.before.mean;
  const ca = cells.kontrol.after.mean;
  if (ib === null || ia === null || cb === null || ca === null) return result;
  const did = ia - ib - (ca - cb);
  result.did = did;
  const spread = welchSatterthwaite(all);
  if (spread === null) return result;
  result.se = spread.se;
  if (spread.df === null) return result;
  return { ...result, df: spread.df, ...tInference(did, spread.se, spread.df) };
}

/** Difference in differences from the four cells' raw values. */
export function differenceInDifferences(
  from: string,
  to: string,
  cells: DidCells<readonly number[]>,
): DidResult {
  return didFromSummaries(from, to, {
    intervention: {
      before: summarize(cells.intervention.before),
      after: summarize(cells.intervention.after),
    },
    kontrol: { before: summarize(cells.kontrol.before), after: summarize(cells.kontrol.after) },
  });
}
