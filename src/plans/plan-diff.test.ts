import { describe, expect, it } from 'vitest';
import { affectedParties, diffPlans } from './plan-diff.js';
import type { Plan, PlanAction } from './plan.js';

const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
const G1 = '00000000-0000-4000-8000-0000000000a1';
const G2 = '00000000-0000-4000-8000-0000000000a2';
const A1 = '00000000-0000-4000-8000-0000000000b1';
const A2 = '00000000-0000-4000-8000-0000000000b2';
const P1 = '00000000-0000-4000-8000-0000000000c1';
const P2 = '00000000-0000-4000-8000-0000000000c2';

const action = (id: string, extra: Partial<PlanAction> = {}): PlanAction => ({
  id,
  text: 'Behandling',
  responsiblePartyId: P1,
  law: 'serviceloven',
  paragraph: '§ 101',
  start: '2026-12-01',
  end: '2027-03-01',
  status: 'planlagt',
  ...extra,
});

const base = (): Plan => ({
  parts: [
    {
      memberId: M1,
      dreams: 'Eget sted at bo',
      goal: 'Stabil hverdag',
      subGoals: [
        {
          id: G1,
          text: 'Behandling',
          actions: [action(A1), action(A2, { responsiblePartyId: P2 })],
        },
      ],
    },
  ],
});

describe('diffPlans', () => {
  it('finds nothing between equal plans, and treats missing and empty optional text alike', () => {
    expect(diffPlans(base(), base())).toEqual([]);
    const after = base();
    after.parts[0]!.subGoals[0]!.actions[0]!.statusReason = '';
    expect(diffPlans(base(), after)).toEqual([]);
  });

  it('reports changed fields of the part, sub-goals and actions by id', () => {
    const after = base();
    after.parts[0]!.goal = 'Arbejde';
    after.parts[0]!.subGoals[0]!.text = 'Behandling og bolig';
    after.parts[0]!.subGoals[0]!.actions[0]!.status = 'opgivet';
    after.parts[0]!.subGoals[0]!.actions[0]!.statusReason = 'Flyttet';
    expect(diffPlans(base(), after)).toEqual([
      { kind: 'changed', memberId: M1, path: 'goal', before: 'Stabil hverdag', after: 'Arbejde' },
      {
        kind: 'changed',
        memberId: M1,
        path: `subGoals[${G1}].text`,
        before: 'Behandling',
        after: 'Behandling og bolig',
      },
      {
        kind: 'changed',
        memberId: M1,
        path: `actions[${A1}].status`,
        before: 'planlagt',
        after: 'opgivet',
      },
      {
        kind: 'changed',
        memberId: M1,
        path: `actions[${A1}].statusReason`,
        before: null,
        after: 'Flyttet',
      },
    ]);
  });

  it('reports added and removed sub-goals, actions and parts, and moved actions', () => {
    const after = base();
    const [first, second] = after.parts[0]!.subGoals[0]!.actions as [PlanAction, PlanAction];
    after.parts[0]!.subGoals = [
      { id: G1, text: 'Behandling', actions: [] },
      { id: G2, text: 'Bolig', actions: [first] },
    ];
    after.parts.push({ memberId: M2, dreams: '', goal: 'Skole', subGoals: [] });
    const changes = diffPlans(base(), after);
    expect(changes).toContainEqual({
      kind: 'added',
      memberId: M1,
      path: `subGoals[${G2}]`,
      before: null,
      after: 'Bolig',
    });
    expect(changes).toContainEqual({
      kind: 'changed',
      memberId: M1,
      path: `actions[${A1}].subGoal`,
      before: G1,
      after: G2,
    });
    expect(changes).toContainEqual({
      kind: 'removed',
      memberId: M1,
      path: `actions[${A2}]`,
      before: second.text,
      after: null,
    });
    expect(changes).toContainEqual({
      kind: 'added',
      memberId: M2,
      path: 'part',
      before: null,
      after: M2,
    });
    expect(changes).toContainEqual({
      kind: 'changed',
      memberId: M2,
      path: 'goal',
      before: null,
      after: 'Skole',
    });
    const back = diffPlans(after, base());
    expect(back).toContainEqual({
      kind: 'removed',
      memberId: M2,
      path: 'part',
      before: M2,
      after: null,
    });
    expect(back).toContainEqual({
      kind: 'removed',
      memberId: M1,
      path: `subGoals[${G2}]`,
      before: 'Bolig',
      after: null,
    });
  });
});

describe('affectedParties', () => {
  it('is empty when no action changed, even if the goal did', () => {
    const after = base();
    after.parts[0]!.goal = 'Nyt mål';
    expect(affectedParties(base(), after)).toEqual(new Set());
  });

  it('names the responsible party of added, removed and changed actions, old and new', () => {
    const changed = base();
    changed.parts[0]!.subGoals[0]!.actions[0]!.responsiblePartyId = P2;
    expect(affectedParties(base(), changed)).toEqual(new Set([P1, P2]));
    const removed = base();
    removed.parts[0]!.subGoals[0]!.actions.pop();
    expect(affectedParties(base(), removed)).toEqual(new Set([P2]));
    expect(affectedParties({ parts: [] }, base())).toEqual(new Set([P1, P2]));
  });
});
