import { describe, expect, it } from 'vitest';
import type { ImplementationItem } from '../../contract/implementation.js';
import {
  decideDisclosure,
  findExposedSet,
  implementationReport,
  isComputable,
  type ImplementationResponse,
} from './implementation-report.js';

const item: ImplementationItem = { key: 'q', element: 'plan', scale: 'enig', da: 'Q', en: 'Q' };

/** `n` respondents of one unit and role, answering the item with the given values in turn. */
const people = (
  unitId: string,
  role: 'leder' | 'medarbejder',
  values: (number | 'dk')[],
): ImplementationResponse[] => values.map((v) => ({ unitId, role, answers: new Map([['q', v]]) }));

describe('implementationReport', () => {
  it('gives percent per option (Meget enig … Meget uenig, Ved ikke) with n', () => {
    // Unit A: 8 employees, 2 leaders; unit B: 5 employees.
    const responses = [
      ...people('A', 'medarbejder', [5, 5, 4, 4, 4, 3, 2, 'dk']),
      ...people('A', 'leder', [5, 1]),
      ...people('B', 'medarbejder', [4, 4, 4, 'dk', 'dk']),
    ];
    const report = implementationReport([item], ['A', 'B'], responses, 5);
    const rows = Object.fromEntries(report.items[0]!.rows.map((r) => [r.groupKey, r]));
    // Everyone: 15 answers. 5: 3, 4: 6, 3: 1, 2: 1, 1: 1, dk: 3.
    expect(rows.total).toEqual({ groupKey: 'total', n: 15, percent: [20, 40, 6.7, 6.7, 6.7, 20] });
    expect(rows['unit:A']).toEqual({
      groupKey: 'unit:A',
      n: 10,
      percent: [30, 30, 10, 10, 10, 10],
    });
    expect(rows['unit:B']!.percent).toEqual([0, 60, 0, 0, 0, 40]);
    // 2 leaders are under 5; the employees (13) are then the whole minus them: hidden too.
    const groups = Object.fromEntries(report.groups.map((g) => [g.key, g]));
    expect(groups['role:leder']).toMatchObject({ n: null, suppressedReason: 'small' });
    expect(groups['role:medarbejder']).toMatchObject({
      n: null,
      suppressedReason: 'complementary',
    });
    expect(rows['role:medarbejder']).toEqual({
      groupKey: 'role:medarbejder',
      n: null,
      percent: null,
    });
    expect(groups.total!.suppressed).toBe(false);
  });

  it('counts only complete answer sets', () => {
    const other: ImplementationItem = { ...item, key: 'r' };
    const responses = [
      ...people('A', 'medarbejder', [5, 5, 5, 5, 5]).map((r) => ({
        ...r,
        answers: new Map([...r.answers, ['r', 3 as const]]),
      })),
      ...people('A', 'medarbejder', [1]),
    ];
    const report = implementationReport([item, other], ['A'], responses, 5);
    expect(report.items[0]!.rows[0]).toMatchObject({ n: 5, percent: [100, 0, 0, 0, 0, 0] });
  });
});

describe('decideDisclosure', () => {
  it('stops a subtraction across the unit and the role cut', () => {
    // A: 2 leaders + 2 employees (4), B: 3 employees, C: 10 employees, D: 8 leaders.
    // Leaders (10) and employees (15) are both over 5, and the hidden units A and B hold 7
    // together, so the classic partition rule is content; but leaders − D = A's 2 leaders.
    const cells = [
      { unit: 'A', role: 'leder', n: 2 },
      { unit: 'A', role: 'medarbejder', n: 2 },
      { unit: 'B', role: 'leder', n: 0 },
      { unit: 'B', role: 'medarbejder', n: 3 },
      { unit: 'C', role: 'leder', n: 0 },
      { unit: 'C', role: 'medarbejder', n: 10 },
      { unit: 'D', role: 'leder', n: 8 },
      { unit: 'D', role: 'medarbejder', n: 0 },
    ];
    const all = cells.map((_, i) => i);
    const figures = [
      { key: 'total', cut: 'total' as const, cells: all },
      ...['A', 'B', 'C', 'D'].map((u) => ({
        key: `unit:${u}`,
        cut: 'unit' as const,
        cells: all.filter((i) => cells[i]!.unit === u),
      })),
      ...['leder', 'medarbejder'].map((r) => ({
        key: `role:${r}`,
        cut: 'role' as const,
        cells: all.filter((i) => cells[i]!.role === r),
      })),
    ];
    const classic = figures.filter((f) => !['unit:A', 'unit:B'].includes(f.key));
    expect(findExposedSet(cells, classic, 5)).toEqual([0]);
    expect(isComputable(cells, classic, [0])).toBe(true);

    const hidden = decideDisclosure(cells, figures, 5);
    expect(hidden.get('unit:A')).toBe('small');
    expect(hidden.get('unit:B')).toBe('small');
    expect(hidden.size).toBe(3);
    const shown = figures.filter((f) => !hidden.has(f.key));
    expect(findExposedSet(cells, shown, 5)).toBeUndefined();
    // Every small cell on its own stays out of reach.
    for (const cell of [0, 1, 3]) expect(isComputable(cells, shown, [cell])).toBe(false);
  });

  it('hides the other role rather than a unit when one role is small', () => {
    const cells = [
      { unit: 'A', role: 'leder', n: 1 },
      { unit: 'A', role: 'medarbejder', n: 5 },
      { unit: 'B', role: 'leder', n: 0 },
      { unit: 'B', role: 'medarbejder', n: 6 },
    ];
    const all = [0, 1, 2, 3];
    const hidden = decideDisclosure(
      cells,
      [
        { key: 'total', cut: 'total', cells: all },
        { key: 'unit:A', cut: 'unit', cells: [0, 1] },
        { key: 'unit:B', cut: 'unit', cells: [2, 3] },
        { key: 'role:leder', cut: 'role', cells: [0, 2] },
        { key: 'role:medarbejder', cut: 'role', cells: [1, 3] },
      ],
      5,
    );
    expect([...hidden]).toEqual([
      ['role:leder', 'small'],
      ['role:medarbejder', 'complementary'],
    ]);
  });

  it('hides everything when the whole is under the minimum', () => {
    const cells = [
      { unit: 'A', role: 'leder', n: 1 },
      { unit: 'A', role: 'medarbejder', n: 3 },
    ];
    const hidden = decideDisclosure(
      cells,
      [
        { key: 'total', cut: 'total', cells: [0, 1] },
        { key: 'unit:A', cut: 'unit', cells: [0, 1] },
        { key: 'role:leder', cut: 'role', cells: [0] },
        { key: 'role:medarbejder', cut: 'role', cells: [1] },
      ],
      5,
    );
    expect(hidden.size).toBe(4);
  });
});
