/**
 * The shapes the HTTP API returns for a course (docs/en-plan.md), cut to what the
 * actor's access allows. Pure: the service loads, this decides what leaves.
 */
import type {
  Complexity,
  Coordinator,
  CourseSummary,
  CourseView,
  Member,
  Party,
} from '../../contract/courses.schema.js';
import type { Citizen } from '../db/tables/citizen.table.js';
import type { Course } from '../db/tables/course.table.js';
import { RELATIVE } from '../../contract/courses.js';
import type { Access } from './course-access.js';
import type { CoCoordinatorRow, PartyRow, PersonRow } from './course.repository.js';

/** The coordinator as everyone with access sees them. */
export function coordinatorView(course: Course, person: PersonRow | undefined): Coordinator {
  return {
    personId: course.coordinator_person_id,
    name: person?.name ?? '',
    role: course.coordinator_role,
    email: person?.email ?? '',
    phone: null,
    unitName: person?.unit_name ?? '',
  };
}

/** A co-coordinator as everyone with access sees them. */
export const coCoordinatorView = (c: CoCoordinatorRow): Coordinator => ({
  personId: c.person_id,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: null,
  unitName: c.unit_name,
});

export function partyView(p: PartyRow): Party {
  return {
    id: p.id,
    kind: p.kind,
    unitId: p.kind === 'external' ? null : p.org_unit_id,
    personId: p.person_id,
    externalType: p.external_type,
    name:
      p.kind === 'external'
        ? (p.name ?? '')
        : p.kind === 'professional'
          ? (p.person_name ?? '')
          : (p.unit_name ?? ''),
    relation: p.relation,
    unitKind: p.kind === 'external' ? 'ekstern' : (p.unit_kind ?? null),
    phone: p.phone,
    email: p.email ?? (p.kind === 'professional' ? (p.person_email ?? null) : null),
    task: p.task,
    responseTime: p.response_time,
  };
}

export const memberView = (m: Citizen, withCpr: boolean): Member => ({
  id: m.id,
  name: m.name,
  relation: m.relation,
  cprMasked: withCpr ? m.cpr_masked : null,
});

/**
 * DOMAIN.md §2.4: units are the distinct organisation units among unit parties and
 * professionals' units, plus each outside actor; a course is complex with at least 5
 * units of which at least 2 are authority (myndighed) functions. A relative (pårørende) is
 * no unit: the network counts the professionals' places, not the family's.
 */
export function complexityOf(parties: PartyRow[]): Complexity {
  const units = new Map<string, string | null>();
  let external = 0;
  for (const p of parties) {
    if (p.kind === 'external') {
      if (p.external_type !== RELATIVE) external++;
    } else if (p.org_unit_id) units.set(p.org_unit_id, p.unit_kind);
  }
  const authorityFunctions = [...units.values()].filter((k) => k === 'myndighed').length;
  const total = units.size + external;
  return { units: total, authorityFunctions, complex: total >= 5 && authorityFunctions >= 2 };
}

/** The list entry of a course for this access. */
export function courseSummary(
  course: Course,
  main: Citizen | undefined,
  parties: PartyRow[],
  coordinator: PersonRow | undefined,
  access: Access,
): CourseSummary {
  const sees = access.level !== 'minimal';
  return {
    id: course.id,
    kind: course.kind,
    status: course.status,
    citizenName: sees ? (main?.name ?? null) : null,
    targetGroup: course.target_group,
    startDate: course.start_date,
    coordinator: coordinatorView(course, coordinator),
    access: access.level,
    complex: sees ? complexityOf(parties).complex : null,
  };
}

/** The whole course view for this access: full sees all, consent the covered members. */
export function courseView(
  course: Course,
  members: Citizen[],
  parties: PartyRow[],
  coordinators: { lead: PersonRow | undefined; others: CoCoordinatorRow[] },
  access: Access,
  planVersion: number,
): CourseView {
  const main = members.find((m) => m.relation === 'borger');
  const summary = {
    ...courseSummary(course, main, parties, coordinators.lead, access),
    coCoordinators: coordinators.others.map(coCoordinatorView),
  };
  if (access.level === 'minimal') return summary;
  const full = access.level === 'full';
  return {
    ...summary,
    ...(full && main
      ? {
          citizen: {
            name: main.name,
            cprMasked: main.cpr_masked ?? '',
            phone: main.phone,
            email: main.email,
            address: main.address,
            preferredContact: main.preferred_contact ?? 'telefon',
          },
        }
      : {}),
    members: members.filter((m) => access.memberIds.has(m.id)).map((m) => memberView(m, full)),
    network: parties.map(partyView),
    complexity: complexityOf(parties),
    planVersion,
  };
}

/** The citizens whose data a view returns: one audit entry each. */
export function citizensShown(view: CourseView, members: Citizen[]): string[] {
  const main = members.find((m) => m.relation === 'borger');
  const ids = new Set((view.members ?? []).map((m) => m.id));
  if (main) ids.add(main.id);
  return [...ids];
}
