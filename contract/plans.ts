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
  'barnets-lov',
  'unge-under-25',
  'andet',
] as const;
export type Law = (typeof LAWS)[number];

/** A law's name in a Danish document (the plan export): the key itself where it is the name. */
export const lawTitle = (law: Law): string =>
  law === 'barnets-lov'
    ? 'Barnets lov'
    : law === 'unge-under-25'
      ? 'Lov om kommunal indsats for unge under 25 år'
      : law;

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

/**
 * The `responsiblePartyId` of an action the course's coordinator answers for: it follows the
 * coordinator, so a new coordinator takes over those actions.
 */
export const COORDINATOR_RESPONSIBLE = '00000000-0000-4000-8000-00000000c00d';

/** Someone an action can name as responsible, by id and display name. */
export interface Responsible {
  id: string;
  name: string;
}

/**
 * Everyone an action can name as responsible, in this order: the coordinator, the course's
 * members (the citizen and family) and the network's parties. `label` words the first two.
 */
export function responsibleChoices<M extends Responsible>(
  course: {
    coordinator: { name: string } | null;
    members: readonly M[];
    parties: readonly Responsible[];
  },
  label: { coordinator: (name: string) => string; member: (member: M) => string },
): Responsible[] {
  return [
    ...(course.coordinator
      ? [{ id: COORDINATOR_RESPONSIBLE, name: label.coordinator(course.coordinator.name) }]
      : []),
    ...course.members.map((m) => ({ id: m.id, name: label.member(m) })),
    ...course.parties.map((p) => ({ id: p.id, name: p.name })),
  ];
}
