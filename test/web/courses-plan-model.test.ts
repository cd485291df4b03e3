/**
 * The pure helpers of the course pages: the early CPR check, the plan checks before a
 * save, the parts per member, and the merge after a conflicting save.
 */
import { describe, expect, test } from 'vitest';
import { cprProblem, errorFields } from '../../web/src/courses/course-form-help.js';
import type { Member, Plan, PlanAction } from '../../web/src/courses/courses-api.js';
import { ApiError } from '../../web/src/api/client.js';
import {
  cleanPlan,
  mergePlans,
  newId,
  planProblems,
  withParts,
} from '../../web/src/courses/plan-model.js';

const MOTHER = '11111111-1111-4111-8111-111111111111';
const CHILD = '22222222-2222-4222-8222-222222222222';
const members: Member[] = [
  { id: MOTHER, name: 'Mette', relation: 'borger', cprMasked: null },
  { id: CHILD, name: 'Oliver', relation: 'barn', cprMasked: null },
];

const action = (change: Partial<PlanAction> = {}): PlanAction => ({
  id: newId(),
  text: 'Praktik',
  responsiblePartyId: '33333333-3333-4333-8333-333333333333',
  law: 'LAB',
  paragraph: '',
  start: '2026-03-01',
  end: '2026-09-01',
  status: 'planlagt',
  statusReason: '',
  ...change,
});

const planWith = (dreams: [string, string], goal: [string, string]): Plan => ({
  parts: [
    { memberId: MOTHER, dreams: dreams[0], goal: goal[0], subGoals: [] },
    { memberId: CHILD, dreams: dreams[1], goal: goal[1], subGoals: [] },
  ],
});

describe('cprProblem', () => {
  test('refuses a wrong format and an impossible date', () => {
    expect(cprProblem('12345')).toBe('format');
    expect(cprProblem('010190-12345')).toBe('format');
    expect(cprProblem('320190-1234')).toBe('date');
    expect(cprProblem('290201-1234')).toBe('date'); // 1901 was no leap year
  });

  test('takes the century from the 7th digit', () => {
    expect(cprProblem('010190-1234')).toBeUndefined();
    expect(cprProblem('0101151234')).toBeUndefined();
    expect(cprProblem('290200-4234')).toBeUndefined(); // 2000 was a leap year
    expect(cprProblem('290200-1234')).toBe('date'); // 1900 was not
  });
});

describe('errorFields', () => {
  test('reads the fields of a validation error and of details.field', () => {
    const zod = new ApiError(
      400,
      'validation_failed',
      { da: '', en: '' },
      {
        issues: [{ path: 'citizen.cpr', message: 'invalid' }],
      },
    );
    expect(errorFields(zod)).toEqual(['citizen.cpr']);
    const app = new ApiError(400, 'bad_request', { da: '', en: '' }, { field: 'members[1].cpr' });
    expect(errorFields(app)).toEqual(['members.1.cpr']);
    expect(errorFields(undefined)).toEqual([]);
  });
});

describe('planProblems', () => {
  test('names each problem at its field', () => {
    const missing = action({ responsiblePartyId: '', text: ' ' });
    const backwards = action({ start: '2026-09-01', end: '2026-03-01' });
    const abandoned = action({ status: 'opgivet', statusReason: '' });
    const plan: Plan = {
      parts: [
        {
          memberId: MOTHER,
          dreams: 'x'.repeat(10_001),
          goal: '',
          subGoals: [{ id: 'sg', text: '', actions: [missing, backwards, abandoned] }],
        },
      ],
    };
    const problems = planProblems(plan);
    expect(Object.fromEntries(problems)).toEqual({
      [`${MOTHER}.dreams`]: 'text.tooLong',
      'sg.text': 'text.missing',
      [`${missing.id}.text`]: 'text.missing',
      [`${missing.id}.responsible`]: 'responsible.missing',
      [`${backwards.id}.end`]: 'end.beforeStart',
      [`${abandoned.id}.reason`]: 'reason.missing',
    });
  });

  test('finds nothing in a good plan', () => {
    const plan: Plan = {
      parts: [
        {
          memberId: MOTHER,
          dreams: '<b>mine</b>',
          goal: 'Job',
          subGoals: [{ id: 'sg', text: 'Afklaring', actions: [action({ end: null })] }],
        },
      ],
    };
    expect(planProblems(plan).size).toBe(0);
  });
});

describe('withParts and cleanPlan', () => {
  test('an individual course has the citizen part, a family course one per member', () => {
    expect(withParts({ parts: [] }, members, false).parts.map((p) => p.memberId)).toEqual([MOTHER]);
    expect(withParts({ parts: [] }, members, true).parts.map((p) => p.memberId)).toEqual([
      MOTHER,
      CHILD,
    ]);
  });

  test('empty dates become null and a reason is only sent for abandoned actions', () => {
    const plan: Plan = {
      parts: [
        {
          memberId: MOTHER,
          dreams: '',
          goal: '',
          subGoals: [
            { id: 'sg', text: 't', actions: [action({ start: '', end: '', statusReason: 'x' })] },
          ],
        },
      ],
    };
    const cleaned = cleanPlan(plan).parts[0]?.subGoals[0]?.actions[0];
    expect(cleaned?.start).toBeNull();
    expect(cleaned?.end).toBeNull();
    expect(cleaned && 'statusReason' in cleaned).toBe(false);
    expect(cleaned && 'paragraph' in cleaned).toBe(false);
  });
});

describe('mergePlans', () => {
  const base = planWith(['a', 'b'], ['A', 'B']);

  test('keeps my changes and takes theirs where I changed nothing', () => {
    const mine = planWith(['a', 'b'], ['A mine', 'B']);
    const theirs = planWith(['a', 'b theirs'], ['A', 'B theirs']);
    const merged = mergePlans(base, mine, theirs);
    expect(merged.plan).toEqual(planWith(['a', 'b theirs'], ['A mine', 'B theirs']));
    expect(merged.overlaps).toBe(0);
  });

  test('counts fields we both changed differently, and keeps mine there', () => {
    const mine = planWith(['a mine', 'b'], ['A', 'B']);
    const theirs = planWith(['a theirs', 'b'], ['A', 'B']);
    const merged = mergePlans(base, mine, theirs);
    expect(merged.plan.parts[0]?.dreams).toBe('a mine');
    expect(merged.overlaps).toBe(1);
  });
});
