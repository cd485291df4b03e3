/**
 * One answer of the survey, as the analysis core sees it, and the item keys.
 *
 * Source: /work/shared/ANALYSIS.md "Input: one answer" and DOMAIN.md §2.1–2.3.
 * `(respondent r, unit u(r), role(r), target t, item k, value v, wave w, arm a, case c)`.
 * `value` is 1–5, `'dk'` ("ved ikke", never a score) or `null` (a missing answer, which is
 * neither a score nor a "ved ikke").
 */
import type { AnswerProblemCode } from './errors.js';

/** The six relational capacity items, asked per partner group, in the instrument's order. */
export const RK_ITEMS = [
  'videndeling',
  'kendskab',
  'samarbejde',
  'problemloesning',
  'innovation',
  'respekt',
] as const;

/** The seven leadership items, asked about one's own leader. */
export const LEADERSHIP_ITEMS = [
  'ledelse1',
  'ledelse2',
  'ledelse3',
  'ledelse4',
  'ledelse5',
  'ledelse6',
  'ledelse7',
] as const;

/** The five citizen items, asked of the citizen. */
export const CITIZEN_ITEMS = ['borger1', 'borger2', 'borger3', 'borger4', 'borger5'] as const;

/** A relational capacity dimension (one RK item). */
export type RkDimension = (typeof RK_ITEMS)[number];
/** A leadership item key. */
export type LeadershipItem = (typeof LEADERSHIP_ITEMS)[number];
/** A citizen item key. */
export type CitizenItem = (typeof CITIZEN_ITEMS)[number];
/** Any item key the analysis knows. */
export type ItemKey = RkDimension | LeadershipItem | CitizenItem;

/** The scale an item belongs to. */
export type Scale = 'rk' | 'ledelse' | 'borger';

/**
 * A respondent's role. `''` is allowed only for respondents who are not staff (a citizen
 * answering the citizen items); staff answers (RK and leadership items) need a role.
 */
export type Role = 'leder' | 'medarbejder' | '';

/** The arm of a semi-randomised design; `''` when the measurement has none. */
export type Arm = 'intervention' | 'kontrol' | '';

/** One answer: a score 1–5, `'dk'` for "ved ikke", or `null` for a missing answer. */
export interface Answer {
  respondent: string;
  unit: string;
  role: Role;
  target: string;
  item: string;
  value: number | 'dk' | null;
  wave: string;
  arm: Arm;
  case: string;
}

/** Danish and English labels of the RK dimensions, for reports. */
export const RK_DIMENSION_LABELS: Readonly<Record<RkDimension, { da: string; en: string }>> = {
  videndeling: { da: 'Videndeling', en: 'Knowledge sharing' },
  kendskab: { da: 'Kendskab', en: "Knowledge of others' work" },
  samarbejde: { da: 'Samarbejde', en: 'Collaboration' },
  problemloesning: { da: 'Problemløsning', en: 'Problem solving' },
  innovation: { da: 'Innovation', en: 'New possibilities' },
  respekt: { da: 'Respekt', en: 'Mutual respect' },
};

/**
 * Every item key with its position: RK items 0–5, leadership 6–12, citizen 13–17.
 * The position doubles as a bit in the duplicate-answer masks.
 */
export const ALL_ITEMS: readonly ItemKey[] = [...RK_ITEMS, ...LEADERSHIP_ITEMS, ...CITIZEN_ITEMS];

const ITEM_INDEX: ReadonlyMap<string, number> = new Map(ALL_ITEMS.map((item, i) => [item, i]));

/** Position of an item key in {@link ALL_ITEMS}, or `undefined` for an unknown key. */
export function itemIndex(item: string): number | undefined {
  return ITEM_INDEX.get(item);
}

/** The scale of the item at a position of {@link ALL_ITEMS}. */
export function scaleOfIndex(index: number): Scale {
  if (index < RK_ITEMS.length) return 'rk';
  if (index < RK_ITEMS.length + LEADERSHIP_ITEMS.length) return 'ledelse';
  return 'borger';
}

/** Whether a value is a score (an integer 1–5). */
export function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * The first thing wrong with one answer on its own, or `null` when it is well formed.
 * Used by both the CSV parser (per row) and `analyze` (per answer), so both accept the same.
 * Rules: respondent and item always required; RK items need a target, unit and role;
 * leadership items need unit and role and no target; citizen items need no target (unit
 * and role may be empty: the respondent is a citizen).
 */
export function answerProblem(answer: Answer): AnswerProblemCode | null {
  if (answer.respondent === '') return 'missing_respondent';
  if (answer.item === '') return 'missing_item';
  const index = ITEM_INDEX.get(answer.item);
  if (index === undefined) return 'unknown_item';
  const value = answer.value;
  if (value !== null && value !== 'dk' && !isScore(value)) return 'invalid_value';
  if (answer.role !== 'leder' && answer.role !== 'medarbejder' && answer.role !== '') {
    return 'invalid_role';
  }
  if (answer.arm !== 'intervention' && answer.arm !== 'kontrol' && answer.arm !== '') {
    return 'invalid_arm';
  }
  const scale = scaleOfIndex(index);
  if (scale === 'rk') {
    if (answer.target === '') return 'missing_target';
  } else if (answer.target !== '') {
    return 'unexpected_target';
  }
  if (scale !== 'borger') {
    if (answer.unit === '') return 'missing_unit';
    if (answer.role === '') return 'missing_role';
  }
  return null;
}
