import { describe, expect, it } from 'vitest';
import { addMonths, dueOccasion, occasionsOf } from './occasions.js';

describe('progression occasions', () => {
  it('adds months and keeps the last day of short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });

  it('lists start, every six months and closure', () => {
    const open = occasionsOf('2026-01-10', 6, '2027-02-01', null);
    expect(open.passed.map((o) => o.key)).toEqual(['start', 'm6', 'm12']);
    expect(open.next).toEqual({ key: 'm18', due: '2027-07-10' });
    const closed = occasionsOf('2026-01-10', 6, '2027-02-01', '2026-09-01');
    expect(closed.passed.map((o) => o.key)).toEqual(['start', 'm6', 'afslutning']);
    expect(closed.next).toBeNull();
    expect(occasionsOf('2026-05-01', 6, '2026-04-01', null)).toEqual({
      passed: [],
      next: { key: 'start', due: '2026-05-01' },
    });
  });

  it('makes only the latest unanswered occasion due', () => {
    const { passed } = occasionsOf('2026-01-10', 6, '2026-08-01', null);
    expect(dueOccasion(passed, new Set())?.key).toBe('m6');
    expect(dueOccasion(passed, new Set(['m6']))).toBeNull();
    expect(dueOccasion([], new Set())).toBeNull();
  });
});
