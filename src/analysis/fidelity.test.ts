/** The fidelity checklist's scoring (docs/fidelity.md): known answers, "ved ikke", groups and half-years. */
import { describe, expect, it } from 'vitest';
import { FIDELITY_QUESTIONS } from '../../contract/fidelity.js';
import { combineScores, figureOverTime, halfYearOf, scoreChecklist } from './fidelity.js';

const all = (answer: 'ja' | 'delvist' | 'nej' | 'ved-ikke') =>
  Object.fromEntries(FIDELITY_QUESTIONS.map((q) => [q.id, answer]));

describe('the fidelity checklist', () => {
  it('has nine questions, two or three per core element', () => {
    expect(FIDELITY_QUESTIONS).toHaveLength(9);
    const per = new Map<string, number>();
    for (const q of FIDELITY_QUESTIONS) per.set(q.element, (per.get(q.element) ?? 0) + 1);
    expect([...per.keys()].sort()).toEqual(['indgange', 'maal', 'plan', 'progression']);
    expect([...per.values()].every((n) => n >= 2 && n <= 3)).toBe(true);
    expect(new Set(FIDELITY_QUESTIONS.map((q) => q.id)).size).toBe(9);
  });

  it('scores ja 1, delvist 0.5, nej 0 and leaves "ved ikke" and unanswered out', () => {
    const score = scoreChecklist({
      'plan-samlet': 'ja',
      'plan-borger': 'delvist',
      'plan-bruges': 'ved-ikke',
      'indgange-kender': 'nej',
      'progression-start': 'ja',
      'progression-halvaar': 'ved-ikke',
    });
    expect(score.index).toBe((1 + 0.5 + 0 + 1) / 4);
    expect(score.scored).toBe(4);
    expect(score.dontKnow).toBe(2);
    expect(score.elements).toEqual({
      plan: { score: 0.75, n: 2 },
      indgange: { score: 0, n: 1 },
      progression: { score: 1, n: 1 },
      maal: { score: null, n: 0 },
    });
  });

  it('gives no index when nothing is scored, and 0 or 1 at the ends', () => {
    expect(scoreChecklist(all('ved-ikke')).index).toBeNull();
    expect(scoreChecklist({}).index).toBeNull();
    expect(scoreChecklist(all('ja')).index).toBe(1);
    expect(scoreChecklist(all('nej')).index).toBe(0);
    expect(scoreChecklist(all('delvist')).elements.maal).toEqual({ score: 0.5, n: 2 });
  });

  it('combines checklists with equal weight and counts only those with an index', () => {
    const figure = combineScores([
      scoreChecklist(all('ja')),
      scoreChecklist(all('delvist')),
      scoreChecklist(all('ved-ikke')),
      scoreChecklist({ 'plan-samlet': 'nej' }),
    ]);
    expect(figure.index).toBe((1 + 0.5 + 0) / 3);
    expect(figure.n).toBe(3);
    expect(figure.elements.plan).toEqual({ score: (1 + 0.5 + 0) / 3, n: 3 });
    expect(figure.elements.maal).toEqual({ score: 0.75, n: 2 });
    expect(combineScores([])).toMatchObject({ index: null, n: 0 });
  });

  it('groups by half-year of the occasion, in order', () => {
    expect(halfYearOf('2026-06-30')).toBe('2026-H1');
    expect(halfYearOf('2026-07-01')).toBe('2026-H2');
    const series = figureOverTime([
      { due: '2027-02-01', score: scoreChecklist(all('ja')) },
      { due: '2026-08-01', score: scoreChecklist(all('nej')) },
      { due: '2026-12-31', score: scoreChecklist(all('delvist')) },
    ]);
    expect(series.overall).toMatchObject({ index: 0.5, n: 3 });
    expect(series.periods.map((p) => [p.period, p.figure.index, p.figure.n])).toEqual([
      ['2026-H2', 0.25, 2],
      ['2027-H1', 1, 1],
    ]);
  });
});
