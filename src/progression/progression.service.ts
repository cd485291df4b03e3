/**
 * Progression measurements (progressionsmålinger): a municipality's instruments (the
 * two shipped defaults are seeded on first use), a schedule per course (start, every N
 * months, closure), answers by the citizen, a parent or the caseworker with every item
 * skippable, and due reminders as database jobs that chain to the next occasion and
 * claim their occasion before mailing, so a restart loses none and none goes twice.
 */
import type { Kysely } from 'kysely';
import {
  SESSION_OCCASION,
  sideOf,
  type ProgressionValue,
  type RespondentKind,
} from '../../contract/progression.js';
import type {
  Closing,
  ClosingInput,
  Instrument as InstrumentView,
  InstrumentChange,
  InstrumentInput,
  InstrumentItem,
  Occasion,
  Progression as ProgressionView,
  ProgressionResponse as ResponseView,
  ResponseRecordInput,
  ScheduleInput,
  Subscale,
} from '../../contract/progression.schema.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import {
  danishToday,
  loadChangeableCourse,
  loadCourseFor,
  loadReadableCourse,
  requireFull,
  requireOpen,
  type CourseContext,
} from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import * as courses from '../courses/course.repository.js';
import type { Database } from '../db/schema.js';
import type { Citizen } from '../db/tables/citizen.table.js';
import type { Course } from '../db/tables/course.table.js';
import type { ProgressionInstrument, ProgressionResponse } from '../db/tables/progression.table.js';
import { enqueueJob } from '../jobs/job.repository.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { queueMail } from '../mail/mail.service.js';
import { isUniqueViolation } from '../db/db.js';
import { badRequest, conflict, notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { DEFAULT_INSTRUMENTS } from './default-instruments.js';
import { dueOccasion, occasionsOf } from './occasions.js';
import * as repo from './progression.repository.js';
import { scoreSubscales } from './scoring.js';
import type { Db } from '../db/db.js';

export const PROGRESSION_DUE_JOB = 'progression-due';

const instrumentView = (row: ProgressionInstrument): InstrumentView => ({
  id: row.id,
  name: row.name,
  targetGroup: row.target_group,
  description: row.description,
  items: row.items,
  structure: row.structure,
  subscales: row.subscales,
  source: row.source,
  isDefault: row.default_key !== null,
  archived: row.archived_at !== null,
});

const responseView = (
  row: ProgressionResponse,
  instrument: ProgressionInstrument | undefined,
): ResponseView => ({
  id: row.id,
  memberId: row.member_id,
  instrumentId: row.instrument_id,
  occasion: row.occasion,
  answeredAt: row.answered_at.toISOString(),
  answeredBy: row.answered_by,
  respondent: row.respondent,
  answers: row.answers,
  scores: instrument ? scoreSubscales(instrument.items, instrument.subscales, row.answers) : {},
});

/** Give a municipality the shipped instruments the first time it needs them. */
async function ensureDefaults(db: Db, municipalityId: string) {
  for (const d of DEFAULT_INSTRUMENTS) {
    await repo.insertInstrument(db, {
      municipality_id: municipalityId,
      name: d.name,
      target_group: d.targetGroup,
      description: d.description,
      items: JSON.stringify(d.items),
      structure: d.structure ?? 'general',
      subscales: JSON.stringify(d.subscales ?? []),
      default_key: d.key,
      archived_at: null,
    });
  }
}

/** The municipality's instruments (seeding the defaults on first use). */
export async function listInstruments(deps: CourseDeps, user: AuthUser): Promise<InstrumentView[]> {
  requirePermission(user, 'instruments.read');
  let rows = await repo.listInstruments(deps.db, user.municipalityId);
  const seeded = new Set(rows.map((r) => r.default_key));
  if (DEFAULT_INSTRUMENTS.some((d) => !seeded.has(d.key))) {
    await ensureDefaults(deps.db, user.municipalityId);
    rows = await repo.listInstruments(deps.db, user.municipalityId);
  }
  return rows.map(instrumentView);
}

/** Check an instrument's items and sub-scales together, with messages an editor understands. */
export function checkInstrument(items: InstrumentItem[], subscales: Subscale[]) {
  if (items.length === 0) {
    throw badRequest({
      da: 'Et redskab skal have mindst ét spørgsmål.',
      en: 'An instrument needs at least one item.',
    });
  }
  if (new Set(items.map((i) => i.id)).size !== items.length) {
    throw badRequest({
      da: 'To spørgsmål har samme id.',
      en: 'Two items have the same id.',
    });
  }
  for (const item of items) {
    const options = item.options ?? [];
    if (item.kind === 'options' && options.length < 2) {
      throw badRequest(
        {
          da: `Spørgsmålet "${item.text}" skal have mindst to svarmuligheder.`,
          en: `The item "${item.text}" needs at least two answer options.`,
        },
        { item: item.id },
      );
    }
    if (item.kind !== 'options' && options.length > 0) {
      throw badRequest(
        {
          da: `Kun spørgsmål med svartypen "svarmuligheder" kan have svarmuligheder ("${item.text}").`,
          en: `Only items of the kind "answer options" can have answer options ("${item.text}").`,
        },
        { item: item.id },
      );
    }
  }
  const kinds = new Map(items.map((i) => [i.id, i.kind]));
  if (new Set(subscales.map((s) => s.id)).size !== subscales.length) {
    throw badRequest({
      da: 'To delskalaer har samme id.',
      en: 'Two sub-scales have the same id.',
    });
  }
  for (const subscale of subscales) {
    for (const id of subscale.items) {
      const kind = kinds.get(id);
      if (kind === undefined || kind === 'text') {
        throw badRequest(
          {
            da: `Delskalaen "${subscale.name}" nævner "${id}", som ikke er et spørgsmål med tal eller svarmuligheder.`,
            en: `The sub-scale "${subscale.name}" names "${id}", which is not an item with numbers or answer options.`,
          },
          { subscale: subscale.id, item: id },
        );
      }
    }
  }
}

const onlyAdminEdits = {
  da: 'Kun kommunens administrator og analytikere kan oprette og ændre redskaber.',
  en: "Only the municipality's administrator and analysts can create and edit instruments.",
};

/** Create an instrument (admin, analyst), e.g. a licensed one with its scoring. */
export async function createInstrument(
  deps: CourseDeps,
  user: AuthUser,
  input: InstrumentInput,
): Promise<InstrumentView> {
  requirePermission(user, 'instruments.manage', onlyAdminEdits);
  checkInstrument(input.items, input.subscales);
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertInstrument(trx, {
      municipality_id: user.municipalityId,
      name: input.name,
      target_group: input.targetGroup,
      description: input.description ?? '',
      items: JSON.stringify(input.items),
      structure: input.structure,
      subscales: JSON.stringify(input.subscales),
      source: input.source ?? '',
      default_key: null,
      archived_at: null,
    });
    if (!inserted) throw new Error('instrument insert returned nothing');
    await recordUserAudit(trx, user, 'instrument.create', 'progression_instrument', inserted.id, {
      items: input.items.length,
      subscales: input.subscales.length,
    });
    return inserted;
  });
  return instrumentView(row);
}

const instrumentNotFound = () =>
  notFound({ da: 'Redskabet findes ikke.', en: 'The instrument does not exist.' });

/** Edit an instrument (admin); answered items keep their kind, so their curves stay true. */
export async function updateInstrument(
  deps: CourseDeps,
  user: AuthUser,
  id: string,
  change: InstrumentChange,
): Promise<InstrumentView> {
  requirePermission(user, 'instruments.manage', onlyAdminEdits);
  const before = await repo.findInstrument(deps.db, user.municipalityId, id);
  if (!before) throw instrumentNotFound();
  if (change.items || change.subscales) {
    checkInstrument(change.items ?? before.items, change.subscales ?? before.subscales);
  }
  if (change.items && (await repo.instrumentAnswered(deps.db, id))) {
    const kinds = new Map(before.items.map((i) => [i.id, i.kind]));
    if (change.items.some((i) => kinds.has(i.id) && kinds.get(i.id) !== i.kind)) {
      throw conflict({
        da: 'Et besvaret spørgsmål kan ikke skifte svartype. Lav et nyt spørgsmål i stedet.',
        en: 'An answered item cannot change its answer type. Make a new item instead.',
      });
    }
  }
  if (change.structure && change.structure !== before.structure) {
    if (await repo.instrumentAnswered(deps.db, id)) {
      throw conflict({
        da: 'Et besvaret redskab kan ikke skifte struktur. Lav et nyt redskab i stedet.',
        en: 'An answered instrument cannot change its structure. Make a new instrument instead.',
      });
    }
  }
  const row = await deps.db.transaction().execute(async (trx) => {
    const updated = await repo.updateInstrument(trx, user.municipalityId, id, {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.targetGroup === undefined ? {} : { target_group: change.targetGroup }),
      ...(change.description === undefined ? {} : { description: change.description }),
      ...(change.items === undefined ? {} : { items: JSON.stringify(change.items) }),
      ...(change.structure === undefined ? {} : { structure: change.structure }),
      ...(change.subscales === undefined ? {} : { subscales: JSON.stringify(change.subscales) }),
      ...(change.source === undefined ? {} : { source: change.source }),
      ...(change.archived === undefined
        ? {}
        : { archived_at: change.archived ? new Date() : null }),
    });
    await recordUserAudit(trx, user, 'instrument.update', 'progression_instrument', id, {
      fields: Object.keys(change),
    });
    return updated;
  });
  return instrumentView(row);
}

const closedOn = (course: Course) =>
  course.status === 'closed' && course.closed_at ? danishToday(course.closed_at) : null;

/** 08:00 Danish time on a date is 06:00 or 07:00 UTC; 07:00 UTC is always that day. */
const morningOf = (isoDate: string) => new Date(`${isoDate}T07:00:00Z`);

async function queueDueJob(db: Db, courseId: string, occasion: Occasion, publicUrl: string) {
  await enqueueJob(db, {
    kind: PROGRESSION_DUE_JOB,
    payload: { courseId, occasion: occasion.key, publicUrl },
    runAt: new Date(Math.max(Date.now(), morningOf(occasion.due).getTime())),
    dedupeKey: `progression-due:${courseId}:${occasion.key}`,
  });
}

/**
 * A course has just been closed: its closing occasion is due now, so queue its reminder
 * (once: the dedupe key and the claimed occasion keep it from going twice). Courses
 * without a progression schedule have nothing to measure.
 */
export async function queueClosingReminder(db: Db, course: Course, publicUrl: string) {
  const schedule = await repo.findSchedule(db, course.municipality_id, course.id);
  if (!schedule) return;
  await queueDueJob(db, course.id, { key: 'afslutning', due: danishToday() }, publicUrl);
}

/** Set (or change) a course's schedule; queues the reminder of what is due and of the next occasion. */
export async function setSchedule(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: ScheduleInput,
): Promise<ProgressionView> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const more = [...new Set(input.moreInstrumentIds ?? [])].filter((i) => i !== input.instrumentId);
  const active = new Map(
    (await repo.listInstruments(deps.db, user.municipalityId))
      .filter((i) => i.archived_at === null)
      .map((i) => [i.id, i]),
  );
  const instrument = active.get(input.instrumentId);
  if (!instrument || more.some((i) => !active.has(i))) {
    throw badRequest({
      da: 'Vælg et aktivt redskab fra kommunens liste.',
      en: "Choose an active instrument from the municipality's list.",
    });
  }
  const { course } = context;
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertSchedule(trx, {
      course_id: courseId,
      municipality_id: user.municipalityId,
      instrument_id: instrument.id,
      interval_months: input.intervalMonths,
      created_by: user.userId,
    });
    if (input.moreInstrumentIds !== undefined) {
      await repo.replaceCourseInstruments(trx, user.municipalityId, courseId, more);
    }
    const { passed, next } = occasionsOf(
      course.start_date,
      input.intervalMonths,
      danishToday(),
      null,
    );
    const latest = passed.at(-1);
    if (latest) await queueDueJob(trx, courseId, latest, deps.publicUrl);
    if (next) await queueDueJob(trx, courseId, next, deps.publicUrl);
    const main = context.members.find((m) => m.relation === 'borger');
    await auditCitizens(
      trx,
      context.actor,
      'progression.schedule',
      courseId,
      main ? [main.id] : [],
      {
        detail: {
          instrumentId: instrument.id,
          intervalMonths: input.intervalMonths,
          more: more.length,
        },
      },
    );
  });
  return getProgression(deps, user, courseId);
}

/** The progression of one course for the given members (no access check: callers decide). */
export async function progressionOf(
  db: Db,
  course: Course,
  memberIds: Set<string>,
): Promise<ProgressionView> {
  const [schedule, rows, more, closingRow, all] = await Promise.all([
    repo.findSchedule(db, course.municipality_id, course.id),
    repo.listResponses(db, course.municipality_id, course.id),
    repo.listCourseInstruments(db, course.municipality_id, course.id),
    repo.findClosing(db, course.municipality_id, course.id),
    repo.listInstruments(db, course.municipality_id),
  ]);
  const responses = rows.filter((r) => memberIds.has(r.member_id));
  const used = schedule ? [schedule.instrument_id, ...more] : [];
  const instrumentIds = new Set([...used, ...responses.map((r) => r.instrument_id)]);
  const byId = new Map(all.map((i) => [i.id, i]));
  const instruments = all.filter((i) => instrumentIds.has(i.id)).map(instrumentView);
  const views = responses.map((r) => responseView(r, byId.get(r.instrument_id)));
  const closing: Closing | null = closingRow
    ? {
        experience: closingRow.experience,
        status: closingRow.status,
        recordedAt: closingRow.recorded_at.toISOString(),
      }
    : null;
  if (!schedule) return { schedule: null, instruments, responses: views, closing };
  const { passed, next } = occasionsOf(
    course.start_date,
    schedule.interval_months,
    danishToday(),
    closedOn(course),
  );
  const answered = new Set(responses.map((r) => r.occasion));
  return {
    schedule: {
      instrumentId: schedule.instrument_id,
      instrumentIds: used,
      intervalMonths: schedule.interval_months,
      occasions: passed.map((o) => ({ ...o, answered: answered.has(o.key) })),
      next,
      due: dueOccasion(passed, answered),
    },
    instruments,
    responses: views,
    closing,
  };
}

/** A course's progression for a staff member with full or consent access. */
export async function getProgression(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<ProgressionView> {
  const context = await loadReadableCourse(deps.db, user, courseId, {
    da: 'Du har ikke samtykke til at se borgerens progression.',
    en: "You have no consent to see the citizen's progression.",
  });
  const view = await progressionOf(deps.db, context.course, context.access.memberIds);
  await auditCitizens(
    deps.db,
    context.actor,
    'progression.read',
    courseId,
    [...context.access.memberIds],
    { detail: { responses: view.responses.length } },
  );
  return view;
}

const outOfRange = (item: InstrumentItem) =>
  badRequest(
    {
      da: `Svaret på "${item.text}" er uden for skalaen.`,
      en: `The answer to "${item.text}" is outside the scale.`,
    },
    { item: item.id },
  );

/** Check every given answer against its item; skipped items are simply absent. */
export function checkAnswers(items: InstrumentItem[], answers: Record<string, ProgressionValue>) {
  const byId = new Map(items.map((i) => [i.id, i]));
  const entries = Object.entries(answers);
  if (entries.length === 0) {
    throw badRequest({
      da: 'Svar på mindst ét spørgsmål. Du må gerne springe resten over.',
      en: 'Answer at least one item. You may skip the rest.',
    });
  }
  for (const [id, value] of entries) {
    const item = byId.get(id);
    if (!item) {
      throw badRequest(
        { da: 'Spørgsmålet findes ikke i redskabet.', en: 'The item is not in the instrument.' },
        { item: id },
      );
    }
    const ok =
      item.kind === 'scale-1-5'
        ? Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
        : item.kind === 'scale-0-10'
          ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10
          : item.kind === 'yes-no'
            ? typeof value === 'boolean'
            : item.kind === 'options'
              ? Number.isInteger(value) &&
                (value as number) >= 0 &&
                (value as number) < (item.options?.length ?? 0)
              : typeof value === 'string' && value.length <= 2000;
    if (!ok) throw outOfRange(item);
  }
}

export interface ResponseInput {
  course: Course;
  members: Citizen[];
  memberId: string;
  /** The instrument answered; the schedule's main instrument when undefined. */
  instrumentId?: string | undefined;
  answeredBy: RespondentKind;
  userId: string | null;
  occasion?: string | undefined;
  answers: Record<string, ProgressionValue>;
}

const nothingDue = () =>
  conflict({
    da: 'Der er ingen måling at besvare lige nu.',
    en: 'No measurement is due right now.',
  });

/**
 * Store one answered measurement at a passed occasion not yet answered by this side (the
 * citizen side and the caseworker each answer once); the caller has checked access.
 */
export async function saveResponse(db: Db, input: ResponseInput): Promise<ResponseView> {
  const { course } = input;
  const member = input.members.find((m) => m.id === input.memberId);
  if (!member) {
    throw badRequest({ da: 'Medlemmet findes ikke.', en: 'The member does not exist.' });
  }
  const schedule = await repo.findSchedule(db, course.municipality_id, course.id);
  if (!schedule) {
    throw conflict({
      da: 'Forløbet har ingen plan for progressionsmålinger endnu.',
      en: 'The course has no progression schedule yet.',
    });
  }
  const instrumentId = input.instrumentId ?? schedule.instrument_id;
  const more = await repo.listCourseInstruments(db, course.municipality_id, course.id);
  if (instrumentId !== schedule.instrument_id && !more.includes(instrumentId)) {
    throw badRequest({
      da: 'Redskabet bruges ikke i dette forløb.',
      en: 'The instrument is not used in this course.',
    });
  }
  const instrument = await repo.findInstrument(db, course.municipality_id, instrumentId);
  if (!instrument) throw new Error(`course ${course.id} uses a missing instrument`);
  if (instrument.structure === 'per-child' && member.relation !== 'barn') {
    throw badRequest({
      da: 'Skemaet udfyldes for ét barn ad gangen. Vælg et af familiens børn.',
      en: "The questionnaire is answered for one child at a time. Choose one of the family's children.",
    });
  }
  const end = closedOn(course) ?? danishToday();
  const { passed } = occasionsOf(
    course.start_date,
    schedule.interval_months,
    danishToday(),
    closedOn(course),
  );
  const side = sideOf(input.answeredBy);
  const answered = new Set(
    (await repo.listResponses(db, course.municipality_id, course.id))
      .filter(
        (r) =>
          r.member_id === input.memberId &&
          r.instrument_id === instrumentId &&
          r.respondent === side,
      )
      .map((r) => r.occasion),
  );
  let key: string | undefined;
  if (instrument.structure === 'session') {
    // A session rating belongs to the session's date, not to a scheduled occasion.
    key = input.occasion ?? `session-${end}`;
    const date = SESSION_OCCASION.exec(key)?.[1];
    if (date === undefined || date < course.start_date || date > end) {
      throw badRequest({
        da: 'Samtalens dato skal ligge mellem forløbets start og i dag.',
        en: "The session's date must lie between the course's start and today.",
      });
    }
  } else {
    key = input.occasion ?? dueOccasion(passed, answered)?.key;
    if (key === undefined || !passed.some((o) => o.key === key)) throw nothingDue();
  }
  if (course.status !== 'open' && key !== 'afslutning') throw nothingDue();
  if (answered.has(key)) {
    throw conflict({
      da: 'Målingen er allerede besvaret.',
      en: 'The measurement has already been answered.',
    });
  }
  checkAnswers(instrument.items, input.answers);
  try {
    const row = await repo.insertResponse(db, {
      municipality_id: course.municipality_id,
      course_id: course.id,
      member_id: input.memberId,
      instrument_id: instrument.id,
      occasion: key,
      answered_by: input.answeredBy,
      answered_by_user: input.userId,
      answers: JSON.stringify(input.answers),
    });
    return responseView(row, instrument);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict({
        da: 'Målingen er allerede besvaret.',
        en: 'The measurement has already been answered.',
      });
    }
    throw error;
  }
}

/** One instrument due for the citizen's side (`toAnswer` in the citizen's view). */
export interface CitizenTask {
  instrumentId: string;
  memberId: string;
  memberName: string;
  occasion: string;
  due: string;
  answers: Record<string, ProgressionValue> | null;
  editable: boolean;
  /** The response her side gave, to change by autosave. */
  responseId: string | null;
  answeredBy: RespondentKind;
}

/**
 * What the citizen (`me`, seeing `visible`) answers now: every instrument of the course at
 * its current occasion (the last passed one; a closed course only its closing), a session
 * rating for today, a per-child questionnaire once per child she sees (as the parent),
 * the others about herself. Her side's earlier answers come along, so she can change them.
 */
export async function citizenTasks(
  db: Db,
  course: Course,
  me: Citizen,
  visible: Citizen[],
): Promise<CitizenTask[]> {
  const schedule = await repo.findSchedule(db, course.municipality_id, course.id);
  if (!schedule) return [];
  const [more, all, rows] = await Promise.all([
    repo.listCourseInstruments(db, course.municipality_id, course.id),
    repo.listInstruments(db, course.municipality_id),
    repo.listResponses(db, course.municipality_id, course.id),
  ]);
  const today = danishToday();
  const { passed } = occasionsOf(
    course.start_date,
    schedule.interval_months,
    today,
    closedOn(course),
  );
  const current =
    course.status === 'open' ? passed.at(-1) : passed.find((o) => o.key === 'afslutning');
  const children = visible.filter((m) => m.relation === 'barn' && m.id !== me.id);
  const tasks: CitizenTask[] = [];
  for (const id of [schedule.instrument_id, ...more]) {
    const instrument = all.find((i) => i.id === id);
    if (!instrument || instrument.archived_at) continue;
    const occasion =
      instrument.structure === 'session'
        ? course.status === 'open'
          ? { key: `session-${today}`, due: today }
          : undefined
        : current;
    if (!occasion) continue;
    const perChild = instrument.structure === 'per-child';
    for (const member of perChild ? children : [me]) {
      const given = rows.find(
        (r) =>
          r.instrument_id === id &&
          r.member_id === member.id &&
          r.occasion === occasion.key &&
          r.respondent === 'citizen',
      );
      tasks.push({
        instrumentId: id,
        memberId: member.id,
        memberName: member.name,
        occasion: occasion.key,
        due: occasion.due,
        answers: given?.answers ?? null,
        editable: !given || given.answered_by_user === null,
        responseId: given?.id ?? null,
        answeredBy: perChild || me.relation === 'forælder' ? 'foraelder' : 'borger',
      });
    }
  }
  return tasks;
}

/**
 * The citizen saves her side's answers to one of her tasks: the first save stores the
 * response, later ones replace her answers (autosave; saving the same again changes
 * nothing). An answer the caseworker recorded for her side stays (409).
 */
export async function saveCitizenAnswers(
  db: Db,
  input: {
    course: Course;
    members: Citizen[];
    me: Citizen;
    visible: Citizen[];
    instrumentId: string;
    memberId: string;
    occasion: string | undefined;
    answers: Record<string, ProgressionValue>;
  },
): Promise<ResponseView> {
  const { course } = input;
  const tasks = await citizenTasks(db, course, input.me, input.visible);
  const task = tasks.find(
    (t) =>
      t.instrumentId === input.instrumentId &&
      t.memberId === input.memberId &&
      (input.occasion === undefined || t.occasion === input.occasion),
  );
  if (!task) throw nothingDue();
  if (!task.editable) {
    throw conflict({
      da: 'Din sagsbehandler har allerede skrevet dine svar ned til denne måling.',
      en: 'Your caseworker has already recorded your answers to this measurement.',
    });
  }
  const instrument = await repo.findInstrument(db, course.municipality_id, task.instrumentId);
  if (!instrument) throw nothingDue();
  if (task.responseId) {
    checkAnswers(instrument.items, input.answers);
    const row = await repo.updateResponseAnswers(
      db,
      course.municipality_id,
      task.responseId,
      input.answers,
    );
    return responseView(row, instrument);
  }
  return saveResponse(db, {
    course,
    members: input.members,
    memberId: task.memberId,
    instrumentId: task.instrumentId,
    answeredBy: task.answeredBy,
    userId: null,
    occasion: task.occasion,
    answers: input.answers,
  });
}

/** A caseworker records a measurement (answered by the citizen beside them, a parent or themselves). */
export async function recordResponse(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  body: ResponseRecordInput,
): Promise<ResponseView> {
  const context = await loadCourseFor(deps.db, user, courseId);
  requireFull(context);
  // A closed course still takes its closing measurement.
  if (body.occasion !== 'afslutning') requireOpen(context);
  const memberId = body.memberId ?? context.members.find((m) => m.relation === 'borger')?.id ?? '';
  return deps.db.transaction().execute(async (trx) => {
    const response = await saveResponse(trx, {
      course: context.course,
      members: context.members,
      memberId,
      instrumentId: body.instrumentId,
      answeredBy: body.answeredBy,
      userId: user.userId,
      occasion: body.occasion,
      answers: body.answers,
    });
    await auditCitizens(trx, context.actor, 'progression.answer', courseId, [memberId], {
      detail: {
        occasion: response.occasion,
        instrumentId: response.instrumentId,
        respondent: response.respondent,
        items: Object.keys(body.answers).length,
      },
    });
    return response;
  });
}

/**
 * Record the citizen's experience of the course and their education/employment status at
 * closure (full access; on an open course just before closing it, or on a closed one).
 */
export async function recordClosing(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: ClosingInput,
): Promise<Closing> {
  const context = await loadCourseFor(deps.db, user, courseId);
  requireFull(context);
  return deps.db.transaction().execute((trx) => writeClosing(trx, context, input));
}

/**
 * Record the closing in the caller's transaction, audited; the course close uses it so
 * closing a course and recording how it ended are one step (`POST /api/courses/:id/close`).
 */
export async function writeClosing(
  trx: Db,
  context: CourseContext,
  input: ClosingInput,
): Promise<Closing> {
  const row = await repo.upsertClosing(trx, {
    course_id: context.course.id,
    municipality_id: context.actor.municipalityId,
    experience: input.experience ?? null,
    status: input.status,
    recorded_by: context.actor.userId,
  });
  const main = context.members.find((m) => m.relation === 'borger');
  await auditCitizens(
    trx,
    context.actor,
    'progression.closing',
    context.course.id,
    main ? [main.id] : [],
    {
      detail: { status: input.status, experience: input.experience !== undefined },
    },
  );
  return {
    experience: row.experience,
    status: row.status,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/**
 * The due-reminder job of one occasion: mails the coordinator when the occasion is the
 * one due and unanswered (once: the occasion is claimed first), then queues the next.
 */
export function progressionDueHandler(db: Kysely<Database>, mail: MailTransport): JobHandler {
  return async (payload) => {
    const courseId = String(payload.courseId);
    const occasion = String(payload.occasion);
    const publicUrl = typeof payload.publicUrl === 'string' ? payload.publicUrl : '';
    await db.transaction().execute(async (trx) => {
      const course = await trx
        .selectFrom('course')
        .selectAll()
        .where('id', '=', courseId)
        .executeTakeFirst();
      // A closed course is reminded only of its closing measurement.
      if (!course) return;
      if (course.status !== 'open' && !(course.status === 'closed' && occasion === 'afslutning'))
        return;
      const schedule = await repo.findSchedule(trx, course.municipality_id, courseId);
      if (!schedule) return;
      const { passed, next } = occasionsOf(
        course.start_date,
        schedule.interval_months,
        danishToday(),
        closedOn(course),
      );
      const answered = new Set(
        (await repo.listResponses(trx, course.municipality_id, courseId)).map((r) => r.occasion),
      );
      const due = dueOccasion(passed, answered);
      if (due?.key === occasion && (await repo.claimOccasionReminder(trx, courseId, occasion))) {
        // The lead and every co-coordinator: a makker pair shares the course's measurements.
        const coCoordinators = await courses.listCoCoordinators(trx, course.municipality_id, [
          courseId,
        ]);
        const coordinators = await courses.findPeople(trx, course.municipality_id, [
          course.coordinator_person_id,
          ...coCoordinators.map((c) => c.person_id),
        ]);
        const link = `${publicUrl}/forloeb/${courseId}/progression`;
        for (const coordinator of coordinators) {
          if (!coordinator.email) continue;
          await queueMail(trx, mail, {
            municipalityId: course.municipality_id,
            kind: 'progression-due',
            to: coordinator.email,
            subject: 'Samspil: en progressionsmåling er klar / a progression measurement is due',
            text:
              (occasion === 'afslutning'
                ? `Et forløb, du koordinerer, er afsluttet. Borgeren skal have afslutningsmålingen.\n`
                : `En borger i et forløb, du koordinerer, skal have en progressionsmåling nu.\n`) +
              `Tag den sammen med borgeren, eller send borgeren et personligt link: ${link}\n\n` +
              (occasion === 'afslutning'
                ? `A course you coordinate has been closed. The citizen is due the closing measurement.\n`
                : `A citizen in a course you coordinate is due a progression measurement.\n`) +
              `Take it with the citizen, or send them a personal link: ${link}\n`,
          });
        }
      }
      if (next) await queueDueJob(trx, courseId, next, publicUrl);
    });
  };
}
