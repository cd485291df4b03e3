/**
 * Dialogue workshops: the three steps of DOMAIN.md §3, the facilitator lock, live
 * events to followers, and the room's map against the measured one.
 *
 * The facilitator lock: one user at a time edits a workshop. Asking to facilitate takes
 * the lock when it is free, already yours, or its holder has not been seen for
 * {@link FACILITATOR_IDLE_MS} (the facilitator's screen renews it every 30 seconds, so a
 * closed laptop frees it after two minutes). Otherwise it is a 409 naming the holder,
 * who can hand over by releasing it. Every change is one transaction on the locked
 * workshop row and one event (`{ type: 'changed', version }`) to every follower.
 */
import type { Kysely } from 'kysely';
import { can } from '../../contract/permissions.js';
import type {
  ComparedTie,
  SuggestedActor,
  WorkshopComparison,
  WorkshopState,
} from '../../contract/workshops.schema.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import { loadCourseFor, type CourseContext } from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { Database } from '../db/schema.js';
import type { Workshop, WorkshopRating } from '../db/tables/workshop.table.js';
import { findMeasurement } from '../measurements/measurement.repository.js';
import { measurementNotFound, requireKind } from '../measurements/measurement-errors.js';
import { listUnits } from '../org/org.repository.js';
import type { Notifier } from '../realtime/notifier.js';
import { analyseMeasurement } from '../results/results.service.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../kernel/errors.js';
import { perspectiveDifferences, SURVEY_LEVEL } from './perspectives.js';
import * as repo from './workshop.repository.js';

/** What the workshop services need. */
export interface WorkshopDeps {
  db: Kysely<Database>;
  notifier: Notifier;
}

/** A facilitator not seen for this long loses the lock to the next who asks. */
export const FACILITATOR_IDLE_MS = 2 * 60 * 1000;

export type { ComparedTie, SuggestedActor, WorkshopComparison, WorkshopState };

/** The topic a workshop's live events are published on. */
export const workshopTopic = (id: string) => `workshop:${id}`;

export const workshopNotFound = () =>
  notFound({ da: 'Workshoppen findes ikke.', en: 'The workshop does not exist.' });

const isIdle = (w: Workshop, now: Date) =>
  w.facilitator_seen_at === null ||
  now.getTime() - w.facilitator_seen_at.getTime() > FACILITATOR_IDLE_MS;

/**
 * The course a workshop is held around, as this user may see it; a user without access
 * to the course gets the same 404 as for a workshop that does not exist.
 */
async function courseOf(
  db: Kysely<Database>,
  user: AuthUser,
  courseId: string | null,
  notFoundError: () => AppError = workshopNotFound,
): Promise<CourseContext | null> {
  if (courseId === null) return null;
  try {
    return await loadCourseFor(db, user, courseId);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) throw notFoundError();
    throw error;
  }
}

async function load(db: Kysely<Database>, user: AuthUser, id: string) {
  const workshop = await repo.findWorkshop(db, user.municipalityId, id);
  if (!workshop) throw workshopNotFound();
  return { workshop, course: await courseOf(db, user, workshop.course_id) };
}

/**
 * Leaders and analysts facilitate; around a course, so does a caseworker with full access to
 * it (an admin never has full access to a course).
 */
const mayFacilitate = (user: AuthUser, course: CourseContext | null) =>
  can(user.role, 'workshops.facilitate') || course?.access.level === 'full';

/** Load a workshop for a change: 404 without access, 403 for those who may not facilitate. */
async function loadForChange(db: Kysely<Database>, user: AuthUser, id: string) {
  const loaded = await load(db, user, id);
  if (!mayFacilitate(user, loaded.course)) throw forbidden();
  return loaded;
}

function suggestedActors(
  course: CourseContext | null,
  actors: { unit_id: string | null; label: string }[],
): SuggestedActor[] {
  if (!course) return [];
  const full = course.access.level === 'full';
  const units = new Set(actors.map((a) => a.unit_id).filter((u) => u !== null));
  const labels = new Set(actors.map((a) => a.label.trim().toLowerCase()));
  return course.parties.map((p) => {
    const unitId = p.kind === 'unit' ? p.org_unit_id : null;
    const label =
      (p.kind === 'external'
        ? p.name || p.external_type
        : p.kind === 'professional'
          ? p.person_name
          : p.unit_name) ?? '';
    return {
      partyId: p.id,
      kind: p.kind,
      unitId,
      label,
      ...(full ? { task: p.task } : {}),
      onCanvas: unitId !== null ? units.has(unitId) : labels.has(label.trim().toLowerCase()),
    };
  });
}

async function stateOf(
  db: Kysely<Database>,
  user: AuthUser,
  workshop: Workshop,
  course: CourseContext | null,
  now = new Date(),
): Promise<WorkshopState> {
  const [actors, ratings, points, name] = await Promise.all([
    repo.listActors(db, workshop.id),
    repo.listRatings(db, workshop.id),
    repo.listPoints(db, workshop.id),
    workshop.facilitator_id ? repo.facilitatorName(db, workshop.facilitator_id) : undefined,
  ]);
  return {
    id: workshop.id,
    title: workshop.title,
    targetGroup: workshop.target_group,
    measurementId: workshop.measurement_id,
    courseId: workshop.course_id,
    suggestedActors: suggestedActors(course, actors),
    step: workshop.step,
    currentActorId: workshop.current_actor_id,
    version: workshop.version,
    facilitator: workshop.facilitator_id
      ? { userId: workshop.facilitator_id, name: name ?? '', idle: isIdle(workshop, now) }
      : null,
    youFacilitate: workshop.facilitator_id === user.userId,
    mayFacilitate: mayFacilitate(user, course),
    actors: actors.map((a) => ({ id: a.id, unitId: a.unit_id, label: a.label, x: a.x, y: a.y })),
    ratings: ratings.map((r) => ({
      fromActorId: r.from_actor_id,
      toActorId: r.to_actor_id,
      rating: r.rating,
    })),
    differences: perspectiveDifferences(
      actors.map((a) => a.id),
      ratings.map((r) => ({ from: r.from_actor_id, to: r.to_actor_id, rating: r.rating })),
    ),
    points: points.map((p) => ({
      id: p.id,
      text: p.text,
      owner: p.owner,
      dueOn: p.due_on,
      done: p.done,
      x: p.x,
      y: p.y,
    })),
    updatedAt: workshop.updated_at.toISOString(),
  };
}

async function publish(deps: WorkshopDeps, id: string, version: number) {
  try {
    await deps.notifier.publish(workshopTopic(id), { type: 'changed', version });
  } catch {
    // The change is saved; a follower who misses the event sees it on its next fetch.
  }
}

/**
 * Keep the rows (workshops or their points) this user may read: those around a citizen's
 * course only for users with access to the course.
 */
export async function onlyReadable<T extends { course_id: string | null }>(
  db: Kysely<Database>,
  user: AuthUser,
  rows: T[],
): Promise<T[]> {
  const readable = new Map<string, boolean>();
  for (const courseId of new Set(rows.map((r) => r.course_id).filter((c) => c !== null))) {
    readable.set(
      courseId,
      await courseOf(db, user, courseId).then(
        () => true,
        (error: unknown) => {
          if (error instanceof AppError && error.statusCode === 404) return false;
          throw error;
        },
      ),
    );
  }
  return rows.filter((r) => r.course_id === null || readable.get(r.course_id) === true);
}

/** The municipality's workshops, to reopen one: those around a course only for its readers. */
export async function listWorkshops(deps: WorkshopDeps, user: AuthUser) {
  return onlyReadable(deps.db, user, await repo.listWorkshops(deps.db, user.municipalityId));
}

/** One workshop as every screen in the room shows it. */
export async function getWorkshop(deps: WorkshopDeps, user: AuthUser, id: string) {
  const { workshop, course } = await load(deps.db, user, id);
  return stateOf(deps.db, user, workshop, course);
}

/**
 * Start a workshop around a target group or a citizen's course, optionally linked to a
 * measurement; the creator facilitates. Around a course, only those with access to the
 * course may start it (its caseworker too), and its network parties are suggested as actors.
 */
export async function createWorkshop(
  deps: WorkshopDeps,
  user: AuthUser,
  input: {
    title: string;
    targetGroup: string;
    measurementId: string | null;
    courseId?: string | null | undefined;
  },
) {
  const course = await courseOf(deps.db, user, input.courseId ?? null, courseNotFoundHere);
  if (!mayFacilitate(user, course)) throw forbidden();
  if (input.measurementId) {
    const measurement = requireKind(
      await findMeasurement(deps.db, user.municipalityId, input.measurementId),
      'network',
    );
    if (!measurement || (can(user.role, 'units.lead') && measurement.status === 'draft'))
      throw measurementNotFound();
  }
  const workshop = await deps.db.transaction().execute(async (trx) => {
    const created = await repo.insertWorkshop(trx, {
      municipality_id: user.municipalityId,
      title: input.title,
      target_group: input.targetGroup,
      measurement_id: input.measurementId,
      course_id: course?.course.id ?? null,
      current_actor_id: null,
      facilitator_id: user.userId,
      facilitator_seen_at: new Date(),
      created_by: user.userId,
    });
    await recordUserAudit(trx, user, 'create', 'workshop', created.id, { title: input.title });
    if (course) {
      const main = course.members.find((m) => m.relation === 'borger');
      await auditCitizens(
        trx,
        course.actor,
        'workshop.create',
        course.course.id,
        main ? [main.id] : [],
        {
          detail: { workshopId: created.id },
        },
      );
    }
    return created;
  });
  return stateOf(deps.db, user, workshop, course);
}

const courseNotFoundHere = () =>
  notFound({ da: 'Forløbet findes ikke.', en: 'The course does not exist.' });

/** Take (or keep) the facilitator lock; 409 while someone else holds it and is active. */
export async function claimFacilitator(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  now = new Date(),
) {
  await loadForChange(deps.db, user, id);
  const changed = await deps.db.transaction().execute(async (trx) => {
    const w = await repo.lockWorkshop(trx, user.municipalityId, id);
    if (!w) throw workshopNotFound();
    if (w.facilitator_id !== null && w.facilitator_id !== user.userId && !isIdle(w, now)) {
      const name = await repo.facilitatorName(trx, w.facilitator_id);
      throw conflict(
        {
          da: `${name} faciliterer allerede workshoppen. Bed ${name} om at give rollen videre, eller vent: rollen bliver fri efter 2 minutter uden aktivitet.`,
          en: `${name} is already facilitating this workshop. Ask ${name} to hand over, or wait: the role becomes free after 2 minutes without activity.`,
        },
        { facilitator: name },
      );
    }
    if (w.facilitator_id === user.userId) {
      await trx
        .updateTable('workshop')
        .set({ facilitator_seen_at: now })
        .where('id', '=', id)
        .execute();
      return undefined;
    }
    return repo.touchWorkshop(trx, id, { facilitator_id: user.userId, facilitator_seen_at: now });
  });
  if (changed) await publish(deps, id, changed.version);
  return getWorkshop(deps, user, id);
}

/** Hand the facilitator role over: the holder releases the lock for the next who asks. */
export async function releaseFacilitator(deps: WorkshopDeps, user: AuthUser, id: string) {
  await load(deps.db, user, id);
  const changed = await deps.db.transaction().execute(async (trx) => {
    const w = await repo.lockWorkshop(trx, user.municipalityId, id);
    if (!w) throw workshopNotFound();
    if (w.facilitator_id !== user.userId) return undefined;
    return repo.touchWorkshop(trx, id, { facilitator_id: null, facilitator_seen_at: null });
  });
  if (changed) await publish(deps, id, changed.version);
  return getWorkshop(deps, user, id);
}

/**
 * Apply one change as the facilitator: lock the row, check the lock is the user's, run
 * `change`, count the change and tell the followers.
 */
async function edit(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  change: (trx: Kysely<Database>, workshop: Workshop) => Promise<Partial<Workshop> | void>,
): Promise<WorkshopState> {
  await loadForChange(deps.db, user, id);
  const now = new Date();
  const { version } = await deps.db.transaction().execute(async (trx) => {
    const w = await repo.lockWorkshop(trx, user.municipalityId, id);
    if (!w) throw workshopNotFound();
    if (w.facilitator_id !== user.userId) {
      const name = w.facilitator_id ? await repo.facilitatorName(trx, w.facilitator_id) : '';
      throw conflict(
        w.facilitator_id
          ? {
              da: `Kun facilitatoren kan ændre workshoppen, og det er ${name}.`,
              en: `Only the facilitator can change the workshop, and that is ${name}.`,
            }
          : {
              da: 'Tag rollen som facilitator, før du ændrer workshoppen.',
              en: 'Take the facilitator role before changing the workshop.',
            },
        { facilitator: name || null },
      );
    }
    const workshopChange = (await change(trx, w)) ?? {};
    return repo.touchWorkshop(trx, id, {
      ...workshopChange,
      facilitator_seen_at: now,
    });
  });
  await publish(deps, id, version);
  return getWorkshop(deps, user, id);
}

async function requireActor(trx: Kysely<Database>, workshopId: string, actorId: string) {
  const actors = await repo.listActors(trx, workshopId);
  if (!actors.some((a) => a.id === actorId))
    throw notFound({ da: 'Aktøren findes ikke.', en: 'The actor does not exist.' });
  return actors;
}

/** Step 1: put an actor on the canvas, from a unit of the organisation or typed on the spot. */
export async function addActor(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  input: { unitId: string | null; label: string | null; x: number; y: number },
) {
  let label = input.label?.trim() ?? '';
  if (input.unitId) {
    const unit = (await listUnits(deps.db, user.municipalityId, false)).find(
      (u) => u.id === input.unitId,
    );
    if (!unit) throw notFound({ da: 'Enheden findes ikke.', en: 'The unit does not exist.' });
    if (label === '') label = unit.name;
  }
  if (label === '') {
    throw badRequest({
      da: 'Skriv aktørens navn, eller vælg en enhed.',
      en: "Type the actor's name, or choose a unit.",
    });
  }
  return edit(deps, user, id, async (trx) => {
    const added = await repo.insertActor(trx, {
      workshopId: id,
      unitId: input.unitId,
      label,
      x: input.x,
      y: input.y,
    });
    if (!added) {
      throw conflict({
        da: 'Enheden er allerede på lærredet.',
        en: 'The unit is already on the canvas.',
      });
    }
  });
}

/** Move or rename an actor. */
export async function updateActor(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  actorId: string,
  change: { label?: string; x?: number; y?: number },
) {
  return edit(deps, user, id, async (trx) => {
    if (!(await repo.updateActor(trx, id, actorId, change)))
      throw notFound({ da: 'Aktøren findes ikke.', en: 'The actor does not exist.' });
  });
}

/** Take an actor off the canvas (with its ratings). A rated network keeps at least two. */
export async function removeActor(deps: WorkshopDeps, user: AuthUser, id: string, actorId: string) {
  return edit(deps, user, id, async (trx, w) => {
    const actors = await requireActor(trx, id, actorId);
    if (w.step > 1 && actors.length <= 2) throw tooFewActors();
    await repo.deleteActor(trx, id, actorId);
    if (w.current_actor_id === actorId) {
      return { current_actor_id: actors.find((a) => a.id !== actorId)?.id ?? null };
    }
  });
}

const tooFewActors = () =>
  badRequest({
    da: 'En workshop skal have mindst to aktører, før I kan vurdere relationerne mellem dem.',
    en: 'A workshop needs at least two actors before you can rate the ties between them.',
  });

/** Move to step 1, 2 or 3. Step 2 and 3 need two actors; step 2 starts with the first actor. */
export async function setStep(deps: WorkshopDeps, user: AuthUser, id: string, step: number) {
  return edit(deps, user, id, async (trx, w) => {
    if (step === 1) return { step };
    const actors = await repo.listActors(trx, id);
    if (actors.length < 2) throw tooFewActors();
    const current = actors.some((a) => a.id === w.current_actor_id)
      ? w.current_actor_id
      : actors[0]!.id;
    return { step, current_actor_id: current };
  });
}

/** Step 2: the actor whose place the room takes now ("sæt jer i … sted"). */
export async function setCurrentActor(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  actorId: string,
) {
  return edit(deps, user, id, async (trx, w) => {
    if (w.step !== 2) {
      throw badRequest({
        da: 'I vælger aktør i trin 2.',
        en: 'The current actor is chosen in step 2.',
      });
    }
    await requireActor(trx, id, actorId);
    return { current_actor_id: actorId };
  });
}

/** Step 2: colour the tie from one actor to another (null clears it). */
export async function rateTie(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  input: { fromActorId: string; toActorId: string; rating: WorkshopRating | null },
) {
  if (input.fromActorId === input.toActorId) {
    throw badRequest({
      da: 'En aktør vurderer ikke relationen til sig selv her.',
      en: 'An actor does not rate a tie to itself here.',
    });
  }
  return edit(deps, user, id, async (trx, w) => {
    if (w.step < 2) {
      throw badRequest({
        da: 'Relationerne vurderes i trin 2. Gå videre fra trin 1 først.',
        en: 'Ties are rated in step 2. Move on from step 1 first.',
      });
    }
    const actors = new Set((await repo.listActors(trx, id)).map((a) => a.id));
    if (!actors.has(input.fromActorId) || !actors.has(input.toActorId))
      throw notFound({ da: 'Aktøren findes ikke.', en: 'The actor does not exist.' });
    if (input.rating === null) await repo.deleteRating(trx, id, input.fromActorId, input.toActorId);
    else await repo.upsertRating(trx, id, input.fromActorId, input.toActorId, input.rating);
  });
}

const ownerRequired = () =>
  badRequest({
    da: 'Et udviklingspunkt skal have en ansvarlig.',
    en: 'A development point needs an owner.',
  });

/** Step 3: a development point on the canvas, with its owner (required) and date. */
export async function addPoint(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  input: { text: string; owner: string; dueOn: string | null; x: number; y: number },
) {
  if (input.owner.trim() === '') throw ownerRequired();
  return edit(deps, user, id, async (trx) => {
    await repo.insertPoint(trx, { workshopId: id, ...input, owner: input.owner.trim() });
  });
}

/** Change, move or tick off a development point. */
export async function updatePoint(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
  pointId: string,
  change: {
    text?: string;
    owner?: string;
    dueOn?: string | null;
    done?: boolean;
    x?: number;
    y?: number;
  },
) {
  if (change.owner !== undefined && change.owner.trim() === '') throw ownerRequired();
  const { dueOn, owner, ...rest } = change;
  return edit(deps, user, id, async (trx) => {
    const ok = await repo.updatePoint(trx, id, pointId, {
      ...rest,
      ...(owner === undefined ? {} : { owner: owner.trim() }),
      ...(dueOn === undefined ? {} : { due_on: dueOn }),
    });
    if (!ok) throw pointNotFound();
  });
}

const pointNotFound = () =>
  notFound({ da: 'Udviklingspunktet findes ikke.', en: 'The development point does not exist.' });

export async function removePoint(deps: WorkshopDeps, user: AuthUser, id: string, pointId: string) {
  return edit(deps, user, id, async (trx) => {
    if (!(await repo.deletePoint(trx, id, pointId))) throw pointNotFound();
  });
}

/**
 * The room's map beside the measured map of the same groups: every tie between two
 * actors that are units, from the linked measurement's latest wave. The analysis comes
 * from the results service, so a leader sees only the ties touching their unit and
 * suppressed ties stay suppressed.
 */
export async function compareWithSurvey(
  deps: WorkshopDeps,
  user: AuthUser,
  id: string,
): Promise<WorkshopComparison> {
  const { workshop } = await load(deps.db, user, id);
  if (!workshop.measurement_id) {
    throw badRequest({
      da: 'Workshoppen er ikke knyttet til en måling.',
      en: 'The workshop is not linked to a measurement.',
    });
  }
  const measurement = await findMeasurement(deps.db, user.municipalityId, workshop.measurement_id);
  // An open measurement has no figures yet: the room's map stands alone until it closes.
  if (measurement?.status !== 'closed') {
    return { measurementId: workshop.measurement_id, wave: null, thresholds: null, ties: [] };
  }
  const analysis = await analyseMeasurement(deps.db, user, workshop.measurement_id);
  const wave = analysis.result.waves.at(-1);
  const [actors, ratings] = await Promise.all([
    repo.listActors(deps.db, id),
    repo.listRatings(deps.db, id),
  ]);
  const room = new Map(ratings.map((r) => [`${r.from_actor_id}>${r.to_actor_id}`, r.rating]));
  const ties = new Map((wave?.ties ?? []).map((t) => [`${t.from}>${t.to}`, t]));
  const units = actors.filter((a) => a.unit_id !== null && a.unit_name !== null);
  const compared: ComparedTie[] = [];
  for (const from of units) {
    for (const to of units) {
      if (from.id === to.id) continue;
      const rating = room.get(`${from.id}>${to.id}`) ?? null;
      const tie = ties.get(`${from.unit_name}>${to.unit_name}`);
      const survey = tie ? { score: tie.score, level: tie.level } : null;
      if (rating === null && survey === null) continue;
      compared.push({
        fromActorId: from.id,
        toActorId: to.id,
        room: rating,
        survey,
        agrees:
          rating === null || survey === null || survey.level === 'suppressed'
            ? null
            : SURVEY_LEVEL[rating] === survey.level,
      });
    }
  }
  return {
    measurementId: workshop.measurement_id,
    wave: wave?.wave ?? null,
    thresholds: analysis.result.thresholds,
    ties: compared,
  };
}

/**
 * Who may see a workshop: anyone logged in to its municipality (employees take part too);
 * one around a citizen's course only those with access to the course.
 */
export async function assertVisible(deps: WorkshopDeps, user: AuthUser, id: string) {
  const { workshop } = await load(deps.db, user, id);
  return workshop;
}
