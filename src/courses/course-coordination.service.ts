/**
 * A course's coordinators: the lead (`course.coordinator_person_id`) and the co-coordinators
 * beside them (a "makker" pair, a cross-sector team), who own the course as the lead does
 * (`course-access.ts`). Every change of who coordinates tells the network by mail and
 * answers whom it told and whom it could not, so the coordinator can tell the rest.
 */
import { RELATIVE } from '../../contract/courses.js';
import type {
  CoordinationChange,
  CoordinatorInput,
  LeadChangeInput,
} from '../../contract/courses.schema.js';
import type { AuthUser } from '../auth/auth.service.js';
import { isUniqueViolation, type Db } from '../db/db.js';
import { badRequest, conflict, notFound } from '../kernel/errors.js';
import { queueMail } from '../mail/mail.service.js';
import { loadChangeableCourse, type Actor, type CourseContext } from './course-access.js';
import { auditCitizens } from './course-audit.js';
import type { CourseDeps } from './course-deps.js';
import { coCoordinatorView, coordinatorView, partyView } from './course-view.js';
import * as repo from './course.repository.js';
import type { PersonRow } from './course.repository.js';

/** A coordinator must be an active person of the municipality's organisation (400 otherwise). */
export async function checkCoordinator(db: Db, actor: Actor, personId: string): Promise<PersonRow> {
  const [person] = await repo.findPeople(db, actor.municipalityId, [personId]);
  if (!person || person.archived_at !== null) {
    throw badRequest({
      da: 'Koordinatoren skal være en aktiv person i kommunens organisation.',
      en: "The coordinator must be an active person in the municipality's organisation.",
    });
  }
  return person;
}

/** What changed, as the mail says it. */
type Change = 'lead' | 'added' | 'removed';

const CHANGE_TEXT: Record<Change, { da: string; en: string }> = {
  lead: { da: 'Forløbet har fået en ny tovholder', en: 'The course has a new lead coordinator' },
  added: { da: 'Forløbet har fået en medkoordinator', en: 'The course has a new co-coordinator' },
  removed: {
    da: 'En medkoordinator er gået fra forløbet',
    en: 'A co-coordinator has left the course',
  },
};

/** Someone who may be told: by name, with an e-mail or none, and their person if staff. */
interface Recipient {
  name: string;
  email: string | null;
  personId: string | null;
}

const recipientOf = (person: PersonRow): Recipient => ({
  name: person.name,
  email: person.email,
  personId: person.id,
});

/**
 * Mail the network's parties and the coordinators concerned that the coordination changed,
 * once per address; the one making the change is not mailed. A relative (pårørende) gets no
 * staff mail and, like a party without e-mail, is named among those not told.
 */
async function tellNetwork(
  trx: Db,
  deps: CourseDeps,
  context: CourseContext,
  change: Change,
  person: PersonRow,
  concerned: PersonRow[],
): Promise<Told> {
  const recipients: Recipient[] = [
    ...context.parties.map((p) => {
      const view = partyView(p);
      return {
        name: view.name,
        email: p.external_type === RELATIVE ? null : view.email,
        personId: p.person_id,
      };
    }),
    ...concerned.map(recipientOf),
  ];
  const link = `${deps.publicUrl}/forloeb/${context.course.id}`;
  const what = CHANGE_TEXT[change];
  // A staff member's name and unit, never the citizen's: the link says which course.
  const who = `${person.name} (${person.unit_name})`;
  const seen = new Set<string>();
  const notified: string[] = [];
  const notNotified: string[] = [];
  for (const r of recipients) {
    if (r.personId !== null && r.personId === context.actor.personId) continue;
    if (!r.email) {
      notNotified.push(r.name);
      continue;
    }
    const address = r.email.toLowerCase();
    if (seen.has(address)) continue;
    seen.add(address);
    await queueMail(trx, deps.mail, {
      municipalityId: context.actor.municipalityId,
      kind: 'coordinator-changed',
      to: r.email,
      subject:
        'Samspil: koordineringen af et forløb er ændret / the coordination of a course has changed',
      text:
        `${what.da}: ${who}.\n` +
        `Et borgerforløb, du er en del af, koordineres nu af en anden. Se hvem i Samspil: ${link}\n\n` +
        `${what.en}: ${who}.\n` +
        `A citizen's course you are part of is now coordinated differently. See who in Samspil: ${link}\n`,
    });
    notified.push(r.name);
  }
  return { notified, notNotified };
}

const citizensOf = (context: CourseContext) =>
  context.members.filter((m) => m.relation === 'borger').map((m) => m.id);

/** Who coordinates the course now, with whom the change told. */
async function coordination(
  deps: CourseDeps,
  actor: Actor,
  courseId: string,
  told: Told,
): Promise<CoordinationChange> {
  const course = await repo.findCourse(deps.db, actor.municipalityId, courseId);
  if (!course) throw new Error(`course ${courseId} vanished`);
  const [[lead], others] = await Promise.all([
    repo.findPeople(deps.db, actor.municipalityId, [course.coordinator_person_id]),
    repo.listCoCoordinators(deps.db, actor.municipalityId, [courseId]),
  ]);
  return {
    coordinator: coordinatorView(course, lead),
    coCoordinators: others.map(coCoordinatorView),
    ...told,
  };
}

type Told = { notified: string[]; notNotified: string[] };

/**
 * Run one change of the coordination in a transaction (`change` makes it and tells the
 * network), audit it with how many were told, and answer who coordinates now.
 */
async function changeAndTell(
  deps: CourseDeps,
  context: CourseContext,
  action: 'course.coordinator-add' | 'course.coordinator-remove' | 'course.coordinator-lead',
  detail: Record<string, unknown>,
  change: (trx: Db) => Promise<Told>,
): Promise<CoordinationChange> {
  const told = await deps.db.transaction().execute(async (trx) => {
    const told = await change(trx);
    await auditCitizens(trx, context.actor, action, context.course.id, citizensOf(context), {
      detail: { ...detail, notified: told.notified.length, notNotified: told.notNotified.length },
    });
    return told;
  });
  return coordination(deps, context.actor, context.course.id, told);
}

const alreadyCoordinates = () =>
  conflict({
    da: 'Personen er allerede koordinator på forløbet.',
    en: 'The person already coordinates the course.',
  });

/** Add a co-coordinator beside the lead; the network is told. */
export async function addCoCoordinator(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: CoordinatorInput,
): Promise<CoordinationChange> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const person = await checkCoordinator(deps.db, context.actor, input.personId);
  if (
    context.course.coordinator_person_id === person.id ||
    context.coCoordinators.some((c) => c.person_id === person.id)
  ) {
    throw alreadyCoordinates();
  }
  return changeAndTell(
    deps,
    context,
    'course.coordinator-add',
    { personId: person.id, role: input.role },
    async (trx) => {
      try {
        await repo.insertCoCoordinator(trx, {
          municipality_id: context.actor.municipalityId,
          course_id: courseId,
          person_id: person.id,
          role: input.role,
          added_by: context.actor.userId,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyCoordinates();
        throw error;
      }
      return tellNetwork(trx, deps, context, 'added', person, [person]);
    },
  );
}

/** Remove a co-coordinator; the lead cannot be removed, only replaced. */
export async function removeCoCoordinator(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  personId: string,
): Promise<CoordinationChange> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  if (context.course.coordinator_person_id === personId) {
    throw conflict({
      da: 'Tovholderen kan ikke fjernes: et forløb har altid en. Giv først tovholderrollen til en anden.',
      en: 'The lead coordinator cannot be removed: a course always has one. Hand the lead to someone else first.',
    });
  }
  if (!context.coCoordinators.some((c) => c.person_id === personId)) {
    throw notFound({
      da: 'Personen er ikke medkoordinator på forløbet.',
      en: 'The person is not a co-coordinator of the course.',
    });
  }
  const [person] = await repo.findPeople(deps.db, context.actor.municipalityId, [personId]);
  return changeAndTell(deps, context, 'course.coordinator-remove', { personId }, async (trx) => {
    await repo.deleteCoCoordinator(trx, context.actor.municipalityId, courseId, personId);
    return person
      ? tellNetwork(trx, deps, context, 'removed', person, [person])
      : { notified: [], notNotified: [] };
  });
}

/**
 * After the lead changed to `next` (inside the change's transaction): the new lead is no
 * longer also a co-coordinator, and the network and both leads are told.
 */
export async function leadChanged(
  trx: Db,
  deps: CourseDeps,
  context: CourseContext,
  next: PersonRow,
): Promise<Told> {
  await repo.deleteCoCoordinator(trx, context.actor.municipalityId, context.course.id, next.id);
  const [previous] = await repo.findPeople(trx, context.actor.municipalityId, [
    context.course.coordinator_person_id,
  ]);
  return tellNetwork(trx, deps, context, 'lead', next, previous ? [next, previous] : [next]);
}

/**
 * Hand the lead to another person (a co-coordinator or anyone of the organisation); with
 * `keepPrevious` the previous lead stays on as a co-coordinator. The network is told.
 */
export async function changeLead(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: LeadChangeInput,
): Promise<CoordinationChange> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const next = await checkCoordinator(deps.db, context.actor, input.personId);
  const previous = context.course;
  if (previous.coordinator_person_id === next.id) {
    throw conflict({
      da: 'Personen er allerede tovholder på forløbet.',
      en: 'The person is already the lead coordinator of the course.',
    });
  }
  return changeAndTell(
    deps,
    context,
    'course.coordinator-lead',
    {
      personId: next.id,
      role: input.role,
      previousRole: previous.coordinator_role,
      keepPrevious: input.keepPrevious,
    },
    async (trx) => {
      const told = await leadChanged(trx, deps, context, next);
      await repo.updateCourse(trx, context.actor.municipalityId, courseId, {
        coordinator_person_id: next.id,
        coordinator_role: input.role,
      });
      if (input.keepPrevious) {
        await repo.insertCoCoordinator(trx, {
          municipality_id: context.actor.municipalityId,
          course_id: courseId,
          person_id: previous.coordinator_person_id,
          role: previous.coordinator_role,
          added_by: context.actor.userId,
        });
      }
      return told;
    },
  );
}
