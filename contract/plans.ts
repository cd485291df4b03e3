/**
 * The values of the citizen's one plan (docs/en-plan.md) that server and web share: the
 * laws an action falls under, action statuses, the limits of free text. No zod.
 */

/** The law an action (indsats) is given under. */
export const LAWS = [
  'LAB',
  'serviceloven',
  'sundhedsloven',
  'dagtilbudsloven',
  'folkeskoleloven',
  'andet',
] as const;
export type Law = (typeof LAWS)[number];

/** Where an action stands. */
export const ACTION_STATUSES = ['planlagt', 'i-gang', 'afsluttet', 'opgivet'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The longest free text in a plan, in characters. */
export const MAX_PLAN_TEXT = 10_000;

/** How a plan changed between two versions. */
export const PLAN_CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

/** The plan export's formats: a PDF for the citizen or plain text for a case system. */
export const PLAN_EXPORT_FORMATS = ['pdf', 'text'] as const;
export type PlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];
