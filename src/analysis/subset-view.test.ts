import { describe, expect, it } from 'vitest';
import { analyze, collectWaves } from './analyze.js';
import type { Answer } from './answer.js';
import { RK_ITEMS } from './answer.js';
import { analyzeRoleView } from './subset-view.js';
import { summarizeWave } from './wave-summary.js';

/** Unit A: `leaders` leaders and `employees` employees, all rating B; B's 6 employees rate A. */
function answers(leaders: number, employees: number): Answer[] {
  const list: Answer[] = [];
  const add = (
    respondent: string,
    unit: string,
    role: 'leder' | 'medarbejder',
    target: string,
    value: number,
  ) => {
    for (const item of RK_ITEMS)
      list.push({ respondent, unit, role, target, item, value, wave: '1', arm: '', case: '' });
  };
  for (let i = 0; i < leaders; i++) add(`al${i}`, 'A', 'leder', 'B', 5);
  for (let i = 0; i < employees; i++) add(`ae${i}`, 'A', 'medarbejder', 'B', 2);
  for (let i = 0; i < 6; i++) add(`be${i}`, 'B', 'medarbejder', 'A', 3);
  return list;
}

const summaries = (list: Answer[]) => collectWaves(list).map(summarizeWave);
const view = (all: Answer[], role: 'leder' | 'medarbejder') =>
  analyzeRoleView(
    summaries(all),
    {
      leder: summaries(all.filter((a) => a.role === 'leder')),
      medarbejder: summaries(all.filter((a) => a.role === 'medarbejder')),
    },
    role,
  ).waves[0]!;

describe('analyzeRoleView', () => {
  it('shows a filtered tie when both it and the part left out are big enough', () => {
    const tie = view(answers(5, 6), 'medarbejder').ties.find((t) => t.from === 'A')!;
    expect(tie.suppressed).toBe(false);
    expect(tie.score).toBe(2);
  });

  it('withholds a filtered tie whose left-out part is smaller than the minimum (subtraction)', () => {
    // 6 employees are shown, but the full tie has 6 + 2 leaders: full − view = 2 leaders.
    const all = answers(2, 6);
    expect(analyze(all).waves[0]!.ties.find((t) => t.from === 'A')!.suppressed).toBe(false);
    const tie = view(all, 'medarbejder').ties.find((t) => t.from === 'A')!;
    expect(tie.suppressed).toBe(true);
    expect(tie.score).toBeNull();
    expect(tie.dimensions.respekt).toBeNull();
  });

  it('keeps a view tie that covers the whole full tie (nothing left out)', () => {
    const tie = view(answers(2, 6), 'medarbejder').ties.find((t) => t.from === 'B')!;
    expect(tie.suppressed).toBe(false);
    expect(tie.n).toBe(6);
  });

  it('never shows a figure whose left-out part is between 1 and minGroup − 1', () => {
    for (let leaders = 0; leaders <= 8; leaders++) {
      for (let employees = 0; employees <= 8; employees++) {
        const all = answers(leaders, employees);
        const full = analyze(all).waves[0]!;
        for (const role of ['leder', 'medarbejder'] as const) {
          if (!all.some((a) => a.role === role)) continue;
          for (const tie of view(all, role).ties) {
            if (tie.suppressed) continue;
            const whole = full.ties.find((t) => t.from === tie.from && t.to === tie.to)!;
            const rest = (whole.n ?? 0) - (tie.n ?? 0);
            expect(rest === 0 || rest >= 5).toBe(true);
            expect(tie.n).toBeGreaterThanOrEqual(5);
          }
        }
      }
    }
  });
});
