/**
 * Citizens' courses: creating one with its citizen and family, the coordinator, the
 * network, closing, and reading them shaped by access. Access comes from
 * `course-access.ts`; every read and change of citizen data is audited per citizen.
 */
import type { AuditAction } from '../../contract/audit.js';
import { can } from '../../contract/permissions.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import { RELATIVE, type CourseStatus } from '../../contract/courses.js';
import type {
  CitizenLookup,
  CourseChangeInput,
  CourseSummary,
  CourseView,
  Member,
  MemberInput,
  NewCourseInput,
  NewPartyInput,
  Party,
  PartyChangeInput,
} from '../../contract/courses.schema.js';
import { listConsents } from '../consents/consent.repository.js';
import { isUniqueViolation, type Db } from '../db/db.js';
import { planSchema } from '../../contract/plans.schema.js';
import { emptyPlan, actionsOf } from '../plans/plan.js';
import * as plans from '../plans/plan.repository.js';
import { queueClosingReminder } from '../progression/progression.service.js';
import { AppError, badRequest, conflict, type Message } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import {
  actorOf,
  danishToday,
  decideAccess,
  loadChangeableCourse,
  loadCourse,
  loadCourseFor,
  type Actor,
  type CourseContext,
} from './course-access.js';
import { auditCitizens } from './course-audit.js';
import { checkCoordinator, leadChanged } from './course-coordination.service.js';
import type { CourseDeps } from './course-deps.js';
import {
  citizensShown,
  coordinatorView,
  courseSummary,
  courseView,
  memberView,
  partyView,
} from './course-view.js';
import * as repo from './course.repository.js';
import { maskCpr, parseCpr, type Cpr } from './cpr.js';

/** A party to add, as the route parses it (the demo adds its parties the same way). */
export type PartyInput = NewPartyInput;

const invalidCpr = (who: Message) =>
  badRequest({
    da: `Ugyldigt CPR-nummer (${who.da}). Skriv DDMMÅÅ-SSSS med en rigtig fødselsdato.`,
    en: `Invalid CPR number (${who.en}). Write DDMMYY-SSSS with a real date of birth.`,
  });

/** Parse a CPR number or refuse it without ever echoing it. */
function checkCpr(input: string, who: Message): Cpr {
  const cpr = parseCpr(input);
  if (!cpr) throw invalidCpr(who);
  return cpr;
}

const duplicateCourse = () =>
  conflict({
    da: 'Borgeren har allerede et åbent forløb i kommunen.',
    en: 'The citizen already has an open course in the municipality.',
  });

function sealed(deps: CourseDeps, cpr: Cpr | null) {
  return cpr
    ? {
        cpr_encrypted: deps.vault.encrypt(cpr),
        cpr_hash: deps.vault.hash(cpr),
        cpr_masked: maskCpr(cpr),
      }
    : { cpr_encrypted: null, cpr_hash: null, cpr_masked: null };
}

/** Build the view of a loaded course and audit the citizens it shows. */
async function viewAndAudit(
  deps: CourseDeps,
  context: CourseContext,
  action: AuditAction,
): Promise<CourseView> {
  const { course, members, parties, coCoordinators, access, actor } = context;
  const [coordinator] = await repo.findPeople(deps.db, actor.municipalityId, [
    course.coordinator_person_id,
  ]);
  const latest = await plans.latestVersionNumbers(deps.db, [course.id]);
  const view = courseView(
    course,
    members,
    parties,
    { lead: coordinator, others: coCoordinators },
    access,
    latest.get(course.id) ?? 0,
  );
  await auditCitizens(deps.db, actor, action, course.id, citizensShown(view, members), {
    detail: { access: access.level },
  });
  return view;
}

/** Open a course with its citizen, family members and coordinator; plan version 1 is empty. */
export async function createCourse(
  deps: CourseDeps,
  user: AuthUser,
  input: NewCourseInput,
): Promise<CourseView> {
  requirePermission(user, 'courses.create');
  const actor = await actorOf(deps.db, user);
  const mainCpr = checkCpr(input.citizen.cpr, { da: 'borger', en: 'citizen' });
  const members = input.members ?? [];
  if (input.kind === 'individual' && members.length > 0) {
    throw badRequest({
      da: 'Et individuelt forløb har ingen familiemedlemmer. Vælg familieforløb.',
      en: 'An individual course has no family members. Choose a family course.',
    });
  }
  const memberCprs = members.map((m, i) =>
    m.cpr === undefined || m.cpr === ''
      ? null
      : checkCpr(m.cpr, { da: `familiemedlem ${i + 1}`, en: `family member ${i + 1}` }),
  );
  await checkCoordinator(deps.db, actor, input.coordinator.personId);
  const hash = deps.vault.hash(mainCpr);

  const courseId = await deps.db.transaction().execute(async (trx) => {
    let course;
    try {
      course = await repo.insertCourse(trx, {
        municipality_id: actor.municipalityId,
        kind: input.kind,
        target_group: input.targetGroup,
        start_date: input.startDate,
        status: 'open',
        coordinator_person_id: input.coordinator.personId,
        coordinator_role: input.coordinator.role,
        created_by: actor.userId,
        main_cpr_hash: hash,
        closed_at: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCourse();
      throw error;
    }
    const main = await repo.insertCitizen(trx, {
      municipality_id: actor.municipalityId,
      course_id: course.id,
      relation: 'borger',
      position: 0,
      name: input.citizen.name,
      ...sealed(deps, mainCpr),
      phone: input.citizen.phone || null,
      email: input.citizen.email || null,
      address: input.citizen.address || null,
      preferred_contact: input.citizen.preferredContact,
    });
    const ids = [main.id];
    for (const [i, member] of members.entries()) {
      const row = await repo.insertCitizen(trx, {
        municipality_id: actor.municipalityId,
        course_id: course.id,
        relation: member.relation,
        position: i + 1,
        name: member.name,
        ...sealed(deps, memberCprs[i] ?? null),
        phone: null,
        email: null,
        address: null,
        preferred_contact: null,
      });
      ids.push(row.id);
    }
    await plans.insertVersion(trx, {
      courseId: course.id,
      version: 1,
      plan: emptyPlan(ids),
      changedBy: actor.userId,
      participants: [],
      note: null,
    });
    await auditCitizens(trx, actor, 'course.create', course.id, ids, {
      detail: { kind: input.kind, members: ids.length },
    });
    return course.id;
  });
  return viewAndAudit(deps, await loadCourse(deps.db, actor, courseId), 'course.read');
}

/** The courses the user may see something of, each shaped by access. */
export async function listCourses(
  deps: CourseDeps,
  user: AuthUser,
  status: CourseStatus | undefined,
): Promise<CourseSummary[]> {
  const actor = await actorOf(deps.db, user);
  const courses = await repo.listCandidateCourses(
    deps.db,
    actor.municipalityId,
    {
      userId: actor.userId,
      personId: actor.personId,
      unitId: actor.unitId,
      all: can(actor.role, 'courses.oversee'),
    },
    status,
  );
  const ids = courses.map((c) => c.id);
  const [members, parties, consents, coCoordinators, people] = await Promise.all([
    repo.listMembers(deps.db, actor.municipalityId, ids),
    repo.listParties(deps.db, actor.municipalityId, ids),
    listConsents(deps.db, actor.municipalityId, ids),
    repo.listCoCoordinators(deps.db, actor.municipalityId, ids),
    repo.findPeople(deps.db, actor.municipalityId, [
      ...new Set(courses.map((c) => c.coordinator_person_id)),
    ]),
  ]);
  const today = danishToday();
  const result: CourseSummary[] = [];
  for (const course of courses) {
    const mine = <T extends { course_id: string }>(rows: T[]) =>
      rows.filter((r) => r.course_id === course.id);
    const courseMembers = mine(members);
    const courseParties = mine(parties);
    const coCoordinatorIds = mine(coCoordinators).map((c) => c.person_id);
    const access = decideAccess(
      actor,
      { ...course, coCoordinatorIds },
      courseMembers,
      courseParties,
      mine(consents),
      today,
    );
    if (!access) continue;
    const main = courseMembers.find((m) => m.relation === 'borger');
    const coordinator = people.find((p) => p.id === course.coordinator_person_id);
    const summary = courseSummary(course, main, courseParties, coordinator, access);
    if (summary.citizenName !== null && main) {
      await auditCitizens(deps.db, actor, 'course.list', course.id, [main.id], {
        detail: { access: access.level },
      });
    }
    result.push(summary);
  }
  return result;
}

/** One course, shaped by access. */
export async function getCourse(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<CourseView> {
  const context = await loadCourseFor(deps.db, user, courseId);
  return viewAndAudit(deps, context, 'course.read');
}

const mainOf = (context: CourseContext) => {
  const main = context.members.find((m) => m.relation === 'borger');
  if (!main) throw new Error(`course ${context.course.id} has no main citizen`);
  return main;
};

/** Change the course header, coordinator or the citizen's contact details. */
export async function updateCourse(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  change: CourseChangeInput,
): Promise<CourseView> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const { actor } = context;
  const next = change.coordinator
    ? await checkCoordinator(deps.db, actor, change.coordinator.personId)
    : undefined;
  const main = mainOf(context);
  await deps.db.transaction().execute(async (trx) => {
    // A new lead is told about like one set through the coordinators' own route.
    if (next && next.id !== context.course.coordinator_person_id) {
      await leadChanged(trx, deps, context, next);
    }
    const courseChange = {
      ...(change.targetGroup === undefined ? {} : { target_group: change.targetGroup }),
      ...(change.startDate === undefined ? {} : { start_date: change.startDate }),
      ...(change.coordinator === undefined
        ? {}
        : {
            coordinator_person_id: change.coordinator.personId,
            coordinator_role: change.coordinator.role,
          }),
    };
    // A change of only the citizen's contact (or nothing) leaves the course row alone:
    // an UPDATE with an empty SET is not SQL.
    if (Object.keys(courseChange).length > 0) {
      await repo.updateCourse(trx, actor.municipalityId, courseId, courseChange);
    }
    const c = change.citizen;
    const citizenChange = c && {
      ...(c.name === undefined ? {} : { name: c.name }),
      ...(c.phone === undefined ? {} : { phone: c.phone || null }),
      ...(c.email === undefined ? {} : { email: c.email || null }),
      ...(c.address === undefined ? {} : { address: c.address || null }),
      ...(c.preferredContact === undefined ? {} : { preferred_contact: c.preferredContact }),
    };
    if (citizenChange && Object.keys(citizenChange).length > 0) {
      await repo.updateCitizen(trx, actor.municipalityId, main.id, citizenChange);
    }
    await auditCitizens(trx, actor, 'course.update', courseId, [main.id], {
      detail: {
        fields: [
          ...Object.keys(change).filter((k) => k !== 'citizen'),
          ...Object.keys(c ?? {}).map((k) => `citizen.${k}`),
        ],
      },
    });
  });
  return getCourse(deps, user, courseId);
}

/** Add a family member to a family course. */
export async function addMember(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: MemberInput,
): Promise<Member> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  if (context.course.kind !== 'family') {
    throw badRequest({
      da: 'Kun et familieforløb kan have familiemedlemmer.',
      en: 'Only a family course can have family members.',
    });
  }
  const cpr =
    input.cpr === undefined || input.cpr === ''
      ? null
      : checkCpr(input.cpr, { da: 'familiemedlem', en: 'family member' });
  const position = Math.max(...context.members.map((m) => m.position)) + 1;
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertCitizen(trx, {
      municipality_id: context.actor.municipalityId,
      course_id: courseId,
      relation: input.relation,
      position,
      name: input.name,
      ...sealed(deps, cpr),
      phone: null,
      email: null,
      address: null,
      preferred_contact: null,
    });
    await auditCitizens(trx, context.actor, 'member.create', courseId, [row.id], {
      detail: { relation: input.relation },
    });
    return memberView(row, true);
  });
}

const partyNotFound = () =>
  new AppError(404, 'not_found', {
    da: 'Parten findes ikke i netværket.',
    en: 'The party is not in the network.',
  });

async function checkPartyTarget(deps: CourseDeps, actor: Actor, input: PartyInput) {
  if (input.kind === 'unit') {
    const unit = input.unitId
      ? await repo.findUnit(deps.db, actor.municipalityId, input.unitId)
      : undefined;
    if (!unit || unit.archived_at !== null) {
      throw badRequest({
        da: 'Vælg en aktiv enhed i kommunens organisation.',
        en: "Choose an active unit of the municipality's organisation.",
      });
    }
  } else if (input.kind === 'professional') {
    const [person] = input.personId
      ? await repo.findPeople(deps.db, actor.municipalityId, [input.personId])
      : [];
    if (!person || person.archived_at !== null) {
      throw badRequest({
        da: 'Vælg en aktiv person i kommunens organisation.',
        en: "Choose an active person of the municipality's organisation.",
      });
    }
  } else if (!input.externalType || !input.name?.trim()) {
    throw badRequest({
      da: 'En ekstern part skal have en type og et navn.',
      en: 'An outside party needs a type and a name.',
    });
  } else if (input.externalType === RELATIVE && !input.relation?.trim()) {
    throw relationMissing();
  }
}

const relationMissing = () =>
  badRequest({
    da: 'Skriv den pårørendes relation til borgeren (fx mor, morfar, nabo).',
    en: "Write the relative's relation to the citizen (e.g. mother, grandfather, neighbour).",
  });

/** Add a unit, a named professional or an outside actor to the network. */
export async function addParty(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: PartyInput,
): Promise<Party> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  await checkPartyTarget(deps, context.actor, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertParty(trx, {
      municipality_id: context.actor.municipalityId,
      course_id: courseId,
      kind: input.kind,
      unit_id: input.kind === 'unit' ? (input.unitId ?? null) : null,
      person_id: input.kind === 'professional' ? (input.personId ?? null) : null,
      external_type: input.kind === 'external' ? (input.externalType ?? null) : null,
      name: input.kind === 'external' ? (input.name ?? null) : null,
      relation:
        input.kind === 'external' && input.externalType === RELATIVE
          ? (input.relation?.trim() ?? null)
          : null,
      phone: input.phone || null,
      email: input.email || null,
      task: input.task,
      response_time: input.responseTime,
    });
    await auditCitizens(trx, context.actor, 'party.create', courseId, [mainOf(context).id], {
      detail: { partyId: row.id, kind: input.kind },
    });
    return row.id;
  });
  const [party] = (
    await repo.listParties(deps.db, context.actor.municipalityId, [courseId])
  ).filter((p) => p.id === id);
  return partyView(party!);
}

/** Change a party's contact details, task or response time. */
export async function updateParty(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  partyId: string,
  change: PartyChangeInput,
): Promise<Party> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const party = context.parties.find((p) => p.id === partyId);
  if (!party) throw partyNotFound();
  if (
    party.kind !== 'external' &&
    (change.name !== undefined || change.externalType !== undefined)
  ) {
    throw badRequest({
      da: 'Navn og type kan kun ændres for eksterne parter.',
      en: 'Name and type can only be changed for outside parties.',
    });
  }
  // Only a relative has a relation: it goes when the type changes away from relative.
  const relative = (change.externalType ?? party.external_type) === RELATIVE;
  const relation = relative ? (change.relation?.trim() ?? party.relation) : null;
  if (relative && !relation) throw relationMissing();
  if (!relative && change.relation !== undefined) {
    throw badRequest({
      da: 'Kun en pårørende har en relation til borgeren.',
      en: 'Only a relative has a relation to the citizen.',
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateParty(trx, context.actor.municipalityId, courseId, partyId, {
      ...(change.externalType === undefined ? {} : { external_type: change.externalType }),
      relation,
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.phone === undefined ? {} : { phone: change.phone || null }),
      ...(change.email === undefined ? {} : { email: change.email || null }),
      ...(change.task === undefined ? {} : { task: change.task }),
      ...(change.responseTime === undefined ? {} : { response_time: change.responseTime }),
    });
    await auditCitizens(trx, context.actor, 'party.update', courseId, [mainOf(context).id], {
      detail: { partyId, fields: Object.keys(change) },
    });
  });
  const [updated] = (
    await repo.listParties(deps.db, context.actor.municipalityId, [courseId])
  ).filter((p) => p.id === partyId);
  return partyView(updated!);
}

/** Remove a party that no action of the current plan and no consent refers to. */
export async function removeParty(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  partyId: string,
): Promise<void> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  if (!context.parties.some((p) => p.id === partyId)) throw partyNotFound();
  const latest = await plans.latestVersion(deps.db, courseId);
  const plan = latest ? planSchema.parse(latest.plan) : { parts: [] };
  const inPlan = actionsOf(plan).some((a) => a.action.responsiblePartyId === partyId);
  const inConsent = context.consents.some((c) => c.party_ids.includes(partyId));
  if (inPlan || inConsent) {
    throw conflict({
      da: 'Parten er ansvarlig for en indsats eller nævnt i et samtykke og kan ikke fjernes.',
      en: 'The party is responsible for an action or named in a consent and cannot be removed.',
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteParty(trx, context.actor.municipalityId, courseId, partyId);
    await auditCitizens(trx, context.actor, 'party.delete', courseId, [mainOf(context).id], {
      detail: { partyId },
    });
  });
}

/** Close an open course; a closed course can be deleted. */
export async function closeCourse(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  /** More to record in the same transaction (the closing's experience and status). */
  alsoRecord?: (trx: Db, context: CourseContext) => Promise<unknown>,
): Promise<CourseView> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  await deps.db.transaction().execute(async (trx) => {
    if (alsoRecord) await alsoRecord(trx, context);
    await repo.updateCourse(trx, context.actor.municipalityId, courseId, {
      status: 'closed',
      closed_at: new Date(),
    });
    await queueClosingReminder(trx, context.course, deps.publicUrl);
    await auditCitizens(
      trx,
      context.actor,
      'course.close',
      courseId,
      context.members.map((m) => m.id),
    );
  });
  return getCourse(deps, user, courseId);
}

/** Find the courses of a CPR number (exact match), with their coordinators; audited. */
export async function lookupCitizen(
  deps: CourseDeps,
  user: AuthUser,
  cprInput: string,
): Promise<CitizenLookup['courses']> {
  requirePermission(user, 'citizens.lookup');
  const actor = await actorOf(deps.db, user);
  const cpr = checkCpr(cprInput, { da: 'søgning', en: 'search' });
  const found = await repo.findCoursesByCprHash(
    deps.db,
    actor.municipalityId,
    deps.vault.hash(cpr),
  );
  const courses = await Promise.all(
    [...new Map(found.map((f) => [f.id, f])).values()].map(async (f) => {
      const course = (await repo.findCourse(deps.db, actor.municipalityId, f.id))!;
      const [person] = await repo.findPeople(deps.db, actor.municipalityId, [
        course.coordinator_person_id,
      ]);
      return { id: f.id, status: f.status, coordinator: coordinatorView(course, person) };
    }),
  );
  if (found.length === 0) {
    // A search that found no one is still recorded (without the number searched for).
    await recordUserAudit(deps.db, actor, 'citizen.lookup', 'citizen', null, { found: 0 });
  }
  for (const f of found) {
    await auditCitizens(deps.db, actor, 'citizen.lookup', f.id, [f.citizen_id], {
      detail: { found: found.length },
    });
  }
  return courses;
}
