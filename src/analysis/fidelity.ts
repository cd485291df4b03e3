/**
 * The Én plan implementation index (docs/fidelity.md): a checklist's index is the mean
 * score of its answered items (ja 1, delvist 0.5, nej 0; "ved ikke" and unanswered items
 * left out), and each core element's score the same over its own items. A group of
 * checklists (a unit, the municipality, a half-year) gets the mean of its checklists'
 * indices, each checklist weighing the same, with n = the checklists that have an index.
 * Pure: answers in, numbers out.
 */
import {
  FIDELITY_ELEMENTS,
  FIDELITY_QUESTIONS,
  FIDELITY_SCORES,
  type FidelityAnswer,
  type FidelityElement,
} from '../../contract/fidelity.js';

/** A score between 0 and 1 (null when nothing was scored) and how many values made it. */
export interface FidelityPart {
  score: number | null;
  n: number;
}

/** One checklist's scores. */
export interface ChecklistScore {
  /** Mean of the scored items, 0–1; null when every item is "ved ikke" or unanswered. */
  index: number | null;
  /** Items with a score (ja, delvist, nej). */
  scored: number;
  /** Items answered "ved ikke". */
  dontKnow: number;
  elements: Record<FidelityElement, FidelityPart>;
}

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const part = (values: number[]): FidelityPart => ({ score: mean(values), n: values.length });

/** Score one checklist's answers (unknown question ids are ignored). */
export function scoreChecklist(answers: Partial<Record<string, FidelityAnswer>>): ChecklistScore {
  const all: number[] = [];
  const byElement = new Map<FidelityElement, number[]>(FIDELITY_ELEMENTS.map((e) => [e, []]));
  let dontKnow = 0;
  for (const question of FIDELITY_QUESTIONS) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    if (answer === 'ved-ikke') {
      dontKnow++;
      continue;
    }
    const score = FIDELITY_SCORES[answer];
    all.push(score);
    byElement.get(question.element)!.push(score);
  }
  return {
    index: mean(all),
    scored: all.length,
    dontKnow,
    elements: Object.fromEntries(
      FIDELITY_ELEMENTS.map((e) => [e, part(byElement.get(e)!)]),
    ) as Record<FidelityElement, FidelityPart>,
  };
}

/** A group of checklists' index: the mean of their indices, per element too. */
export interface FidelityFigure {
  index: number | null;
  /** Checklists with an index. */
  n: number;
  elements: Record<FidelityElement, FidelityPart>;
}

/** Combine checklists' scores into one figure; checklists without an index do not count. */
export function combineScores(scores: ChecklistScore[]): FidelityFigure {
  const indices = scores.flatMap((s) => (s.index === null ? [] : [s.index]));
  return {
    index: mean(indices),
    n: indices.length,
    elements: Object.fromEntries(
      FIDELITY_ELEMENTS.map((e) => [
        e,
        part(scores.flatMap((s) => (s.elements[e].score === null ? [] : [s.elements[e].score]))),
      ]),
    ) as Record<FidelityElement, FidelityPart>,
  };
}

/** The half-year of an ISO date, e.g. `2026-H2` (January–June is H1). */
export function halfYearOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-H${month <= 6 ? 1 : 2}`;
}

/** A figure overall and per half-year (ascending), from dated checklist scores. */
export function figureOverTime(checklists: { due: string; score: ChecklistScore }[]): {
  overall: FidelityFigure;
  periods: { period: string; figure: FidelityFigure }[];
} {
  const byPeriod = new Map<string, ChecklistScore[]>();
  for (const c of checklists) {
    const period = halfYearOf(c.due);
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), c.score]);
  }
  return {
    overall: combineScores(checklists.map((c) => c.score)),
    periods: [...byPeriod.keys()]
      .sort()
      .map((period) => ({ period, figure: combineScores(byPeriod.get(period)!) })),
  };
}
