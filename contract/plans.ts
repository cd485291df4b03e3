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

/** The laws' Danish names. */
const LAW_TITLES: Record<Law, string> = {
  LAB: 'LAB (beskæftigelsesindsats)',
  serviceloven: 'Serviceloven',
  sundhedsloven: 'Sundhedsloven',
  dagtilbudsloven: 'Dagtilbudsloven',
  folkeskoleloven: 'Folkeskoleloven',
  'barnets-lov': 'Barnets lov',
  'unge-under-25': 'Lov om kommunal indsats for unge under 25 år',
  andet: 'Anden lov',
};

/** A law's Danish name, for documents and the citizen's view. */
export const lawTitle = (law: Law): string => LAW_TITLES[law];

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
