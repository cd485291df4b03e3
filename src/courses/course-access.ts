/**
 * Who sees what of a citizen's course: the one place that decides it (docs/en-plan.md,
 * "Who sees what"). Every service loads a course through `loadCourse`, which answers 404
 * to anyone with no access, so a course of another municipality or outside one's network
 * looks exactly like one that does not exist. Nothing is cached: a withdrawal or an
 * expiry takes effect on the next request.
 */
import { can } from '../../contract/permissions.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Citizen } from '../db/tables/citizen.table.js';
import type { Consent } from '../db/tables/consent.table.js';
import type { Course } from '../db/tables/course.table.js';
import { listConsents } from '../consents/consent.repository.js';
import { AppError, notFound, type Message } from '../kernel/errors.js';
import * as repo from './course.repository.js';
import type { CoCoordinatorRow, PartyRow } from './course.repository.js';
import type { Db } from '../db/db.js';

export type AccessLevel = 'full' | 'consent' | 'minimal';

/** The acting user as access sees them: their person and that person's unit. */
export interface Actor {
  userId: string;
  municipalityId: string;
  role: AuthUser['role'];
  name: string;
  personId: string | null;
  unitId: string | null;
}

/** What one actor may see of one course. */
export interface Access {
  level: AccessLevel;
  /** Members whose plan parts the actor may see: all for `full`, the consented for `consent`. */
  memberIds: Set<string>;
}

/** Today in Denmark as `YYYY-MM-DD`: consent dates are Danish calendar dates. */
export const danishToday = (now = new Date()) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);

/** A consent counts when it is not withdrawn and today lies within `givenOn`…`expiresOn`. */
export const consentValid = (
  consent: Pick<Consent, 'withdrawn_at' | 'given_on' | 'expires_on'>,
  today: string,
) => consent.withdrawn_at === null && consent.given_on <= today && consent.expires_on >= today;

/** The network parties an actor is: as a named professional, or through their unit. */
export function partiesOfActor(actor: Actor, parties: PartyRow[]): PartyRow[] {
  return parties.filter(
    (p) =>
      (p.kind === 'professional' && actor.personId !== null && p.person_id === actor.personId) ||
      (p.kind === 'unit' && actor.unitId !== null && p.unit_id === actor.unitId),
  );
}

/** A course as access sees it: whose it is, who leads it, and who coordinates beside the lead. */
export type AccessCourse = Pick<
  Course,
  'municipality_id' | 'coordinator_person_id' | 'created_by'
> & {
  coCoordinatorIds: readonly string[];
};

/** Whether a person coordinates a course, as its lead or as a co-coordinator. */
export const coordinates = (course: AccessCourse, personId: string | null) =>
  personId !== null &&
  (course.coordinator_person_id === personId || course.coCoordinatorIds.includes(personId));

/** Decide access; `null` means none at all (answer 404). Pure: same input, same answer. */
export function decideAccess(
  actor: Actor,
  course: AccessCourse,
  members: Pick<Citizen, 'id'>[],
  parties: PartyRow[],
  consents: Consent[],
  today: string,
): Access | null {
  if (course.municipality_id !== actor.municipalityId) return null;
  // Admins do not read citizens' plans: they see that a course exists and who coordinates it.
  if (can(actor.role, 'courses.oversee')) return { level: 'minimal', memberIds: new Set() };
  // Co-coordinators (a makker pair, a cross-sector team) own the course as the lead does.
  if (course.created_by === actor.userId || coordinates(course, actor.personId)) {
    return { level: 'full', memberIds: new Set(members.map((m) => m.id)) };
  }
  const mine = new Set(partiesOfActor(actor, parties).map((p) => p.id));
  if (mine.size === 0) return null;
  const known = new Set(members.map((m) => m.id));
  const covered = new Set<string>();
  let anyConsent = false;
  for (const consent of consents) {
    if (!consentValid(consent, today) || !consent.party_ids.some((id) => mine.has(id))) continue;
    anyConsent = true;
    for (const id of consent.member_ids) if (known.has(id)) covered.add(id);
  }
  return anyConsent
    ? { level: 'consent', memberIds: covered }
    : { level: 'minimal', memberIds: new Set() };
}

/** The actor behind a logged-in user: their person's unit is looked up on every request. */
export async function actorOf(db: Db, user: AuthUser): Promise<Actor> {
  let unitId: string | null = null;
  if (user.personId) {
    const [person] = await repo.findPeople(db, user.municipalityId, [user.personId]);
    unitId = person && person.archived_at === null ? person.unit_id : null;
  }
  return {
    userId: user.userId,
    municipalityId: user.municipalityId,
    role: user.role,
    name: user.name,
    personId: user.personId,
    unitId,
  };
}

/** A course with everything access is decided from, and the decision. */
export interface CourseContext {
  actor: Actor;
  course: Course;
  members: Citizen[];
  parties: PartyRow[];
  consents: Consent[];
  /** The coordinators beside the lead. */
  coCoordinators: CoCoordinatorRow[];
  access: Access;
}

export const courseNotFound = () =>
  notFound({ da: 'Forløbet findes ikke.', en: 'The course does not exist.' });

/** Load a course for an actor; 404 when it does not exist for them. */
export async function loadCourse(db: Db, actor: Actor, courseId: string): Promise<CourseContext> {
  const course = await repo.findCourse(db, actor.municipalityId, courseId);
  if (!course) throw courseNotFound();
  const [members, parties, consents, coCoordinators] = await Promise.all([
    repo.listMembers(db, actor.municipalityId, [course.id]),
    repo.listParties(db, actor.municipalityId, [course.id]),
    listConsents(db, actor.municipalityId, [course.id]),
    repo.listCoCoordinators(db, actor.municipalityId, [course.id]),
  ]);
  const access = decideAccess(
    actor,
    { ...course, coCoordinatorIds: coCoordinators.map((c) => c.person_id) },
    members,
    parties,
    consents,
    danishToday(),
  );
  if (!access) throw courseNotFound();
  return { actor, course, members, parties, consents, coCoordinators, access };
}

/** Changing a course needs full access; others get 403 (they know the course exists). */
export function requireFull(context: CourseContext): void {
  if (context.access.level !== 'full') {
    throw new AppError(403, 'forbidden', {
      da: 'Kun forløbets koordinator og ejere kan gøre dette.',
      en: "Only the course's coordinator and owners can do this.",
    });
  }
}

/** Changing needs an open course. */
export function requireOpen(context: CourseContext): void {
  if (context.course.status !== 'open') {
    throw new AppError(409, 'closed', {
      da: 'Forløbet er afsluttet og kan ikke ændres.',
      en: 'The course is closed and cannot be changed.',
    });
  }
}

/** Load a course for a logged-in user; 404 when it does not exist for them. */
export async function loadCourseFor(
  db: Db,
  user: AuthUser,
  courseId: string,
): Promise<CourseContext> {
  return loadCourse(db, await actorOf(db, user), courseId);
}

/** Load a course the user may change: full access (else 403) and open (else 409). */
export async function loadChangeableCourse(
  db: Db,
  user: AuthUser,
  courseId: string,
): Promise<CourseContext> {
  const context = await loadCourseFor(db, user, courseId);
  requireFull(context);
  requireOpen(context);
  return context;
}

/**
 * Load a course whose data the user may read in full or under consent; one who sees only
 * the overview (minimal access) is refused with 403 and `refusal`, which says what is missing.
 */
export async function loadReadableCourse(
  db: Db,
  user: AuthUser,
  courseId: string,
  refusal: Message,
): Promise<CourseContext> {
  const context = await loadCourseFor(db, user, courseId);
  if (context.access.level === 'minimal') throw new AppError(403, 'forbidden', refusal);
  return context;
}
