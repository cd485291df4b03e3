/**
 * Helpers over the plan document, whose shape is the contract's (`contract/plans.schema.ts`):
 * per member (a part), the citizen's dreams in their own words, one overall goal,
 * sub-goals and actions (indsatser).
 */
import type { Plan, PlanAction } from '../../contract/plans.schema.js';

export type { Plan, PlanAction, PlanPart, SubGoal } from '../../contract/plans.schema.js';

/** The plan of a course that has none saved yet. */
export const emptyPlan = (memberIds: string[]): Plan => ({
  parts: memberIds.map((memberId) => ({ memberId, dreams: '', goal: '', subGoals: [] })),
});

/** Every action of a plan with the part and sub-goal it belongs to. */
export function actionsOf(
  plan: Plan,
): { memberId: string; subGoalId: string; action: PlanAction }[] {
  return plan.parts.flatMap((part) =>
    part.subGoals.flatMap((subGoal) =>
      subGoal.actions.map((action) => ({ memberId: part.memberId, subGoalId: subGoal.id, action })),
    ),
  );
}
