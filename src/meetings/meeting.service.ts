/**
 * Meetings of a course: start-up, network and staff meetings with invitees from the
 * network (the coordinator always), roles, minutes and agreements; the agreements become
 * plan actions as one reviewed plan revision through the plan service. Invitations,
 * changes, cancellations and reminders go through the mail queue; a reminder is a job
 * in the database (it survives restarts) that claims its meeting before mailing, so it
 * never mails twice.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth/auth.service.js';
import {
  danishToday,
  loadChangeableCourse,
  loadReadableCourse,
  type CourseContext,
} from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { partyView } from '../courses/course-view.js';
import * as courses from '../courses/course.repository.js';
import type { Database } from '../db/schema.js';
import type { Citizen } from '../db/tables/citizen.table.js';
import type { MeetingKind, MeetingRole } from '../../contract/meetings.js';
import type {
  Agreement,
  AgreementsToPlan,
  AgreementsToPlanInput,
  Invitee,
  MeetingChange,
  MeetingInput,
  MeetingList,
  Meeting as MeetingView,
} from '../../contract/meetings.schema.js';
import type { Meeting } from '../db/tables/meeting.table.js';
import { enqueueJob } from '../jobs/job.repository.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { queueMail } from '../mail/mail.service.js';
import * as plans from '../plans/plan.repository.js';
import { planSchema, type Plan } from '../../contract/plans.schema.js';
import { savePlan } from '../plans/plan.service.js';
import { AppError, badRequest, notFound } from '../kernel/errors.js';
import { meetingIcs } from './ics.js';
import * as repo from './meeting.repository.js';
import type { Db } from '../db/db.js';

export const MEETING_REMINDER_JOB = 'meeting-reminder';
/** Reminders go out this long before a meeting. */
const REMIND_BEFORE_MS = 24 * 60 * 60 * 1000;

const KIND_NAMES: Record<MeetingKind, { da: string; en: string }> = {
  opstart: { da: 'Tværfagligt opstartsmøde', en: 'Cross-disciplinary start-up meeting' },
  netvaerk: { da: 'Netværksmøde', en: 'Network meeting' },
  personale: { da: 'Personalemøde (uden borgeren)', en: 'Staff meeting (without the citizen)' },
};

/** What a course's meetings need from the course: its members, parties and coordinators. */
interface CourseFacts {
  courseId: string;
  municipalityId: string;
  /** The lead first (the meeting's organiser), then the co-coordinators, who are invited too. */
  coordinators: { id: string; name: string; email: string }[];
  members: Citizen[];
  parties: ReturnType<typeof partyView>[];
}

async function factsOf(
  db: Db,
  context: Pick<CourseContext, 'course' | 'members' | 'parties' | 'coCoordinators'>,
): Promise<CourseFacts> {
  const { course } = context;
  const [person] = await courses.findPeople(db, course.municipality_id, [
    course.coordinator_person_id,
  ]);
  return {
    courseId: course.id,
    municipalityId: course.municipality_id,
    coordinators: [
      {
        id: course.coordinator_person_id,
        name: person?.name ?? '',
        email: person?.email ?? '',
      },
      ...context.coCoordinators.map((c) => ({
        id: c.person_id,
        name: c.name,
        email: c.email ?? '',
      })),
    ],
    members: context.members,
    parties: context.parties.map(partyView),
  };
}

/** Everyone invited: the coordinators first, then parties, then members. */
export function inviteesOf(
  meeting: Pick<Meeting, 'party_ids' | 'member_ids'>,
  facts: CourseFacts,
): Invitee[] {
  const parties = facts.parties.filter((p) => meeting.party_ids.includes(p.id));
  const members = facts.members.filter((m) => meeting.member_ids.includes(m.id));
  return [
    ...facts.coordinators.map((c) => ({
      id: c.id,
      kind: 'coordinator' as const,
      name: c.name,
      email: c.email || null,
    })),
    ...parties.map((p) => ({ id: p.id, kind: 'party' as const, name: p.name, email: p.email })),
    ...members.map((m) => ({ id: m.id, kind: 'member' as const, name: m.name, email: m.email })),
  ];
}

function meetingView(meeting: Meeting, facts: CourseFacts): MeetingView {
  return {
    id: meeting.id,
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.starts_at.toISOString(),
    endsAt: endOf(meeting).toISOString(),
    durationMinutes: meeting.duration_minutes,
    place: meeting.place,
    agenda: meeting.agenda,
    status: meeting.status,
    invitees: inviteesOf(meeting, facts),
    roles: meeting.roles,
    minutes: meeting.minutes,
    agreements: meeting.agreements,
    planVersion: meeting.plan_version,
    sequence: meeting.sequence,
  };
}

const endOf = (m: Pick<Meeting, 'starts_at' | 'duration_minutes'>) =>
  new Date(m.starts_at.getTime() + m.duration_minutes * 60_000);

const inPast = () =>
  badRequest({
    da: 'Et møde kan ikke planlægges i fortiden. Vælg et tidspunkt frem i tiden.',
    en: 'A meeting cannot be planned in the past. Choose a time in the future.',
  });

const outsideNetwork = () =>
  badRequest({
    da: 'Alle inviterede skal være med i forløbets netværk eller familie.',
    en: "Everyone invited must be in the course's network or family.",
  });

const meetingNotFound = () =>
  notFound({ da: 'Mødet findes ikke.', en: 'The meeting does not exist.' });

const meetingCancelled = () =>
  new AppError(409, 'closed', {
    da: 'Mødet er aflyst og kan ikke ændres.',
    en: 'The meeting is cancelled and cannot be changed.',
  });

/** Check invitees, roles and the kind's rules against the course; throws 400 on any problem. */
function checkInvitees(
  context: CourseContext,
  kind: MeetingKind,
  partyIds: string[],
  memberIds: string[],
  roles: Partial<Record<MeetingRole, string>>,
) {
  const parties = new Set(context.parties.map((p) => p.id));
  const members = new Set(context.members.map((m) => m.id));
  if (!partyIds.every((id) => parties.has(id)) || !memberIds.every((id) => members.has(id))) {
    throw outsideNetwork();
  }
  if (kind === 'personale' && memberIds.length > 0) {
    throw badRequest({
      da: 'Et personalemøde holdes uden borgeren og familien. Vælg netværksmøde for at invitere dem.',
      en: 'A staff meeting is held without the citizen and family. Choose a network meeting to invite them.',
    });
  }
  const invited = new Set([
    context.course.coordinator_person_id,
    ...context.coCoordinators.map((c) => c.person_id),
    ...partyIds,
    ...memberIds,
  ]);
  if (!Object.values(roles).every((id) => invited.has(id))) {
    throw badRequest({
      da: 'Mødets roller skal gives til nogen, der er inviteret.',
      en: 'Meeting roles must go to someone who is invited.',
    });
  }
}

function checkFuture(startsAt: Date, now: Date) {
  if (Number.isNaN(startsAt.getTime()) || startsAt.getTime() <= now.getTime()) throw inPast();
}

const mainOf = (members: Citizen[]) => members.find((m) => m.relation === 'borger');

const when = (date: Date, lang: 'da' | 'en') =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(date);

type MailKind = 'invitation' | 'changed' | 'cancelled' | 'reminder';
const SUBJECTS: Record<MailKind, string> = {
  invitation: 'Samspil: invitation til møde / meeting invitation',
  changed: 'Samspil: mødet er ændret / the meeting has changed',
  cancelled: 'Samspil: mødet er aflyst / the meeting is cancelled',
  reminder: 'Samspil: påmindelse om møde i morgen / reminder: meeting tomorrow',
};
const LEADS: Record<MailKind, { da: string; en: string }> = {
  invitation: { da: 'Du er inviteret til et møde.', en: 'You are invited to a meeting.' },
  changed: {
    da: 'Et møde, du er inviteret til, er ændret.',
    en: 'A meeting you are invited to has changed.',
  },
  cancelled: { da: 'Mødet er aflyst.', en: 'The meeting is cancelled.' },
  reminder: { da: 'Husk mødet.', en: 'Remember the meeting.' },
};

/**
 * Mail every invitee with an address. No citizen name or CPR in the mail: the meeting's
 * kind, time and place, and where staff find it. The .ics is fetched from the link.
 */
async function mailInvitees(
  db: Db,
  mail: MailTransport,
  meeting: Meeting,
  facts: CourseFacts,
  kind: MailKind,
  publicUrl: string,
): Promise<number> {
  let sent = 0;
  const courseLink = `${publicUrl}/forloeb/${facts.courseId}/moeder`;
  const ics = `${publicUrl}/api/courses/${facts.courseId}/meetings/${meeting.id}/ics`;
  const seen = new Set<string>();
  for (const invitee of inviteesOf(meeting, facts)) {
    if (!invitee.email || seen.has(invitee.email)) continue;
    seen.add(invitee.email);
    const staff = invitee.kind !== 'member';
    const name = KIND_NAMES[meeting.kind];
    await queueMail(db, mail, {
      municipalityId: facts.municipalityId,
      kind: `meeting-${kind}`,
      to: invitee.email,
      subject: SUBJECTS[kind],
      text:
        `${LEADS[kind].da}\n${name.da}: ${meeting.title}\n${when(meeting.starts_at, 'da')}\nSted: ${meeting.place}\n` +
        (staff
          ? `Se mødet i Samspil: ${courseLink}\nKalenderfil: ${ics}\n`
          : 'Du kan se mødet, når du åbner dit forløb i Samspil.\n') +
        `\n${LEADS[kind].en}\n${name.en}: ${meeting.title}\n${when(meeting.starts_at, 'en')}\nPlace: ${meeting.place}\n` +
        (staff ? `See the meeting in Samspil: ${courseLink}\nCalendar file: ${ics}\n` : ''),
    });
    sent++;
  }
  return sent;
}

async function scheduleReminder(db: Db, meeting: Meeting, publicUrl: string) {
  const runAt = new Date(Math.max(Date.now(), meeting.starts_at.getTime() - REMIND_BEFORE_MS));
  await enqueueJob(db, {
    kind: MEETING_REMINDER_JOB,
    payload: { meetingId: meeting.id, sequence: meeting.sequence, publicUrl },
    runAt,
    // One reminder per meeting and time: moving the meeting bumps its sequence.
    dedupeKey: `meeting-reminder:${meeting.id}:${meeting.sequence}`,
  });
}

async function loadReadable(deps: CourseDeps, user: AuthUser, courseId: string) {
  return loadReadableCourse(deps.db, user, courseId, {
    da: 'Du har ikke samtykke til at se forløbets møder.',
    en: "You have no consent to see the course's meetings.",
  });
}

const audited = (context: CourseContext) => {
  const main = mainOf(context.members);
  return main ? [main.id] : [];
};

/** Plan a meeting; invites by mail and schedules the reminder. */
export async function createMeeting(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: MeetingInput,
  now = new Date(),
): Promise<MeetingView> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const startsAt = new Date(input.startsAt);
  checkFuture(startsAt, now);
  const roles = input.roles ?? {};
  checkInvitees(context, input.kind, input.partyIds, input.memberIds, roles);
  const facts = await factsOf(deps.db, context);
  const meeting = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertMeeting(trx, {
      municipality_id: context.actor.municipalityId,
      course_id: courseId,
      kind: input.kind,
      title: input.title?.trim() || KIND_NAMES[input.kind].da,
      starts_at: startsAt,
      duration_minutes: input.durationMinutes,
      place: input.place,
      agenda: input.agenda ?? '',
      party_ids: JSON.stringify([...new Set(input.partyIds)]),
      member_ids: JSON.stringify([...new Set(input.memberIds)]),
      roles: JSON.stringify(roles),
      minutes: '',
      agreements: '[]',
      status: 'planned',
      plan_version: null,
      reminded_at: null,
      created_by: context.actor.userId,
      cancelled_at: null,
    });
    await mailInvitees(trx, deps.mail, row, facts, 'invitation', deps.publicUrl);
    await scheduleReminder(trx, row, deps.publicUrl);
    await auditCitizens(trx, context.actor, 'meeting.create', courseId, audited(context), {
      detail: { meetingId: row.id, kind: row.kind },
    });
    return row;
  });
  return meetingView(meeting, facts);
}

/** The course's meetings: the next one, upcoming and past (cancelled ones included, marked). */
export async function listMeetings(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<MeetingList> {
  const context = await loadReadable(deps, user, courseId);
  const facts = await factsOf(deps.db, context);
  const rows = await repo.listMeetings(deps.db, context.actor.municipalityId, courseId);
  const now = Date.now();
  const views = rows.map((r) => meetingView(r, facts));
  const upcoming = views.filter((m) => new Date(m.endsAt).getTime() >= now);
  const past = views.filter((m) => new Date(m.endsAt).getTime() < now).reverse();
  await auditCitizens(deps.db, context.actor, 'meeting.list', courseId, audited(context), {
    detail: { meetings: rows.length },
  });
  return {
    next: upcoming.find((m) => m.status === 'planned') ?? null,
    upcoming,
    past,
  };
}

async function findOr404(deps: CourseDeps, context: CourseContext, meetingId: string) {
  const meeting = await repo.findMeeting(
    deps.db,
    context.actor.municipalityId,
    context.course.id,
    meetingId,
  );
  if (!meeting) throw meetingNotFound();
  return meeting;
}

/** Change a planned meeting: time, place, invitees, roles, agenda, minutes, agreements. */
export async function updateMeeting(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  meetingId: string,
  change: MeetingChange,
  now = new Date(),
): Promise<MeetingView> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const meeting = await findOr404(deps, context, meetingId);
  if (meeting.status === 'cancelled') throw meetingCancelled();
  const startsAt = change.startsAt === undefined ? meeting.starts_at : new Date(change.startsAt);
  if (change.startsAt !== undefined) checkFuture(startsAt, now);
  const partyIds = change.partyIds ?? meeting.party_ids;
  const memberIds = change.memberIds ?? meeting.member_ids;
  const roles = change.roles ?? meeting.roles;
  checkInvitees(context, meeting.kind, partyIds, memberIds, roles);
  const parties = new Set(context.parties.map((p) => p.id));
  const agreements = change.agreements?.map((a): Agreement => {
    if (!parties.has(a.partyId)) {
      throw badRequest({
        da: 'Hver aftale skal have en ansvarlig fra netværket.',
        en: 'Every agreement needs someone responsible from the network.',
      });
    }
    const before = meeting.agreements.find((b) => b.id === a.id);
    return {
      id: before?.id ?? randomUUID(),
      partyId: a.partyId,
      text: a.text,
      due: a.due ?? null,
      actionId: before?.actionId ?? null,
    };
  });
  const moved =
    startsAt.getTime() !== meeting.starts_at.getTime() ||
    (change.durationMinutes !== undefined && change.durationMinutes !== meeting.duration_minutes) ||
    (change.place !== undefined && change.place !== meeting.place);
  const facts = await factsOf(deps.db, context);
  const updated = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.updateMeeting(trx, context.actor.municipalityId, meetingId, {
      ...(change.title === undefined ? {} : { title: change.title }),
      starts_at: startsAt,
      ...(change.durationMinutes === undefined ? {} : { duration_minutes: change.durationMinutes }),
      ...(change.place === undefined ? {} : { place: change.place }),
      ...(change.agenda === undefined ? {} : { agenda: change.agenda }),
      ...(change.minutes === undefined ? {} : { minutes: change.minutes }),
      party_ids: JSON.stringify([...new Set(partyIds)]),
      member_ids: JSON.stringify([...new Set(memberIds)]),
      roles: JSON.stringify(roles),
      ...(agreements === undefined ? {} : { agreements: JSON.stringify(agreements) }),
      // Calendars follow a change of time or place only when SEQUENCE grows.
      ...(moved ? { sequence: meeting.sequence + 1, reminded_at: null } : {}),
    });
    if (moved) {
      await mailInvitees(trx, deps.mail, row, facts, 'changed', deps.publicUrl);
      await scheduleReminder(trx, row, deps.publicUrl);
    }
    await auditCitizens(trx, context.actor, 'meeting.update', courseId, audited(context), {
      detail: { meetingId, fields: Object.keys(change) },
    });
    return row;
  });
  return meetingView(updated, facts);
}

/** Cancel a planned meeting; invitees get one cancellation, calendars a METHOD:CANCEL. */
export async function cancelMeeting(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  meetingId: string,
): Promise<MeetingView> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const meeting = await findOr404(deps, context, meetingId);
  if (meeting.status === 'cancelled') throw meetingCancelled();
  const facts = await factsOf(deps.db, context);
  const row = await deps.db.transaction().execute(async (trx) => {
    const cancelled = await repo.updateMeeting(trx, context.actor.municipalityId, meetingId, {
      status: 'cancelled',
      cancelled_at: new Date(),
      sequence: meeting.sequence + 1,
    });
    await mailInvitees(trx, deps.mail, cancelled, facts, 'cancelled', deps.publicUrl);
    await auditCitizens(trx, context.actor, 'meeting.cancel', courseId, audited(context), {
      detail: { meetingId },
    });
    return cancelled;
  });
  return meetingView(row, facts);
}

/**
 * The meeting as iCalendar. A cancelled meeting's calendar is a METHOD:CANCEL with
 * STATUS:CANCELLED and a higher SEQUENCE, never a new invitation: importing it removes
 * the meeting from a calendar instead of putting it back.
 */
export async function meetingCalendar(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  meetingId: string,
) {
  const context = await loadReadable(deps, user, courseId);
  const meeting = await findOr404(deps, context, meetingId);
  const facts = await factsOf(deps.db, context);
  const invitees = inviteesOf(meeting, facts);
  const lead = facts.coordinators[0]!;
  await auditCitizens(deps.db, context.actor, 'meeting.ics', courseId, audited(context), {
    detail: { meetingId },
  });
  return {
    filename: `moede-${meeting.starts_at.toISOString().slice(0, 10)}.ics`,
    method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    body: meetingIcs({
      uid: `${meeting.id}@samspil`,
      sequence: meeting.sequence,
      cancelled: meeting.status === 'cancelled',
      start: meeting.starts_at,
      end: endOf(meeting),
      stamp: new Date(),
      summary: `${KIND_NAMES[meeting.kind].da}: ${meeting.title}`,
      location: meeting.place,
      description: meeting.agenda,
      organizer: lead.email ? { name: lead.name, email: lead.email } : null,
      attendees: invitees.flatMap((i) =>
        i.email && i.id !== lead.id ? [{ name: i.name, email: i.email }] : [],
      ),
    }),
  };
}

/**
 * Turn the meeting's agreements that are not yet in the plan into actions of one new
 * sub-goal, saved as ONE plan revision on `baseVersion` (409 when the plan moved on).
 * An action keeps its agreement's id, so applying twice never adds an action twice.
 */
export async function agreementsToPlan(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  meetingId: string,
  input: AgreementsToPlanInput,
): Promise<AgreementsToPlan> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const meeting = await findOr404(deps, context, meetingId);
  const latest = await plans.latestVersion(deps.db, courseId);
  const plan: Plan = latest ? planSchema.parse(latest.plan) : { parts: [] };
  const inPlan = new Set(
    plan.parts.flatMap((p) => p.subGoals.flatMap((g) => g.actions.map((a) => a.id))),
  );
  const pending = meeting.agreements.filter((a) => !inPlan.has(a.id));
  if (pending.length === 0) {
    throw badRequest({
      da: 'Mødet har ingen aftaler, der ikke allerede står i planen.',
      en: 'The meeting has no agreements that are not already in the plan.',
    });
  }
  const memberId = input.memberId ?? mainOf(context.members)?.id;
  const part = plan.parts.find((p) => p.memberId === memberId);
  if (!part) {
    throw badRequest({
      da: 'Vælg et medlem af forløbet, hvis delplan aftalerne skal stå i.',
      en: 'Choose a member of the course whose part of the plan the agreements go into.',
    });
  }
  const today = danishToday();
  const next: Plan = {
    parts: plan.parts.map((p) =>
      p !== part
        ? p
        : {
            ...p,
            subGoals: [
              ...p.subGoals,
              {
                id: randomUUID(),
                text: `Aftaler fra ${meeting.title} (${meeting.starts_at.toISOString().slice(0, 10)})`,
                actions: pending.map((a) => ({
                  id: a.id,
                  text: a.text,
                  responsiblePartyId: a.partyId,
                  law: 'andet' as const,
                  start: a.due && a.due < today ? a.due : today,
                  end: a.due,
                  status: 'planlagt' as const,
                })),
              },
            ],
          },
    ),
  };
  const saved = await savePlan(deps, user, courseId, {
    baseVersion: input.baseVersion,
    plan: next,
    participants: input.participants,
    note: `Aftaler fra mødet ${meeting.title}`,
  });
  const applied = new Set(pending.map((a) => a.id));
  await repo.updateMeeting(deps.db, context.actor.municipalityId, meetingId, {
    plan_version: saved.version,
    agreements: JSON.stringify(
      meeting.agreements.map((a) => (applied.has(a.id) ? { ...a, actionId: a.id } : a)),
    ),
  });
  return { version: saved.version, added: pending.length, notified: saved.notified };
}

/** The reminder job: mails the invitees of a still-planned meeting once per time it is set to. */
export function meetingReminderHandler(db: Kysely<Database>, mail: MailTransport): JobHandler {
  return async (payload) => {
    const meetingId = String(payload.meetingId);
    const sequence = Number(payload.sequence);
    const publicUrl = typeof payload.publicUrl === 'string' ? payload.publicUrl : '';
    await db.transaction().execute(async (trx) => {
      const meeting = await repo.claimReminder(trx, meetingId, sequence);
      if (!meeting) return;
      const course = await courses.findCourse(trx, meeting.municipality_id, meeting.course_id);
      if (!course || course.status !== 'open') return;
      const [members, parties, coCoordinators] = await Promise.all([
        courses.listMembers(trx, course.municipality_id, [course.id]),
        courses.listParties(trx, course.municipality_id, [course.id]),
        courses.listCoCoordinators(trx, course.municipality_id, [course.id]),
      ]);
      const facts = await factsOf(trx, { course, members, parties, coCoordinators });
      await mailInvitees(trx, mail, meeting, facts, 'reminder', publicUrl);
    });
  };
}
