/**
 * Leadership interventions: a leader plans two network meetings for groups they lead
 * (alone or with co-leaders of the other groups), the network's agreements and the
 * leaders' joint decisions are recorded, and a follow-up measurement is scheduled 2–4
 * months after the last meeting as the next wave of the measurement the intervention
 * was based on, with the intervention's groups tagged `intervention`.
 *
 * Who sees what: the co-leaders see and edit; everyone whose unit is one of the groups
 * sees the intervention and its agreements; analysis owners and admins see all of them.
 */
import type { Kysely } from 'kysely';
import { can } from '../../contract/permissions.js';
import { CHECKLIST_KEYS, FOLLOW_UP_MONTHS, MEETING_MINUTES } from '../../contract/interventions.js';
import type {
  CoLeaders,
  Intervention,
  InterventionAgreementInput,
  InterventionChange,
  InterventionInput,
  InterventionMeetingInput,
  InterventionSummary,
} from '../../contract/interventions.schema.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import {
  findMeasurement,
  insertMeasurement,
  listGroups,
  listMeasurements,
  replaceGroups,
  updateMeasurement,
} from '../measurements/measurement.repository.js';
import { measurementNotFound, requireKind } from '../measurements/measurement-errors.js';
import { findCourse, listParties, type PartyRow } from '../courses/course.repository.js';
import { partyView } from '../courses/course-view.js';
import { AppError, badRequest, conflict, notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import * as repo from './intervention.repository.js';

export const interventionNotFound = () =>
  notFound({ da: 'Indsatsen findes ikke.', en: 'The intervention does not exist.' });

const notALeader = () =>
  new AppError(403, 'forbidden', {
    da: 'Kun ledere kan planlægge indsatser, og din bruger er ikke knyttet til en enhed, du leder.',
    en: 'Only leaders can plan interventions, and your login is not linked to a unit you lead.',
  });

/** Participants of a case intervention's meetings must be parties of its course. */
function checkParticipants(meetings: InterventionMeetingInput[], parties: PartyRow[]) {
  const ids = new Set(parties.map((p) => p.id));
  if (meetings.some((m) => m.participants.some((p) => !ids.has(p)))) {
    throw badRequest({
      da: 'En valgt deltager er ikke med i forløbets netværk.',
      en: "A chosen participant is not in the course's network.",
    });
  }
}

/**
 * The course of a case intervention: a leader of a unit in its network holds it (with a
 * leader colleague), a course allocated to control gets none, and a course has one.
 */
async function caseCourse(
  db: Kysely<Database>,
  user: AuthUser,
  courseId: string,
  led: Map<string, string>,
) {
  const course = await findCourse(db, user.municipalityId, courseId);
  if (!course) throw notFound({ da: 'Forløbet findes ikke.', en: 'The course does not exist.' });
  const parties = await listParties(db, user.municipalityId, [courseId]);
  if (!parties.some((p) => p.kind !== 'external' && p.org_unit_id && led.has(p.org_unit_id))) {
    throw new AppError(403, 'forbidden', {
      da: 'En ledelsesintervention på et forløb holdes af en leder af en enhed i forløbets netværk.',
      en: "A case intervention is held by a leader of a unit in the course's network.",
    });
  }
  if (course.arm === 'kontrol') {
    throw conflict({
      da: 'Forløbet er trukket til kontrolgruppen og får ingen ledelsesintervention.',
      en: 'The course was allocated to control and gets no leadership intervention.',
    });
  }
  if (await repo.findCourseIntervention(db, user.municipalityId, courseId)) {
    throw conflict({
      da: 'Forløbet har allerede en ledelsesintervention.',
      en: 'The course already has a leadership intervention.',
    });
  }
  return { course, parties };
}

/** The meetings' rules: 45–60 minutes each, meeting 2 after meeting 1. */
function checkMeetings(meetings: InterventionMeetingInput[]) {
  meetings.forEach((m, i) => {
    if (m.durationMinutes < MEETING_MINUTES.min || m.durationMinutes > MEETING_MINUTES.max) {
      throw badRequest({
        da: `Netværksmøde ${i + 1} skal vare 45–60 minutter (ikke ${m.durationMinutes}).`,
        en: `Network meeting ${i + 1} must last 45–60 minutes (not ${m.durationMinutes}).`,
      });
    }
  });
  const [first, second] = meetings;
  if (first && second && second.startsAt.getTime() <= first.startsAt.getTime()) {
    throw badRequest({
      da: 'Netværksmøde 2 skal ligge efter netværksmøde 1 (skabelonen foreslår ca. en måned efter).',
      en: 'Network meeting 2 must come after network meeting 1 (the template suggests about a month later).',
    });
  }
}

const day = (date: Date) => date.toISOString().slice(0, 10);
function addMonths(isoDay: string, months: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  // Clamp to the target month's last day (31 January + 1 month = 28/29 February).
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(d.getUTCDate(), last.getUTCDate()));
  return day(target);
}

/** The follow-up's rules: after the meetings, 2–4 months after the last one. */
function checkFollowUp(followUpOn: string, lastMeeting: Date) {
  const last = day(lastMeeting);
  if (followUpOn <= last) {
    throw badRequest({
      da: `Opfølgningsmålingen skal ligge efter netværksmøderne (sidste møde er ${last}).`,
      en: `The follow-up measurement must come after the network meetings (the last meeting is on ${last}).`,
    });
  }
  const earliest = addMonths(last, FOLLOW_UP_MONTHS.min);
  const latest = addMonths(last, FOLLOW_UP_MONTHS.max);
  if (followUpOn < earliest || followUpOn > latest) {
    throw badRequest({
      da: `Opfølgningsmålingen skal ligge 2–4 måneder efter sidste netværksmøde: mellem ${earliest} og ${latest}.`,
      en: `The follow-up measurement must come 2–4 months after the last network meeting: between ${earliest} and ${latest}.`,
    });
  }
}

/** How the user may reach one intervention: as a co-leader (edit) or a reader. */
async function access(db: Kysely<Database>, user: AuthUser, id: string, viaCourse = false) {
  const intervention = await repo.findIntervention(db, user.municipalityId, id);
  if (!intervention) throw interventionNotFound();
  const [units, leaders] = await Promise.all([
    repo.listUnitsOf(db, [id]),
    repo.listLeadersOf(db, [id]),
  ]);
  const youLead = leaders.some((l) => l.id === user.userId);
  if (!youLead && !viaCourse && !can(user.role, 'interventions.readAll')) {
    const unitId = await repo.unitOfUser(db, user.municipalityId, user.userId);
    if (unitId === null || !units.some((u) => u.id === unitId)) throw interventionNotFound();
  }
  return { intervention, units, leaders, youLead };
}

async function view(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  viaCourse = false,
): Promise<Intervention> {
  const { intervention: i, units, leaders, youLead } = await access(db, user, id, viaCourse);
  const [meetings, agreements, followUp, parties] = await Promise.all([
    repo.listMeetings(db, [id]),
    repo.listAgreements(db, id),
    i.follow_up_measurement_id
      ? findMeasurement(db, user.municipalityId, i.follow_up_measurement_id)
      : undefined,
    i.course_id ? listParties(db, user.municipalityId, [i.course_id]) : [],
  ]);
  const partyNames = new Map(parties.map((p) => [p.id, partyView(p).name]));
  return {
    id: i.id,
    title: i.title,
    courseId: i.course_id,
    status: i.status,
    measurementId: i.measurement_id,
    checklist: Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, i.checklist[k] === true])),
    followUpOn: i.follow_up_on,
    followUpMeasurement: followUp
      ? {
          id: followUp.id,
          title: followUp.title,
          status: followUp.status,
          waveLabel: followUp.wave_label,
          opensAt: followUp.opens_at?.toISOString() ?? null,
        }
      : null,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    leaders: leaders.map((l) => ({ id: l.id, name: l.name, unitName: l.unit_name })),
    meetings: meetings.map((m) => ({
      number: m.number,
      startsAt: m.starts_at.toISOString(),
      durationMinutes: m.duration_minutes,
      facilitator: m.facilitator,
      colleague: m.colleague,
      held: m.held,
      // A party removed from the course since drops out of the list.
      participants: m.participants
        .filter((p) => partyNames.has(p))
        .map((p) => ({ id: p, name: partyNames.get(p)! })),
    })),
    agreements: agreements.map((a) => ({
      id: a.id,
      kind: a.kind,
      checklistKey: a.checklist_key,
      text: a.text,
      createdAt: a.created_at.toISOString(),
      createdBy: a.created_by_name,
    })),
    youLead,
    createdAt: new Date(i.created_at).toISOString(),
  };
}

/** One intervention as its page shows it. */
export async function getIntervention(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
): Promise<Intervention> {
  return view(db, user, id);
}

/**
 * A course's case intervention for someone the caller has already let see the course
 * (the course page shows it to everyone with access to the course), or null.
 */
export async function courseInterventionView(
  db: Kysely<Database>,
  user: AuthUser,
  courseId: string,
): Promise<Intervention | null> {
  const found = await repo.findCourseIntervention(db, user.municipalityId, courseId);
  return found ? view(db, user, found.id, true) : null;
}

/** The interventions the user may see, newest first, with groups, leaders and meetings. */
export async function listVisibleInterventions(
  db: Kysely<Database>,
  user: AuthUser,
): Promise<InterventionSummary[]> {
  const scope = can(user.role, 'interventions.readAll')
    ? undefined
    : {
        userId: user.userId,
        unitIds: [await repo.unitOfUser(db, user.municipalityId, user.userId)].filter(
          (u): u is string => u !== null,
        ),
      };
  const rows = await repo.listInterventions(db, user.municipalityId, scope);
  const ids = rows.map((r) => r.id);
  const [units, leaders, meetings] = await Promise.all([
    repo.listUnitsOf(db, ids),
    repo.listLeadersOf(db, ids),
    repo.listMeetings(db, ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    followUpOn: r.follow_up_on,
    followUpMeasurementId: r.follow_up_measurement_id,
    measurementId: r.measurement_id,
    units: units.filter((u) => u.intervention_id === r.id).map((u) => ({ id: u.id, name: u.name })),
    leaders: leaders
      .filter((l) => l.intervention_id === r.id)
      .map((l) => ({ id: l.id, name: l.name })),
    nextMeeting:
      meetings
        .filter((m) => m.intervention_id === r.id && !m.held)
        .map((m) => m.starts_at.toISOString())[0] ?? null,
  }));
}

/** The user's own led unit and the leaders they can share an intervention with. */
export async function listCoLeaderCandidates(
  db: Kysely<Database>,
  user: AuthUser,
): Promise<CoLeaders> {
  requirePermission(user, 'leaders.list');
  const leaders = await repo.listLeaders(db, user.municipalityId);
  const own = leaders.find((l) => l.id === user.userId);
  return {
    own: own ? { unitId: own.unit_id, unitName: own.unit_name } : null,
    coLeaders: leaders
      .filter((l) => l.id !== user.userId)
      .map((l) => ({ id: l.id, name: l.name, unitId: l.unit_id, unitName: l.unit_name })),
  };
}

/** Plan an intervention from the template for groups the leader and the co-leaders lead. */
export async function createIntervention(
  db: Kysely<Database>,
  user: AuthUser,
  input: InterventionInput,
): Promise<Intervention> {
  if (!can(user.role, 'interventions.create')) throw notALeader();
  const me = await repo.ledUnitOf(db, user.municipalityId, user.userId);
  if (!me) throw notALeader();
  const coLeaders: NonNullable<Awaited<ReturnType<typeof repo.ledUnitOf>>>[] = [];
  for (const id of new Set(input.coLeaderUserIds.filter((u) => u !== user.userId))) {
    const leader = await repo.ledUnitOf(db, user.municipalityId, id);
    if (!leader) {
      throw badRequest({
        da: 'En valgt medleder er ikke leder af en enhed.',
        en: 'A chosen co-leader does not lead a unit.',
      });
    }
    coLeaders.push(leader);
  }
  const led = new Map([me, ...coLeaders].map((l) => [l.unit_id, l.unit_name]));
  const course = input.courseId ? await caseCourse(db, user, input.courseId, led) : null;
  const unitIds = [...new Set(input.unitIds.length > 0 || !course ? input.unitIds : led.keys())];
  if (unitIds.length === 0) {
    throw badRequest({
      da: 'Vælg mindst én gruppe, indsatsen er for.',
      en: 'Choose at least one group the intervention is for.',
    });
  }
  if (course) {
    // A network meeting without any of the network's professionals is no network meeting.
    const empty = input.meetings.findIndex((m) => m.participants.length === 0);
    if (empty >= 0) {
      throw badRequest({
        da: `Vælg mindst én deltager fra forløbets netværk til netværksmøde ${empty + 1}.`,
        en: `Choose at least one participant from the course's network for network meeting ${empty + 1}.`,
      });
    }
    checkParticipants(input.meetings, course.parties);
  }
  const notLed = unitIds.filter((u) => !led.has(u));
  if (notLed.length > 0) {
    const names = await db
      .selectFrom('unit')
      .select('name')
      .where('municipality_id', '=', user.municipalityId)
      .where('id', 'in', notLed)
      .execute();
    if (names.length < notLed.length)
      throw notFound({ da: 'En valgt enhed findes ikke.', en: 'A chosen unit does not exist.' });
    const list = names.map((n) => n.name).join(', ');
    throw new AppError(403, 'forbidden', {
      da: `Du kan kun planlægge en indsats for grupper, som du eller dine medledere leder. I leder ikke: ${list}. Tilføj deres leder som medleder.`,
      en: `You can only plan an intervention for groups you or your co-leaders lead. You do not lead: ${list}. Add their leader as a co-leader.`,
    });
  }
  checkMeetings(input.meetings);
  if (input.measurementId) await baseMeasurement(db, user, input.measurementId);
  if (input.followUpOn !== null) {
    if (!input.measurementId) throw needsMeasurement();
    checkFollowUp(input.followUpOn, input.meetings[1].startsAt);
  }
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await repo.insertIntervention(trx, {
      municipality_id: user.municipalityId,
      title: input.title,
      measurement_id: input.measurementId,
      checklist: JSON.stringify({}),
      follow_up_on: null,
      follow_up_measurement_id: null,
      course_id: course?.course.id ?? null,
      created_by: user.userId,
    });
    await repo.insertUnits(trx, id, unitIds);
    await repo.insertLeaders(trx, id, [user.userId, ...coLeaders.map((l) => l.user_id)]);
    for (const [i, m] of input.meetings.entries()) {
      await repo.upsertMeeting(trx, { interventionId: id, number: i + 1, held: false, ...m });
    }
    await recordUserAudit(trx, user, 'create', 'intervention', id, {
      title: input.title,
      units: unitIds.length,
      courseId: input.courseId,
    });
    if (input.followUpOn !== null) await scheduleIn(trx, user, id, input.followUpOn);
    return id;
  });
  return view(db, user, id);
}

const needsMeasurement = () =>
  badRequest({
    da: 'Knyt indsatsen til den måling, den bygger på, før opfølgningsmålingen planlægges.',
    en: 'Link the intervention to the measurement it is based on before scheduling the follow-up.',
  });

async function baseMeasurement(db: Kysely<Database>, user: AuthUser, measurementId: string) {
  const m = requireKind(await findMeasurement(db, user.municipalityId, measurementId), 'network');
  if (!m || m.status === 'draft') throw measurementNotFound();
  return m;
}

/** Only the intervention's co-leaders change it. */
async function asCoLeader(db: Kysely<Database>, user: AuthUser, id: string) {
  const found = await access(db, user, id);
  if (!found.youLead) {
    throw new AppError(403, 'forbidden', {
      da: 'Kun indsatsens ledere kan ændre den.',
      en: "Only the intervention's leaders can change it.",
    });
  }
  return found;
}

/** Change the title, status or checklist. */
export async function updateIntervention(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  change: InterventionChange,
): Promise<Intervention> {
  const { intervention } = await asCoLeader(db, user, id);
  await repo.updateIntervention(db, id, {
    ...(change.title === undefined ? {} : { title: change.title }),
    ...(change.status === undefined ? {} : { status: change.status }),
    ...(change.checklist === undefined
      ? {}
      : { checklist: JSON.stringify({ ...intervention.checklist, ...change.checklist }) }),
  });
  return view(db, user, id);
}

/** Re-plan or mark as held one of the two meetings; the meeting rules still hold. */
export async function updateMeeting(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  number: 1 | 2,
  meeting: InterventionMeetingInput,
): Promise<Intervention> {
  const { intervention } = await asCoLeader(db, user, id);
  const meetings = await repo.listMeetings(db, [id]);
  const planned = [1, 2].map((n) => {
    if (n === number) return meeting;
    const m = meetings.find((x) => x.number === n)!;
    return {
      startsAt: m.starts_at,
      durationMinutes: m.duration_minutes,
      facilitator: m.facilitator,
      colleague: m.colleague,
      participants: m.participants,
    };
  });
  checkMeetings(planned);
  if (intervention.course_id) {
    checkParticipants(
      [meeting],
      await listParties(db, user.municipalityId, [intervention.course_id]),
    );
  } else if (meeting.participants.length > 0) {
    throw badRequest({
      da: 'Kun en ledelsesintervention på et forløb har deltagere fra netværket.',
      en: 'Only a case intervention has participants from the network.',
    });
  }
  if (intervention.follow_up_on !== null)
    checkFollowUp(intervention.follow_up_on, planned[1]!.startsAt);
  await repo.upsertMeeting(db, {
    interventionId: id,
    number,
    held: meeting.held ?? false,
    ...meeting,
  });
  return view(db, user, id);
}

/** Record an agreement made in the network, or a joint decision of the leaders. */
export async function addAgreement(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  input: InterventionAgreementInput,
): Promise<Intervention> {
  await asCoLeader(db, user, id);
  await db.transaction().execute(async (trx) => {
    await repo.insertAgreement(trx, { interventionId: id, userId: user.userId, ...input });
    if (input.checklistKey) {
      const current = await repo.lockIntervention(trx, user.municipalityId, id);
      await repo.updateIntervention(trx, id, {
        checklist: JSON.stringify({ ...current!.checklist, [input.checklistKey]: true }),
      });
    }
  });
  return view(db, user, id);
}

/** Schedule (or move) the follow-up measurement 2–4 months after the last meeting. */
export async function scheduleFollowUp(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  followUpOn: string,
): Promise<Intervention> {
  const { intervention } = await asCoLeader(db, user, id);
  if (!intervention.measurement_id) throw needsMeasurement();
  const meetings = await repo.listMeetings(db, [id]);
  const last = meetings.reduce((a, m) => (m.starts_at > a ? m.starts_at : a), new Date(0));
  checkFollowUp(followUpOn, last);
  await db.transaction().execute((trx) => scheduleIn(trx, user, id, followUpOn));
  return view(db, user, id);
}

/**
 * The follow-up as a draft measurement: the next wave of the base measurement, with the
 * same design, opening on the follow-up date; the intervention's groups are tagged
 * `intervention` and the base's other groups keep their arm (`kontrol` when they had
 * none). A draft that already follows the base (another intervention's follow-up) is
 * reused, so one wave measures every intervention on the same base.
 */
async function scheduleIn(trx: Kysely<Database>, user: AuthUser, id: string, followUpOn: string) {
  const intervention = await repo.lockIntervention(trx, user.municipalityId, id);
  const base = intervention?.measurement_id
    ? await findMeasurement(trx, user.municipalityId, intervention.measurement_id)
    : undefined;
  if (!intervention || !base) throw needsMeasurement();
  const mine = new Set((await repo.listUnitsOf(trx, [id])).map((u) => u.id));
  const opensAt = new Date(`${followUpOn}T08:00:00Z`);
  const current = intervention.follow_up_measurement_id
    ? await findMeasurement(trx, user.municipalityId, intervention.follow_up_measurement_id)
    : undefined;
  let followUp =
    current?.status === 'draft'
      ? current
      : (await listMeasurements(trx, user.municipalityId)).find(
          (m) => m.previous_measurement_id === base.id && m.status === 'draft',
        );
  if (followUp) {
    // Moving the date: keep a closing date only if it still comes after the opening.
    await updateMeasurement(trx, user.municipalityId, followUp.id, {
      opens_at: opensAt,
      ...(followUp.closes_at && followUp.closes_at <= opensAt ? { closes_at: null } : {}),
    });
  } else {
    followUp = await insertMeasurement(trx, {
      municipality_id: user.municipalityId,
      title: `${base.title} – opfølgning`.slice(0, 200),
      focal_process: base.focal_process,
      focal_kind: base.focal_kind,
      opens_at: opensAt,
      closes_at: null,
      min_group: base.min_group,
      threshold_high: base.threshold_high,
      threshold_low: base.threshold_low,
      choose_groups: base.choose_groups,
      include_leadership: base.include_leadership,
      items: JSON.stringify(base.items),
      wave_label: 'opfølgning',
      previous_measurement_id: base.id,
      created_by: user.userId,
      opened_at: null,
      closed_at: null,
    });
  }
  const source = await listGroups(trx, followUp.id);
  const groups = (source.length > 0 ? source : await listGroups(trx, base.id)).map((g) => ({
    unitId: g.id,
    arm: mine.has(g.id) ? 'intervention' : (g.arm ?? 'kontrol'),
    flow: g.flow,
  }));
  for (const unitId of mine) {
    if (!groups.some((g) => g.unitId === unitId))
      groups.push({ unitId, arm: 'intervention', flow: null });
  }
  await replaceGroups(trx, followUp.id, groups);
  await repo.updateIntervention(trx, id, {
    follow_up_on: followUpOn,
    follow_up_measurement_id: followUp.id,
  });
  await recordUserAudit(trx, user, 'schedule_follow_up', 'intervention', id, {
    measurementId: followUp.id,
    followUpOn,
  });
}
