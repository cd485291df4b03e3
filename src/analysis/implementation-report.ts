/**
 * The implementation survey's report (docs/implementation.md): per item, the percentage of
 * each answer option with n, for everyone, per unit and per role, under one disclosure
 * rule. Pure: the service gives it the submitted answer sets of a closed survey.
 *
 * The rule: no set of 1 … minGroup − 1 respondents may have its answers computable from
 * the figures shown, by any sums and differences of them, even by someone who knows how
 * many respondents each unit has in each role. Each figure is a sum over cells (unit ×
 * role); a set of cells is computable exactly when its indicator lies in the row space of
 * the shown figures, i.e. is orthogonal to that space's null space. Figures under the
 * minimum are hidden first ("small"); while some small set is still computable, the
 * smallest shown figure that touches it is hidden too ("complementary"), roles before
 * units and the total last. This covers the whole minus its parts, and a unit minus the
 * other role's figure when the unit and role cuts hold the same people.
 */
import {
  IMPLEMENTATION_OPTIONS,
  type ImplementationCut,
  type ImplementationItem,
  type ImplementationOption,
} from '../../contract/implementation.js';
import type { PersonRole } from '../db/tables/person.table.js';

/** One submitted answer set: unit, role and an answer (1–5 or 'dk') per item key. */
export interface ImplementationResponse {
  unitId: string;
  role: PersonRole;
  answers: ReadonlyMap<string, number | 'dk'>;
}

/** A figure of the report: a group of respondents and whether it may be shown. */
export interface ImplementationGroup {
  key: string;
  cut: ImplementationCut;
  /** The unit's id or the role; null for everyone. */
  ref: string | null;
  n: number | null;
  suppressed: boolean;
  suppressedReason: 'small' | 'complementary' | null;
}

/** One group's answers to one item: percent per option (in `IMPLEMENTATION_OPTIONS` order). */
export interface ImplementationRow {
  groupKey: string;
  n: number | null;
  percent: number[] | null;
}

/** The report: the groups and, per item, one row per group. */
export interface ImplementationReportData {
  groups: ImplementationGroup[];
  items: { key: string; rows: ImplementationRow[] }[];
}

/** A cell of the unit × role table and its number of respondents. */
export interface DisclosureCell {
  unit: string;
  role: string;
  n: number;
}

/** A figure offered for publication: its key, cut and the cells it sums. */
export interface DisclosureFigure {
  key: string;
  cut: ImplementationCut;
  cells: number[];
}

/** Search at most this many candidate sets; beyond it, drop the role cut (see below). */
const SEARCH_BUDGET = 200_000;
const EPSILON = 1e-9;

/** A basis of the null space of the figures' matrix (rows: figures, columns: cells). */
function nullSpace(rows: number[][], columns: number): number[][] {
  const m = rows.map((r) => [...r]);
  const pivots: number[] = [];
  let rank = 0;
  for (let c = 0; c < columns && rank < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rank && Math.abs(row[c]!) > EPSILON);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pivotRow = m[rank]!;
    const pivot = pivotRow[c]!;
    for (let k = 0; k < columns; k++) pivotRow[k] = pivotRow[k]! / pivot;
    for (let i = 0; i < m.length; i++) {
      if (i === rank) continue;
      const factor = m[i]![c]!;
      if (Math.abs(factor) > EPSILON)
        for (let k = 0; k < columns; k++) m[i]![k] = m[i]![k]! - factor * pivotRow[k]!;
    }
    pivots.push(c);
    rank++;
  }
  const basis: number[][] = [];
  for (let free = 0; free < columns; free++) {
    if (pivots.includes(free)) continue;
    const v = new Array<number>(columns).fill(0);
    v[free] = 1;
    pivots.forEach((c, i) => (v[c] = -m[i]![free]!));
    basis.push(v);
  }
  return basis;
}

/** The shown figures as rows over the cells that hold anyone, and each cell's column. */
function matrix(cells: readonly DisclosureCell[], shown: readonly DisclosureFigure[]) {
  const live = cells.map((c, i) => i).filter((i) => cells[i]!.n > 0);
  const column = new Map(live.map((cell, j) => [cell, j]));
  const rows = shown.map((f) => {
    const row = new Array<number>(live.length).fill(0);
    for (const cell of f.cells) {
      const j = column.get(cell);
      if (j !== undefined) row[j] = 1;
    }
    return row;
  });
  return { live, column, kernel: nullSpace(rows, live.length) };
}

/** Whether the shown figures give away the sum over this set of cells. */
export function isComputable(
  cells: readonly DisclosureCell[],
  shown: readonly DisclosureFigure[],
  set: readonly number[],
): boolean {
  const { column, kernel } = matrix(cells, shown);
  return kernel.every(
    (z) => Math.abs(set.reduce((sum, cell) => sum + (z[column.get(cell) ?? -1] ?? 0), 0)) < EPSILON,
  );
}

/**
 * A set of cells holding 1 … minGroup − 1 respondents whose sum the shown figures give
 * away, or undefined when there is none; 'budget' when the search was too large to finish.
 */
export function findExposedSet(
  cells: readonly DisclosureCell[],
  shown: readonly DisclosureFigure[],
  minGroup: number,
): number[] | undefined | 'budget' {
  const { live, column, kernel } = matrix(cells, shown);
  const small = live.filter((cell) => cells[cell]!.n < minGroup);
  let budget = SEARCH_BUDGET;
  const sums = new Array<number>(kernel.length).fill(0);
  const chosen: number[] = [];
  // Depth-first over sets of small cells whose respondents stay under the minimum.
  const search = (from: number, size: number): number[] | undefined | 'budget' => {
    for (let s = from; s < small.length; s++) {
      const cell = small[s]!;
      const n = cells[cell]!.n;
      if (size + n >= minGroup) continue;
      if (--budget < 0) return 'budget';
      const j = column.get(cell)!;
      kernel.forEach((z, k) => (sums[k] = sums[k]! + z[j]!));
      chosen.push(cell);
      if (sums.every((v) => Math.abs(v) < EPSILON)) return [...chosen];
      const deeper = search(s + 1, size + n);
      if (deeper !== undefined) return deeper;
      chosen.pop();
      kernel.forEach((z, k) => (sums[k] = sums[k]! - z[j]!));
    }
    return undefined;
  };
  return search(0, 0);
}

const CUT_ORDER: Record<ImplementationCut, number> = { role: 0, unit: 1, total: 2 };

/**
 * Decide which figures are shown: the figure keys hidden, with why. Figures over nobody
 * are shown (as 0); they give nothing away.
 */
export function decideDisclosure(
  cells: readonly DisclosureCell[],
  figures: readonly DisclosureFigure[],
  minGroup: number,
): Map<string, 'small' | 'complementary'> {
  const size = (f: DisclosureFigure) => f.cells.reduce((sum, c) => sum + cells[c]!.n, 0);
  const hidden = new Map<string, 'small' | 'complementary'>();
  for (const f of figures) {
    const n = size(f);
    if (n > 0 && n < minGroup) hidden.set(f.key, 'small');
  }
  for (;;) {
    const shown = figures.filter((f) => !hidden.has(f.key));
    const exposed = findExposedSet(cells, shown, minGroup);
    if (exposed === undefined) return hidden;
    const order = [...shown].sort(
      (a, b) =>
        CUT_ORDER[a.cut] - CUT_ORDER[b.cut] || size(a) - size(b) || (a.key < b.key ? -1 : 1),
    );
    // Too many tiny cells to search: keep only the units' partition of the total, which
    // the classic rule protects on its own, by withholding the role cut.
    const next =
      exposed === 'budget'
        ? (order.find((f) => f.cut === 'role' && size(f) > 0) ?? order[0])
        : // The first figure (roles first, smallest first) whose hiding alone protects the
          // set; else the first that holds part of it.
          (order.find(
            (f) =>
              !isComputable(
                cells,
                shown.filter((g) => g !== f),
                exposed,
              ),
          ) ?? order.find((f) => f.cells.some((c) => exposed.includes(c))));
    if (!next) return hidden;
    hidden.set(next.key, 'complementary');
  }
}

/** Percentages to one decimal, from counts per option. */
function percentages(counts: number[], n: number): number[] {
  return counts.map((c) => Math.round((c / n) * 1000) / 10);
}

/**
 * The report of a closed survey: only complete answer sets count (a submission needs
 * every item), so every item of a group has the same n and one decision serves all items.
 */
export function implementationReport(
  items: readonly ImplementationItem[],
  unitIds: readonly string[],
  responses: readonly ImplementationResponse[],
  minGroup: number,
): ImplementationReportData {
  const complete = responses.filter((r) => items.every((item) => r.answers.has(item.key)));
  const roles = ['leder', 'medarbejder'] as const;
  const units = [...new Set([...unitIds, ...complete.map((r) => r.unitId)])];
  const cells: DisclosureCell[] = units.flatMap((unit) =>
    roles.map((role) => ({
      unit,
      role,
      n: complete.filter((r) => r.unitId === unit && r.role === role).length,
    })),
  );
  const all = cells.map((_, i) => i);
  const figures: DisclosureFigure[] = [
    { key: 'total', cut: 'total', cells: all },
    ...units.map((unit) => ({
      key: `unit:${unit}`,
      cut: 'unit' as const,
      cells: all.filter((i) => cells[i]!.unit === unit),
    })),
    ...roles.map((role) => ({
      key: `role:${role}`,
      cut: 'role' as const,
      cells: all.filter((i) => cells[i]!.role === role),
    })),
  ];
  const hidden = decideDisclosure(cells, figures, minGroup);
  const members = (f: DisclosureFigure) =>
    complete.filter((r) =>
      f.cut === 'total'
        ? true
        : f.cut === 'unit'
          ? `unit:${r.unitId}` === f.key
          : `role:${r.role}` === f.key,
    );
  const groups: ImplementationGroup[] = figures.map((f) => {
    const reason = hidden.get(f.key) ?? null;
    return {
      key: f.key,
      cut: f.cut,
      ref: f.cut === 'total' ? null : f.key.slice(f.key.indexOf(':') + 1),
      n: reason ? null : members(f).length,
      suppressed: reason !== null,
      suppressedReason: reason,
    };
  });
  return {
    groups,
    items: items.map((item) => ({
      key: item.key,
      rows: figures.map((f) => {
        if (hidden.has(f.key)) return { groupKey: f.key, n: null, percent: null };
        const group = members(f);
        const counts = IMPLEMENTATION_OPTIONS.map(
          (option: ImplementationOption) =>
            group.filter((r) => r.answers.get(item.key) === option).length,
        );
        return {
          groupKey: f.key,
          n: group.length,
          percent: group.length === 0 ? null : percentages(counts, group.length),
        };
      }),
    })),
  };
}
