/**
 * One answer of the survey, as the analysis core sees it, and the item keys.
 *
 * Source: /work/shared/ANALYSIS.md "Input: one answer" and DOMAIN.md §2.1–2.3.
 * `(respondent r, unit u(r), role(r), target t, item k, value v, wave w, arm a, case c)`.
 * `value` is 1–5, `'dk'` ("ved ikke", never a score) or `null` (a missing answer, which is
 * neither a score nor a "ved ikke").
 */
import type { AnswerProblemCode } from './errors.js';

import {
  CITIZEN_ITEMS,
  LEADERSHIP_ITEMS,
  RK_ITEMS,
  type CitizenItem,
  type LeadershipItem,
  type RkDimension,
} from '../../contract/analysis.js';

// The item keys and their labels live in the contract, which the web shares.
export {
  CITIZEN_ITEMS,
  LEADERSHIP_ITEMS,
  RK_DIMENSION_LABELS,
  RK_ITEMS,
} from '../../contract/analysis.js';
export type { CitizenItem, LeadershipItem, RkDimension } from '../../contract/analysis.js';

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
  return placementProblem(index, answer.target, answer.unit, answer.role);
}

/**
 * The part of {@link answerProblem} that depends on the item's scale: whether the answer
 * has (or lacks) the target, unit and role its item asks for; `index` is in {@link ALL_ITEMS}.
 */
export function placementProblem(
  index: number,
  target: string,
  unit: string,
  role: Role,
): AnswerProblemCode | null {
  const scale = scaleOfIndex(index);
  if (scale === 'rk') {
    if (target === '') return 'missing_target';
  } else if (target !== '') {
    return 'unexpected_target';
  }
  if (scale !== 'borger') {
    if (unit === '') return 'missing_unit';
    if (role === '') return 'missing_role';
  }
  return null;
}
