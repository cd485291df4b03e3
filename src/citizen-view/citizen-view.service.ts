/**
 * The citizen's own view of their course. A caseworker makes a personal link (a 256-bit
 * token; only its SHA-256 is stored; it expires); opening it asks for a one-time code
 * (6 digits, by SMS when the person prefers it and SMS is set up, otherwise by mail, valid
 * 10 minutes; 5 wrong codes lock the link);
 * the right code opens a short citizen session (HttpOnly cookie, 30 minutes) that sees
 * only that course, and of it only the member's own part and their children's. Every
 * read is audited as the citizen (no user id; `detail.actor = 'citizen'`).
 */
import type { AuditAction } from '../../contract/audit.js';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CitizenScaleValue } from '../../contract/citizen-view.js';
import type {
  CitizenActivity,
  CitizenLink,
  CitizenLinkInput,
  CitizenMessage,
  CitizenMessageInput,
  CitizenProgressionInput,
  CitizenScaleAnswered,
  CitizenScaleRequest,
  CitizenView,
  CodeSent,
  CodeStatus,
} from '../../contract/citizen-view.schema.js';
import type { MessageChannel } from '../../contract/mail.js';
import type { ProgressionResponse } from '../../contract/progression.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import { loadChangeableCourse, loadCourseFor, requireFull } from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { partyView } from '../courses/course-view.js';
import * as courses from '../courses/course.repository.js';
import type { Database } from '../db/schema.js';
import type { Citizen } from '../db/tables/citizen.table.js';
import type { Course } from '../db/tables/course.table.js';
import type { CitizenLink as CitizenLinkRow } from '../db/tables/citizen-view.table.js';
import { queueMail, queueSms } from '../mail/mail.service.js';
import { smsNumber, type SmsTransport } from '../mail/sms-transport.js';
import { CITIZEN_ITEMS, DEFAULT_CITIZEN_ITEMS } from '../measurements/default-items.js';
import * as meetings from '../meetings/meeting.repository.js';
import * as plans from '../plans/plan.repository.js';
import { planSchema } from '../../contract/plans.schema.js';
import { COORDINATOR_RESPONSIBLE } from '../../contract/plans.js';
import {
  citizenTasks,
  progressionOf,
  saveCitizenAnswers,
  saveResponse,
} from '../progression/progression.service.js';
import { AppError, badRequest, conflict, notFound } from '../kernel/errors.js';
import * as repo from './citizen-view.repository.js';
import type { Db } from '../db/db.js';

/** How long a one-time code lives. */
export const CODE_TTL_MS = 10 * 60 * 1000;
/** Wrong codes before the link locks. */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes one link may send in all (then the caseworker makes a new link). */
const MAX_CODES_PER_LINK = 20;
/** A new code replacing a valid one may be asked for this long after the last was sent. */
export const CODE_RESEND_MS = 60 * 1000;
/** A citizen session lasts this long, however active. */
export const CITIZEN_SESSION_MS = 30 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const codeHash = (linkId: string, code: string) => sha256(`${linkId}:${code}`);

const linkInvalid = () =>
  notFound({
    da: 'Linket virker ikke. Spørg din sagsbehandler om et nyt.',
    en: 'The link does not work. Ask your caseworker for a new one.',
  });
const linkExpired = () =>
  new AppError(
    410,
    'closed',
    {
      da: 'Linket er udløbet. Spørg din sagsbehandler om et nyt.',
      en: 'The link has expired. Ask your caseworker for a new one.',
    },
    { reason: 'expired' },
  );
const courseClosed = () =>
  new AppError(
    410,
    'closed',
    {
      da: 'Dit forløb er afsluttet. Linket virker ikke mere.',
      en: 'Your course has ended. The link no longer works.',
    },
    { reason: 'course-closed' },
  );
const linkLocked = () =>
  new AppError(423, 'account_locked', {
    da: 'Linket er låst efter 5 forkerte koder. Spørg din sagsbehandler om et nyt.',
    en: 'The link is locked after 5 wrong codes. Ask your caseworker for a new one.',
  });
const noSession = () =>
  new AppError(401, 'unauthenticated', {
    da: 'Åbn dit personlige link, og skriv koden igen.',
    en: 'Open your personal link and enter the code again.',
  });

/** Which members a member may see: themselves, and their children when they are a parent. */
export function visibleMembers(member: Citizen, members: Citizen[]): Citizen[] {
  const parent = member.relation === 'borger' || member.relation === 'forælder';
  return members.filter((m) => m.id === member.id || (parent && m.relation === 'barn'));
}

async function courseOf(db: Db, municipalityId: string, courseId: string): Promise<Course> {
  const course = await courses.findCourse(db, municipalityId, courseId);
  if (!course) throw linkInvalid();
  return course;
}

// ---------- staff side ----------

/** Make a personal link for a member (full access, open course); mailed to them when they have an e-mail. */
export async function createLink(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: CitizenLinkInput,
): Promise<CitizenLink> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const member = input.memberId
    ? context.members.find((m) => m.id === input.memberId)
    : context.members.find((m) => m.relation === 'borger');
  if (!member) throw badRequest({ da: 'Medlemmet findes ikke.', en: 'The member does not exist.' });
  if (!member.email) {
    throw badRequest({
      da: 'Personen skal have en e-mail, så engangskoden kan sendes.',
      en: 'The person needs an e-mail address so the one-time code can be sent.',
    });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + input.validDays * 86_400_000);
  const url = `${deps.publicUrl}/borger/${courseId}/${token}`;
  const link = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertLink(trx, {
      municipality_id: context.actor.municipalityId,
      course_id: courseId,
      member_id: member.id,
      token_hash: sha256(token),
      expires_at: expiresAt,
      code_hash: null,
      code_expires_at: null,
      locked_at: null,
      revoked_at: null,
      created_by: context.actor.userId,
    });
    await queueMail(trx, deps.mail, {
      municipalityId: context.actor.municipalityId,
      kind: 'citizen-link',
      to: member.email!,
      subject: 'Dit forløb i Samspil / Your course in Samspil',
      text:
        `Her er dit personlige link til din plan.\nÅbn det på din telefon: ${url}\n` +
        `Du får en kode, når du åbner det.\n\n` +
        `Here is your personal link to your plan: ${url}\nYou get a code when you open it.\n`,
      secrets: [url],
    });
    await auditCitizens(trx, context.actor, 'citizen-link.create', courseId, [member.id], {
      detail: { linkId: row.id, validDays: input.validDays },
    });
    return row;
  });
  // The link goes to the citizen only: staff learn where it went, never the link itself.
  return {
    id: link.id,
    memberId: member.id,
    sentTo: maskEmail(member.email),
    expiresAt: expiresAt.toISOString(),
  };
}

/** What the citizen has written, the citizen-scale requests and the links, for the course page. */
export async function getCitizenActivity(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<CitizenActivity> {
  const context = await loadCourseFor(deps.db, user, courseId);
  requireFull(context);
  const municipalityId = context.actor.municipalityId;
  const [messages, scales, links] = await Promise.all([
    repo.listMessages(deps.db, municipalityId, courseId),
    repo.listScales(deps.db, municipalityId, courseId),
    repo.listLinks(deps.db, municipalityId, courseId),
  ]);
  const names = new Map(context.members.map((m) => [m.id, m.name]));
  await auditCitizens(
    deps.db,
    context.actor,
    'citizen-activity.read',
    courseId,
    context.members.map((m) => m.id),
    { detail: { messages: messages.length } },
  );
  return {
    messages: messages.map((m) => ({
      id: m.id,
      memberId: m.member_id,
      memberName: names.get(m.member_id) ?? '',
      kind: m.kind,
      text: m.text,
      createdAt: m.created_at.toISOString(),
    })),
    scales: scales.map((s) => ({
      id: s.id,
      memberId: s.member_id,
      requestedAt: s.requested_at.toISOString(),
      answeredAt: s.answered_at?.toISOString() ?? null,
      answers: s.answers,
    })),
    links: links.map((l) => ({
      id: l.id,
      memberId: l.member_id,
      createdAt: l.created_at.toISOString(),
      expiresAt: l.expires_at.toISOString(),
      locked: l.locked_at !== null,
      revoked: l.revoked_at !== null,
    })),
  };
}

/** Revoke a link; its sessions end with it. */
export async function revokeLink(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  linkId: string,
) {
  const context = await loadCourseFor(deps.db, user, courseId);
  requireFull(context);
  const links = await repo.listLinks(deps.db, context.actor.municipalityId, courseId);
  const link = links.find((l) => l.id === linkId);
  if (!link) throw notFound({ da: 'Linket findes ikke.', en: 'The link does not exist.' });
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateLink(trx, linkId, { revoked_at: new Date() });
    await auditCitizens(trx, context.actor, 'citizen-link.revoke', courseId, [link.member_id], {
      detail: { linkId },
    });
  });
}

/** Ask the citizen (or a family member) the citizen scale; they see it in their view. */
export async function requestScale(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  memberId: string | undefined,
): Promise<CitizenScaleRequest> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const member = memberId
    ? context.members.find((m) => m.id === memberId)
    : context.members.find((m) => m.relation === 'borger');
  if (!member) throw badRequest({ da: 'Medlemmet findes ikke.', en: 'The member does not exist.' });
  const open = (await repo.listScales(deps.db, context.actor.municipalityId, courseId)).some(
    (s) => s.member_id === member.id && s.answered_at === null,
  );
  if (open) {
    throw conflict({
      da: 'Borgeren er allerede spurgt og har ikke svaret endnu.',
      en: 'The citizen has already been asked and has not answered yet.',
    });
  }
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertScaleRequest(trx, {
      municipality_id: context.actor.municipalityId,
      course_id: courseId,
      member_id: member.id,
      requested_by: context.actor.userId,
    });
    await auditCitizens(trx, context.actor, 'citizen-scale.request', courseId, [member.id]);
    return inserted;
  });
  return { id: row.id, memberId: member.id, requestedAt: row.requested_at.toISOString() };
}

// ---------- citizen side ----------

/** Find a usable link by its token; every refusal says why in plain words. */
async function openLink(db: Db, courseId: string, token: string, now: Date) {
  const link = await repo.findLinkByToken(db, courseId, sha256(token));
  if (!link || link.revoked_at !== null) throw linkInvalid();
  const course = await courseOf(db, link.municipality_id, courseId);
  if (course.status !== 'open') throw courseClosed();
  if (link.expires_at.getTime() <= now.getTime()) throw linkExpired();
  if (link.locked_at !== null) throw linkLocked();
  return { link, course };
}

const maskEmail = (email: string) => {
  const [name = '', domain = ''] = email.split('@');
  return `${name.slice(0, 2)}${'•'.repeat(Math.max(1, name.length - 2))}@${domain}`;
};

/** Only the last two digits, as Danish numbers are written: `•• •• •• 50`. */
const maskPhone = (number: string) => `•• •• •• ${number.slice(-2)}`;

/** Where a member's code goes: SMS when they prefer it and SMS is set up, otherwise e-mail. */
export function codeDestination(
  member: Pick<Citizen, 'email' | 'phone' | 'preferred_contact'>,
  sms: SmsTransport | undefined,
): { channel: MessageChannel; to: string } | null {
  const number = smsNumber(member.phone);
  const smsReady = sms !== undefined && sms.kind !== 'none' && number !== null;
  if (smsReady && (member.preferred_contact === 'sms' || !member.email)) {
    return { channel: 'sms', to: number };
  }
  return member.email ? { channel: 'email', to: member.email } : null;
}

async function destinationOf(deps: CourseDeps, link: CitizenLinkRow, courseId: string) {
  const members = await courses.listMembers(deps.db, link.municipality_id, [courseId]);
  const member = members.find((m) => m.id === link.member_id);
  const destination = member ? codeDestination(member, deps.sms) : null;
  if (!destination) throw linkInvalid();
  return destination;
}

/** What the citizen is told about a code sent at `sentAt` (its hash is on the link). */
function codeSent(
  destination: { channel: MessageChannel; to: string },
  expiresAt: Date,
  now: Date,
  replaced: boolean,
): CodeSent {
  const sentAt = expiresAt.getTime() - CODE_TTL_MS;
  return {
    sentTo: destination.channel === 'sms' ? maskPhone(destination.to) : maskEmail(destination.to),
    channel: destination.channel,
    expiresInMinutes: CODE_TTL_MS / 60_000,
    expiresAt: expiresAt.toISOString(),
    replaced,
    againInSeconds: Math.max(0, Math.ceil((sentAt + CODE_RESEND_MS - now.getTime()) / 1000)),
  };
}

/** When the link's code is still valid: its expiry; otherwise null. */
const pendingUntil = (link: CitizenLinkRow, now: Date) =>
  link.code_hash !== null &&
  link.code_expires_at !== null &&
  link.code_expires_at.getTime() > now.getTime()
    ? link.code_expires_at
    : null;

/**
 * The code waiting to be typed, if any, so the page keeps its code field across a reload.
 * It sends nothing.
 */
export async function codeStatus(
  deps: CourseDeps,
  courseId: string,
  token: string,
  now = new Date(),
): Promise<CodeStatus> {
  const { link } = await openLink(deps.db, courseId, token, now);
  const until = pendingUntil(link, now);
  if (!until) return { pending: null };
  return { pending: codeSent(await destinationOf(deps, link, courseId), until, now, false) };
}

/**
 * Send a one-time code to the link's member. A code still valid is kept (nothing is sent)
 * unless `again` asks for a new one, which replaces it, at most once a minute.
 */
export async function sendCode(
  deps: CourseDeps,
  courseId: string,
  token: string,
  again = false,
  now = new Date(),
): Promise<CodeSent> {
  const { link } = await openLink(deps.db, courseId, token, now);
  const destination = await destinationOf(deps, link, courseId);
  const until = pendingUntil(link, now);
  const pending = until ? codeSent(destination, until, now, false) : null;
  if (pending && !again) return pending;
  if (pending && pending.againInSeconds > 0) {
    const seconds = pending.againInSeconds;
    throw new AppError(
      429,
      'rate_limited',
      {
        da: `Vent ${seconds} sekunder, før du beder om en ny kode. Koden, du har fået, virker stadig.`,
        en: `Wait ${seconds} seconds before asking for a new code. The code you got still works.`,
      },
      { retryAfterSeconds: seconds },
    );
  }
  if (link.codes_sent >= MAX_CODES_PER_LINK) {
    throw new AppError(429, 'rate_limited', {
      da: 'Der er sendt for mange koder til dette link. Spørg din sagsbehandler om et nyt.',
      en: 'Too many codes have been sent for this link. Ask your caseworker for a new one.',
    });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateLink(trx, link.id, {
      code_hash: codeHash(link.id, code),
      code_expires_at: expiresAt,
      codes_sent: link.codes_sent + 1,
    });
    const message = {
      municipalityId: link.municipality_id,
      kind: 'citizen-code',
      to: destination.to,
      // Never the code in the subject: subjects are listed where texts are not.
      subject: 'Din kode til Samspil / Your code for Samspil',
      secrets: [code],
    };
    if (destination.channel === 'sms') {
      // Short enough for one text message; the person reads Danish (their caseworker's choice).
      await queueSms(trx, deps.sms!, {
        ...message,
        text: `Din kode til Samspil er ${code}. Den virker i 10 minutter. / Your code: ${code}`,
      });
    } else {
      await queueMail(trx, deps.mail, {
        ...message,
        text:
          `Din kode er ${code}.\nDen virker i 10 minutter.\n` +
          `Har du ikke bedt om en kode? Så kan du se bort fra denne besked.\n\n` +
          `Your code is ${code}. It works for 10 minutes.\n`,
      });
    }
  });
  return codeSent(destination, expiresAt, now, until !== null);
}

/** Check a one-time code; the right one opens a citizen session (returns its cookie value). */
export async function verifyCode(
  deps: CourseDeps,
  courseId: string,
  token: string,
  code: string,
  now = new Date(),
): Promise<{ session: string; expiresAt: Date }> {
  const { link } = await openLink(deps.db, courseId, token, now);
  const given = Buffer.from(codeHash(link.id, code));
  const expected = Buffer.from(link.code_hash ?? '');
  const live = link.code_expires_at !== null && link.code_expires_at.getTime() > now.getTime();
  const right = live && given.length === expected.length && timingSafeEqual(given, expected);
  if (!right) {
    const attempts = link.failed_attempts + 1;
    const locked = attempts >= MAX_CODE_ATTEMPTS;
    await repo.updateLink(deps.db, link.id, {
      failed_attempts: attempts,
      ...(locked ? { locked_at: now, code_hash: null } : {}),
    });
    if (locked) throw linkLocked();
    throw new AppError(
      401,
      'invalid_credentials',
      live
        ? {
            da: `Koden er forkert. Du har ${MAX_CODE_ATTEMPTS - attempts} forsøg tilbage.`,
            en: `The code is wrong. You have ${MAX_CODE_ATTEMPTS - attempts} tries left.`,
          }
        : {
            da: 'Koden er udløbet. Bed om en ny kode.',
            en: 'The code has expired. Ask for a new code.',
          },
      { triesLeft: MAX_CODE_ATTEMPTS - attempts },
    );
  }
  const session = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CITIZEN_SESSION_MS);
  await deps.db.transaction().execute(async (trx) => {
    // The code is used up; a right code also clears earlier wrong tries.
    await repo.updateLink(trx, link.id, {
      code_hash: null,
      code_expires_at: null,
      failed_attempts: 0,
    });
    await repo.insertSession(trx, {
      id_hash: sha256(session),
      link_id: link.id,
      municipality_id: link.municipality_id,
      course_id: courseId,
      member_id: link.member_id,
      expires_at: expiresAt,
    });
    await recordAudit(trx, {
      municipalityId: link.municipality_id,
      userId: null,
      action: 'citizen.login',
      entity: 'course',
      entityId: courseId,
      citizenId: link.member_id,
      detail: { actor: 'citizen', linkId: link.id },
    });
  });
  return { session, expiresAt };
}

/** The citizen behind a session cookie, with their course; 401/410 when there is none. */
export interface CitizenContext {
  linkId: string;
  course: Course;
  member: Citizen;
  members: Citizen[];
  visible: Citizen[];
}

export async function citizenContext(
  db: Db,
  session: string | undefined,
  now = new Date(),
): Promise<CitizenContext> {
  if (!session) throw noSession();
  const row = await repo.findSession(db, sha256(session), now);
  if (!row || row.revoked_at !== null || row.locked_at !== null) throw noSession();
  if (row.link_expires_at.getTime() <= now.getTime()) throw linkExpired();
  const course = await courseOf(db, row.municipality_id, row.course_id);
  if (course.status !== 'open') throw courseClosed();
  const members = await courses.listMembers(db, row.municipality_id, [course.id]);
  const member = members.find((m) => m.id === row.member_id);
  if (!member) throw noSession();
  return { linkId: row.link_id, course, member, members, visible: visibleMembers(member, members) };
}

/**
 * The citizen's context, or null when no citizen session is open (no cookie, or one that
 * ended): the page's first question, which a citizen who has not entered a code yet answers.
 */
export async function optionalCitizenContext(
  db: Db,
  session: string | undefined,
  now = new Date(),
): Promise<CitizenContext | null> {
  if (!session) return null;
  const row = await repo.findSession(db, sha256(session), now);
  if (!row || row.revoked_at !== null || row.locked_at !== null) return null;
  return citizenContext(db, session, now);
}

export async function endSession(db: Db, session: string | undefined) {
  if (session) await repo.deleteSession(db, sha256(session));
}

async function auditAsCitizen(
  db: Db,
  c: CitizenContext,
  action: AuditAction,
  citizenIds: string[],
) {
  for (const citizenId of new Set(citizenIds)) {
    await recordAudit(db, {
      municipalityId: c.course.municipality_id,
      userId: null,
      action,
      entity: 'course',
      entityId: c.course.id,
      citizenId,
      detail: { actor: 'citizen', memberId: c.member.id, linkId: c.linkId },
    });
  }
}

/** Everything the citizen sees: goals and next steps, who is who, the next meeting, progression, asks. */
export async function citizenView(db: Kysely<Database>, c: CitizenContext): Promise<CitizenView> {
  const municipalityId = c.course.municipality_id;
  const visibleIds = new Set(c.visible.map((m) => m.id));
  const [latest, parties, meetingRows, progression, tasks, scales, messages] = await Promise.all([
    plans.latestVersion(db, c.course.id),
    courses.listParties(db, municipalityId, [c.course.id]),
    meetings.listMeetings(db, municipalityId, c.course.id),
    progressionOf(db, c.course, visibleIds),
    citizenTasks(db, c.course, c.member, c.visible),
    repo.listScales(db, municipalityId, c.course.id),
    repo.listMessages(db, municipalityId, c.course.id),
  ]);
  const [coordinator] = await courses.findPeople(db, municipalityId, [
    c.course.coordinator_person_id,
  ]);
  const network = parties.map(partyView);
  const who = new Map([
    ...network.map((p) => [p.id, p.name] as const),
    ...c.members.map((m) => [m.id, m.name] as const),
    ...(coordinator ? [[COORDINATOR_RESPONSIBLE, coordinator.name] as const] : []),
  ]);
  const plan = latest ? planSchema.parse(latest.plan) : { parts: [] };
  const names = new Map(c.members.map((m) => [m.id, m.name]));
  const parts = plan.parts
    .filter((p) => visibleIds.has(p.memberId))
    .map((p) => ({
      memberId: p.memberId,
      name: names.get(p.memberId) ?? '',
      dreams: p.dreams,
      goal: p.goal,
      subGoals: p.subGoals.map((g) => ({
        id: g.id,
        text: g.text,
        actions: g.actions.map((a) => ({
          id: a.id,
          text: a.text,
          who: who.get(a.responsiblePartyId) ?? '',
          status: a.status,
          start: a.start ?? null,
          end: a.end ?? null,
          law: a.law,
          paragraph: a.paragraph ?? '',
        })),
      })),
    }));
  const nextSteps = parts
    .flatMap((p) => p.subGoals.flatMap((g) => g.actions))
    .filter((a) => a.status === 'planlagt' || a.status === 'i-gang')
    .sort((a, b) => (a.start ?? a.end ?? '9999').localeCompare(b.start ?? b.end ?? '9999'))
    .slice(0, 5);
  const now = Date.now();
  // Staff meetings are held behind the citizen: the citizen sees the meetings they take part in.
  const next = meetingRows.find(
    (m) =>
      m.status === 'planned' &&
      m.kind !== 'personale' &&
      m.starts_at.getTime() > now &&
      m.member_ids.some((id) => visibleIds.has(id)),
  );
  const openScale = scales.find((s) => s.member_id === c.member.id && s.answered_at === null);
  await auditAsCitizen(db, c, 'citizen.read', [...visibleIds]);
  return {
    course: { id: c.course.id, kind: c.course.kind, startDate: c.course.start_date },
    me: { memberId: c.member.id, name: c.member.name, relation: c.member.relation },
    planVersion: latest?.version ?? 0,
    parts,
    nextSteps,
    coordinator: coordinator
      ? { name: coordinator.name, unitName: coordinator.unit_name, email: coordinator.email }
      : null,
    people: network.map((p) => ({
      id: p.id,
      name: p.name,
      task: p.task,
      phone: p.phone,
      email: p.email,
      responseTime: p.responseTime,
    })),
    nextMeeting: next
      ? {
          id: next.id,
          kind: next.kind,
          title: next.title,
          startsAt: next.starts_at.toISOString(),
          durationMinutes: next.duration_minutes,
          place: next.place,
          agenda: next.agenda,
        }
      : null,
    progression,
    toAnswer: tasks.map((task) => ({
      instrumentId: task.instrumentId,
      memberId: task.memberId,
      memberName: task.memberName,
      occasion: task.occasion,
      due: task.due,
      answers: task.answers,
      editable: task.editable,
    })),
    scale: openScale
      ? {
          id: openScale.id,
          items: CITIZEN_ITEMS.map((id) => ({ id, text: DEFAULT_CITIZEN_ITEMS[id]!.da })),
        }
      : null,
    messages: messages
      .filter((m) => m.member_id === c.member.id)
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        text: m.text,
        createdAt: m.created_at.toISOString(),
      })),
  };
}

/** A comment or wish to the plan: stored for the course page, and the coordinator gets a mail. */
export async function sendMessage(
  deps: CourseDeps,
  c: CitizenContext,
  input: CitizenMessageInput,
): Promise<CitizenMessage> {
  const text = input.text.trim();
  if (text === '') {
    throw badRequest({ da: 'Skriv noget først.', en: 'Write something first.' });
  }
  const [coordinator] = await courses.findPeople(deps.db, c.course.municipality_id, [
    c.course.coordinator_person_id,
  ]);
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertMessage(trx, {
      municipality_id: c.course.municipality_id,
      course_id: c.course.id,
      member_id: c.member.id,
      kind: input.kind,
      text,
    });
    if (coordinator?.email) {
      // The words stay in Samspil; the mail only says where to read them.
      const link = `${deps.publicUrl}/forloeb/${c.course.id}/borgeren`;
      await queueMail(trx, deps.mail, {
        municipalityId: c.course.municipality_id,
        kind: 'citizen-message',
        to: coordinator.email,
        subject: 'Samspil: en borger har skrevet til planen / a citizen wrote to the plan',
        text:
          `En borger i et forløb, du koordinerer, har skrevet ${input.kind === 'oenske' ? 'et ønske' : 'en kommentar'} til planen.\n` +
          `Læs det i Samspil: ${link}\n\n` +
          `A citizen in a course you coordinate has written a ${input.kind === 'oenske' ? 'wish' : 'comment'} to the plan.\n` +
          `Read it in Samspil: ${link}\n`,
      });
    }
    await auditAsCitizen(trx, c, 'citizen.message', [c.member.id]);
    return { id: row.id, kind: row.kind, text: row.text, createdAt: row.created_at.toISOString() };
  });
}

/**
 * The citizen (or a parent) answers one of the instruments due for her side (autosave:
 * saving again replaces her answers); without an instrument, the main one's due occasion.
 */
export async function answerProgression(
  deps: CourseDeps,
  c: CitizenContext,
  input: CitizenProgressionInput,
): Promise<ProgressionResponse> {
  if (input.instrumentId) {
    const instrumentId = input.instrumentId;
    return deps.db.transaction().execute(async (trx) => {
      const response = await saveCitizenAnswers(trx, {
        course: c.course,
        members: c.members,
        me: c.member,
        visible: c.visible,
        instrumentId,
        memberId: input.memberId ?? c.member.id,
        occasion: input.occasion,
        answers: input.answers,
      });
      await auditAsCitizen(trx, c, 'citizen.progression', [response.memberId]);
      return response;
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const response = await saveResponse(trx, {
      course: c.course,
      members: c.members,
      memberId: c.member.id,
      answeredBy: c.member.relation === 'forælder' ? 'foraelder' : 'borger',
      userId: null,
      occasion: input.occasion,
      answers: input.answers,
    });
    await auditAsCitizen(trx, c, 'citizen.progression', [c.member.id]);
    return response;
  });
}

/** Answer the open citizen-scale request: 1–5 or "ved ikke" per item, any item skippable. */
export async function answerScale(
  deps: CourseDeps,
  c: CitizenContext,
  answers: Record<string, CitizenScaleValue>,
): Promise<CitizenScaleAnswered> {
  const entries = Object.entries(answers);
  const known = new Set<string>(CITIZEN_ITEMS);
  if (entries.length === 0) {
    throw badRequest({
      da: 'Svar på mindst ét spørgsmål.',
      en: 'Answer at least one question.',
    });
  }
  for (const [id, value] of entries) {
    if (
      !known.has(id) ||
      !(value === 'dk' || (Number.isInteger(value) && value >= 1 && value <= 5))
    ) {
      throw badRequest(
        { da: 'Svaret er uden for skalaen.', en: 'The answer is outside the scale.' },
        { item: id },
      );
    }
  }
  const open = (await repo.listScales(deps.db, c.course.municipality_id, c.course.id)).find(
    (s) => s.member_id === c.member.id && s.answered_at === null,
  );
  if (!open)
    throw conflict({
      da: 'Der er ingen spørgsmål til dig lige nu.',
      en: 'There are no questions for you right now.',
    });
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.answerScale(trx, open.id, JSON.stringify(answers));
    if (!row) throw conflict({ da: 'Du har allerede svaret.', en: 'You have already answered.' });
    await auditAsCitizen(trx, c, 'citizen.scale', [c.member.id]);
    return { id: row.id, answeredAt: row.answered_at!.toISOString() };
  });
}
