/**
 * Comparing two versions of a plan: what was added, removed or changed, field by field,
 * per member; and which network parties are responsible for an affected action.
 *
 * Sub-goals and actions are matched by id, so a reworded action is a change, not a
 * removal and an addition; an action moved to another sub-goal shows as `subGoal` changed.
 */
import type { Plan, PlanAction, PlanChange } from '../../contract/plans.schema.js';
import { actionsOf } from './plan.js';

const ACTION_FIELDS = [
  'text',
  'responsiblePartyId',
  'law',
  'paragraph',
  'start',
  'end',
  'status',
  'statusReason',
] as const satisfies readonly (keyof PlanAction)[];

const value = (v: string | null | undefined) => (v === undefined || v === '' ? null : v);

function changed(
  changes: PlanChange[],
  memberId: string,
  path: string,
  before: string | null | undefined,
  after: string | null | undefined,
) {
  if (value(before) !== value(after)) {
    changes.push({ kind: 'changed', memberId, path, before: value(before), after: value(after) });
  }
}

/** Every difference from `before` to `after`, parts in `after`'s order, removed parts last. */
export function diffPlans(before: Plan, after: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  const beforeParts = new Map(before.parts.map((p) => [p.memberId, p]));
  const afterParts = new Map(after.parts.map((p) => [p.memberId, p]));
  const memberIds = [
    ...afterParts.keys(),
    ...[...beforeParts.keys()].filter((id) => !afterParts.has(id)),
  ];

  for (const memberId of memberIds) {
    const b = beforeParts.get(memberId);
    const a = afterParts.get(memberId);
    const empty = { memberId, dreams: '', goal: '', subGoals: [] };
    const from = b ?? empty;
    const to = a ?? empty;
    if (!b) changes.push({ kind: 'added', memberId, path: 'part', before: null, after: memberId });
    if (!a)
      changes.push({ kind: 'removed', memberId, path: 'part', before: memberId, after: null });
    changed(changes, memberId, 'dreams', from.dreams, to.dreams);
    changed(changes, memberId, 'goal', from.goal, to.goal);

    const fromGoals = new Map(from.subGoals.map((g) => [g.id, g]));
    const toGoals = new Map(to.subGoals.map((g) => [g.id, g]));
    for (const goal of to.subGoals) {
      const old = fromGoals.get(goal.id);
      if (!old) {
        changes.push({
          kind: 'added',
          memberId,
          path: `subGoals[${goal.id}]`,
          before: null,
          after: goal.text,
        });
      } else changed(changes, memberId, `subGoals[${goal.id}].text`, old.text, goal.text);
    }
    for (const goal of from.subGoals) {
      if (!toGoals.has(goal.id)) {
        changes.push({
          kind: 'removed',
          memberId,
          path: `subGoals[${goal.id}]`,
          before: goal.text,
          after: null,
        });
      }
    }

    const part = (plan: Plan) => actionsOf(plan).filter((a) => a.memberId === memberId);
    const fromActions = new Map(part({ parts: [from] }).map((a) => [a.action.id, a]));
    const toActions = new Map(part({ parts: [to] }).map((a) => [a.action.id, a]));
    for (const [id, { action, subGoalId }] of toActions) {
      const old = fromActions.get(id);
      if (!old) {
        changes.push({
          kind: 'added',
          memberId,
          path: `actions[${id}]`,
          before: null,
          after: action.text,
        });
        continue;
      }
      changed(changes, memberId, `actions[${id}].subGoal`, old.subGoalId, subGoalId);
      for (const field of ACTION_FIELDS) {
        changed(changes, memberId, `actions[${id}].${field}`, old.action[field], action[field]);
      }
    }
    for (const [id, { action }] of fromActions) {
      if (!toActions.has(id)) {
        changes.push({
          kind: 'removed',
          memberId,
          path: `actions[${id}]`,
          before: action.text,
          after: null,
        });
      }
    }
  }
  return changes;
}

/**
 * The parties responsible for an action that was added, removed or changed: for a
 * changed action both the old and the new responsible party.
 */
export function affectedParties(before: Plan, after: Plan): Set<string> {
  const old = new Map(actionsOf(before).map((a) => [a.action.id, a]));
  const now = new Map(actionsOf(after).map((a) => [a.action.id, a]));
  const parties = new Set<string>();
  for (const [id, entry] of now) {
    const previous = old.get(id);
    const same =
      previous !== undefined &&
      previous.memberId === entry.memberId &&
      previous.subGoalId === entry.subGoalId &&
      ACTION_FIELDS.every((f) => value(previous.action[f]) === value(entry.action[f]));
    if (!same) {
      parties.add(entry.action.responsiblePartyId);
      if (previous) parties.add(previous.action.responsiblePartyId);
    }
  }
  for (const [id, entry] of old) if (!now.has(id)) parties.add(entry.action.responsiblePartyId);
  return parties;
}
