/**
 * The plan document: per member (a part), the citizen's dreams in their own words, one
 * overall goal, sub-goals and actions (indsatser). Free text is kept exactly as given:
 * not trimmed, not sanitised, and always rendered as text.
 */
import { z } from 'zod';

export const LAWS = [
  'LAB',
  'serviceloven',
  'sundhedsloven',
  'dagtilbudsloven',
  'folkeskoleloven',
  'andet',
] as const;
export type Law = (typeof LAWS)[number];
export const ACTION_STATUSES = ['planlagt', 'i-gang', 'afsluttet', 'opgivet'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The longest free text in a plan, in characters. */
export const MAX_PLAN_TEXT = 10_000;

const text = z.string().max(MAX_PLAN_TEXT);
const isoDate = z.iso.date();

export const actionSchema = z.object({
  id: z.uuid(),
  text: text,
  responsiblePartyId: z.uuid(),
  law: z.enum(LAWS),
  paragraph: z.string().max(200).optional(),
  start: isoDate.nullable().optional(),
  end: isoDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES),
  statusReason: text.optional(),
});
export type PlanAction = z.infer<typeof actionSchema>;

export const subGoalSchema = z.object({
  id: z.uuid(),
  text: text,
  actions: z.array(actionSchema).max(200),
});
export type SubGoal = z.infer<typeof subGoalSchema>;

export const planPartSchema = z.object({
  memberId: z.uuid(),
  dreams: text,
  goal: text,
  subGoals: z.array(subGoalSchema).max(200),
});
export type PlanPart = z.infer<typeof planPartSchema>;

export const planSchema = z.object({ parts: z.array(planPartSchema).max(50) });
/** A whole plan: one part per member of the course. */
export type Plan = z.infer<typeof planSchema>;

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
