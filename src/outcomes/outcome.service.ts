/**
 * Outcomes beside relational capacity (docs/outcomes.md): a course's dated outcome events,
 * recorded by the course's owners and read by everyone with access to the course (every
 * read and change audit-logged per citizen); the report per unit, arm and half-year under
 * the minimum group rule; and the pseudonymised evaluation export for register analysis.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  IN_WORK_OR_EDUCATION,
  NO_ARM,
  UPHELD_RESULTS,
  type OutcomeKind,
} from '../../contract/outcomes.js';
import type {
  CourseOutcomes,
  OutcomeEvent,
  OutcomeExportQuery,
  OutcomeInput,
  OutcomeReport,
  OutcomeReportRow,
  ShareFigure,
} from '../../contract/outcomes.schema.js';
import { halfYearBounds, halfYearsBetween, median, suppressShares } from '../analysis/outcomes.js';
import { recordAudit, recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import { listConsents } from '../consents/consent.repository.js';
import {
  consentValid,
  danishToday,
  loadCourseFor,
  loadReadableCourse,
  requireFull,
  type CourseContext,
} from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { formatCpr } from '../courses/cpr.js';
import type { Db } from '../db/db.js';
import type { NewOutcomeEvent } from '../db/tables/outcome.table.js';
import { badRequest, notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { fileStem } from '../reports/export.service.js';
import type { Cell, Table } from '../reports/report-tables.js';
import { tablesToXlsx, tableToCsv } from '../reports/table-export.js';
import type { Course } from '../db/tables/course.table.js';
import * as repo from './outcome.repository.js';

/** What outcomes need: the course dependencies and the smallest group shown. */
export type OutcomeDeps = CourseDeps & { defaultMinGroup: number };

/** A course's arm in an intervention/control design. */
export type Arm = NonNullable<Course['arm']>;

/**
 * The arm of each of `courseIds` that has one (set by the random allocation or by hand); a
 * course missing from the map is not allocated ("ikke fordelt"). The report and the export
 * read arms only through this function.
 */
export async function armOf(db: Db, courseIds: readonly string[]): Promise<Map<string, Arm>> {
  const rows = await repo.listArms(db, courseIds);
  return new Map(rows.flatMap((row) => (row.arm ? [[row.id, row.arm] as const] : [])));
}

// ---------- a course's events ----------

type EventRow = Awaited<ReturnType<typeof repo.listForCourse>>[number];

const eventView = (row: EventRow): OutcomeEvent => ({
  id: row.id,
  kind: row.kind,
  occurredOn: row.occurred_on,
  endOn: row.end_on,
  days: row.days,
  result: row.result,
  placementType: row.placement_type,
  status: row.status,
  about: row.about,
  recordedBy: row.recorded_by_name ?? '',
  updatedAt: row.updated_at.toISOString(),
});

/** The course's main citizen: the person outcomes are about and audited for. */
const mainCitizen = (context: CourseContext) =>
  context.members.filter((m) => m.relation === 'borger').map((m) => m.id);

async function loadReadable(deps: CourseDeps, user: AuthUser, courseId: string) {
  return loadReadableCourse(deps.db, user, courseId, {
    da: 'Du har ikke samtykke til at se forløbets udfald.',
    en: "You have no consent to see the course's outcomes.",
  });
}

/** The date a closed course ended (Danish calendar), or null while it is open. */
const endDateOf = (course: { closed_at: Date | null }) =>
  course.closed_at ? danishToday(course.closed_at) : null;

/** A course's outcome events with its start and end, for a user with access (audited). */
export async function getCourseOutcomes(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<CourseOutcomes> {
  const context = await loadReadable(deps, user, courseId);
  const rows = await repo.listForCourse(deps.db, context.actor.municipalityId, courseId);
  await auditCitizens(deps.db, context.actor, 'outcome.read', courseId, mainCitizen(context), {
    detail: { rows: rows.length },
  });
  return {
    startDate: context.course.start_date,
    endDate: endDateOf(context.course),
    canEdit: context.access.level === 'full',
    events: rows.map(eventView),
  };
}

/** The columns of an event from its input, after checking its dates against the course. */
function eventColumns(context: CourseContext, input: OutcomeInput) {
  const today = danishToday();
  const dates = [
    input.occurredOn,
    ...(input.kind === 'anbringelse' && input.endOn ? [input.endOn] : []),
  ];
  if (dates.some((d) => d > today)) {
    throw badRequest({
      da: 'Datoen ligger i fremtiden. Registrér udfald, når de er sket.',
      en: 'The date is in the future. Record outcomes once they have happened.',
    });
  }
  if (input.occurredOn < context.course.start_date) {
    throw badRequest({
      da: `Datoen ligger før forløbets start (${context.course.start_date}).`,
      en: `The date is before the course started (${context.course.start_date}).`,
    });
  }
  if (input.kind === 'anbringelse' && input.endOn && input.endOn < input.occurredOn) {
    throw badRequest({
      da: 'Anbringelsen kan ikke slutte, før den begynder.',
      en: 'The placement cannot end before it starts.',
    });
  }
  const about = 'about' in input && input.about?.trim() ? input.about : null;
  return {
    kind: input.kind,
    occurred_on: input.occurredOn,
    end_on: input.kind === 'anbringelse' ? (input.endOn ?? null) : null,
    days: input.kind === 'sagsbehandling' ? input.days : null,
    result: input.kind === 'klage' ? input.result : null,
    placement_type: input.kind === 'anbringelse' ? input.placementType : null,
    status: input.kind === 'status' ? input.status : null,
    about,
    recorded_by: context.actor.userId,
  } satisfies Omit<NewOutcomeEvent, 'municipality_id' | 'course_id'>;
}

const eventNotFound = () =>
  notFound({ da: 'Udfaldet findes ikke.', en: 'The outcome does not exist.' });

/**
 * Record, change (`eventId`) or delete (`input` null) an outcome event: only the course's
 * owners, also after the course is closed (outcomes after the end are what evaluations ask).
 */
export async function writeOutcome(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  eventId: string | null,
  input: OutcomeInput | null,
): Promise<CourseOutcomes> {
  const context = await loadCourseFor(deps.db, user, courseId);
  requireFull(context);
  const municipalityId = context.actor.municipalityId;
  const columns = input ? eventColumns(context, input) : null;
  await deps.db.transaction().execute(async (trx) => {
    let kind: OutcomeKind;
    let action: 'outcome.create' | 'outcome.update' | 'outcome.delete';
    let id: string;
    if (columns === null) {
      const deleted = await repo.deleteEvent(trx, municipalityId, courseId, eventId ?? '');
      if (!deleted) throw eventNotFound();
      [kind, action, id] = [deleted.kind, 'outcome.delete', deleted.id];
    } else if (eventId === null) {
      const inserted = await repo.insertEvent(trx, {
        ...columns,
        municipality_id: municipalityId,
        course_id: courseId,
      });
      [kind, action, id] = [columns.kind, 'outcome.create', inserted.id];
    } else {
      const updated = await repo.updateEvent(trx, municipalityId, courseId, eventId, columns);
      if (!updated) throw eventNotFound();
      [kind, action, id] = [columns.kind, 'outcome.update', updated.id];
    }
    await auditCitizens(trx, context.actor, action, courseId, mainCitizen(context), {
      detail: { outcomeId: id, kind },
    });
  });
  return getCourseOutcomes(deps, user, courseId);
}

// ---------- the report ----------

type CourseRow = Awaited<ReturnType<typeof repo.listCourses>>[number];
type AllEvent = Awaited<ReturnType<typeof repo.listAllEvents>>[number];

/** What one course did in one half-year. */
interface CoursePeriod {
  complaints: number;
  decided: boolean;
  upheld: boolean;
  decisionDays: number[];
  placements: number;
  lastStatus: AllEvent['status'];
}

function coursePeriod(events: AllEvent[], from: string, to: string): CoursePeriod {
  const inPeriod = events.filter((e) => e.occurred_on >= from && e.occurred_on <= to);
  const complaints = inPeriod.filter((e) => e.kind === 'klage');
  const statuses = inPeriod.filter((e) => e.kind === 'status');
  return {
    complaints: complaints.length,
    decided: complaints.some((e) => e.result !== 'verserer'),
    upheld: complaints.some((e) => e.result !== null && UPHELD_RESULTS.includes(e.result)),
    decisionDays: inPeriod.flatMap((e) => (e.kind === 'sagsbehandling' ? [e.days ?? 0] : [])),
    placements: inPeriod.filter((e) => e.kind === 'anbringelse').length,
    lastStatus: statuses.at(-1)?.status ?? null,
  };
}

/** A share figure, hidden when `hidden`; a share of nothing has no value. */
const figure = (k: number, n: number, hidden: boolean): ShareFigure =>
  hidden
    ? { courses: null, of: null, share: null, suppressed: true }
    : { courses: k, of: n, share: n > 0 ? k / n : null, suppressed: false };

/** The rows of one arm in one half-year: its units and the whole municipality. */
function armRows(
  period: string,
  arm: Arm | null,
  units: { unitId: string | null; unitName: string; courses: CoursePeriod[] }[],
  minGroup: number,
): OutcomeReportRow[] {
  const all = { unitId: null, unitName: 'Hele kommunen', courses: units.flatMap((u) => u.courses) };
  const count = (cs: CoursePeriod[], test: (c: CoursePeriod) => boolean) => cs.filter(test).length;
  const shares = (
    k: (c: CoursePeriod) => boolean,
    n: (c: CoursePeriod) => boolean = () => true,
    forced?: { cells: boolean[]; total: boolean },
  ) =>
    suppressShares(
      units.map((u, i) => ({
        n: count(u.courses, n),
        k: count(u.courses, (c) => n(c) && k(c)),
        forced: forced?.cells[i] ?? false,
      })),
      minGroup,
      forced?.total ?? false,
    );
  const size = shares(() => true);
  const complaints = shares((c) => c.complaints > 0, undefined, size);
  const decided = shares((c) => c.decided, undefined, size);
  const upheld = shares(
    (c) => c.upheld,
    (c) => c.decided,
    decided,
  );
  const decisions = shares((c) => c.decisionDays.length > 0, undefined, size);
  const placements = shares((c) => c.placements > 0, undefined, size);
  const withStatus = shares((c) => c.lastStatus !== null, undefined, size);
  const inWork = shares(
    (c) => c.lastStatus !== null && IN_WORK_OR_EDUCATION.includes(c.lastStatus),
    (c) => c.lastStatus !== null,
    withStatus,
  );
  const row = (
    unit: { unitId: string | null; unitName: string; courses: CoursePeriod[] },
    hidden: (s: { cells: boolean[]; total: boolean }) => boolean,
    total: boolean,
  ): OutcomeReportRow => {
    const cs = unit.courses;
    const n = cs.length;
    const sum = (f: (c: CoursePeriod) => number) => cs.reduce((s, c) => s + f(c), 0);
    const share = (s: { cells: boolean[]; total: boolean }, k: (c: CoursePeriod) => boolean) =>
      figure(count(cs, k), n, hidden(s));
    const decidedN = count(cs, (c) => c.decided);
    const statusN = count(cs, (c) => c.lastStatus !== null);
    const decisionsFigure = share(decisions, (c) => c.decisionDays.length > 0);
    const complaintsFigure = share(complaints, (c) => c.complaints > 0);
    const placementsFigure = share(placements, (c) => c.placements > 0);
    return {
      period,
      unitId: unit.unitId,
      unitName: unit.unitName,
      total,
      arm,
      courses: hidden(size) ? null : n,
      suppressed: hidden(size),
      complaints: {
        ...complaintsFigure,
        count: complaintsFigure.suppressed ? null : sum((c) => c.complaints),
      },
      upheld: figure(
        count(cs, (c) => c.upheld),
        decidedN,
        hidden(upheld),
      ),
      decisions: {
        ...decisionsFigure,
        count: decisionsFigure.suppressed ? null : sum((c) => c.decisionDays.length),
        medianDays: decisionsFigure.suppressed ? null : median(cs.flatMap((c) => c.decisionDays)),
      },
      placements: {
        ...placementsFigure,
        count: placementsFigure.suppressed ? null : sum((c) => c.placements),
      },
      withStatus: share(withStatus, (c) => c.lastStatus !== null),
      inWorkOrEducation: figure(
        count(cs, (c) => c.lastStatus !== null && IN_WORK_OR_EDUCATION.includes(c.lastStatus)),
        statusN,
        hidden(inWork),
      ),
    };
  };
  return [
    ...units.map((u, i) => row(u, (s) => s.cells[i]!, false)),
    row(all, (s) => s.total, true),
  ];
}

/** The half-years a course ran in: from its start to its end (or today). */
const running = (course: CourseRow, from: string, to: string) =>
  course.start_date <= to && (endDateOf(course) ?? '9999-12-31') >= from;

/** Group events by course. */
function eventsByCourse(events: AllEvent[]): Map<string, AllEvent[]> {
  const map = new Map<string, AllEvent[]>();
  for (const e of events) map.set(e.course_id, [...(map.get(e.course_id) ?? []), e]);
  return map;
}

/** The report per unit, arm and half-year, every figure under the minimum group rule (audited). */
export async function getReport(deps: OutcomeDeps, user: AuthUser): Promise<OutcomeReport> {
  requirePermission(user, 'outcomes.report');
  const [courses, events] = await Promise.all([
    repo.listCourses(deps.db, user.municipalityId),
    repo.listAllEvents(deps.db, user.municipalityId),
  ]);
  const arms = await armOf(
    deps.db,
    courses.map((c) => c.id),
  );
  const byCourse = eventsByCourse(events);
  const today = danishToday();
  const first = courses.map((c) => c.start_date).sort()[0];
  const periods = first && first <= today ? halfYearsBetween(first, today) : [];
  const rows: OutcomeReportRow[] = [];
  for (const period of periods) {
    const { from, to } = halfYearBounds(period);
    for (const arm of ['intervention', 'kontrol', null] as const) {
      const units = new Map<
        string,
        { unitId: string | null; unitName: string; courses: CoursePeriod[] }
      >();
      for (const course of courses) {
        if ((arms.get(course.id) ?? null) !== arm || !running(course, from, to)) continue;
        const key = course.unit_id ?? '';
        const unit = units.get(key) ?? {
          unitId: course.unit_id,
          unitName: course.unit_name ?? 'Ingen enhed',
          courses: [],
        };
        unit.courses.push(coursePeriod(byCourse.get(course.id) ?? [], from, to));
        units.set(key, unit);
      }
      if (units.size === 0) continue;
      const sorted = [...units.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'da'));
      rows.push(...armRows(period, arm, sorted, deps.defaultMinGroup));
    }
  }
  await recordUserAudit(deps.db, user, 'outcome.report', 'outcomes', null, { rows: rows.length });
  return { minGroup: deps.defaultMinGroup, rows };
}

// ---------- the evaluation export ----------

/** A progression answer's score 0–100: the mean of its scale items, each mapped onto 0–100. */
function progressionScore(
  items: { id: string; kind: string }[],
  answers: Record<string, unknown>,
): number | null {
  const scores = items.flatMap((item) => {
    const value = answers[item.id];
    if (typeof value !== 'number') return [];
    if (item.kind === 'scale-1-5') return [((value - 1) / 4) * 100];
    if (item.kind === 'scale-0-10') return [value * 10];
    return [];
  });
  return scores.length > 0 ? scores.reduce((s, v) => s + v, 0) / scores.length : null;
}

/** The documented columns of the export before the progression columns (docs/outcomes.md). */
export const EXPORT_COLUMNS = [
  'forloeb_pseudonym',
  'borger_pseudonym',
  'cpr',
  'arm',
  'enhed',
  'forloebstype',
  'maalgruppe',
  'start',
  'slut',
  'klager',
  'klager_medhold',
  'afgoerelser',
  'sagsbehandling_median_dage',
  'anbringelser',
  'anbringelse_dage',
  'seneste_status',
  'seneste_status_dato',
] as const;

/** Days from one ISO date to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The evaluation export: one row per course, pseudonymised with a key made for this export
 * and never stored (so two exports cannot be joined on their pseudonyms), CPR only where
 * asked for and the citizen's valid consent covers research use. Audited: who, when, rows,
 * whether CPR was included; and per citizen whose CPR left.
 */
export async function exportEvaluation(
  deps: CourseDeps,
  user: AuthUser,
  query: OutcomeExportQuery,
): Promise<{ filename: string; contentType: string; body: string | Buffer }> {
  requirePermission(user, 'outcomes.export');
  const municipalityId = user.municipalityId;
  const [courses, events, answers] = await Promise.all([
    repo.listCourses(deps.db, municipalityId),
    repo.listAllEvents(deps.db, municipalityId),
    repo.listProgressionAnswers(deps.db, municipalityId),
  ]);
  const ids = courses.map((c) => c.id);
  const [arms, consents] = await Promise.all([
    armOf(deps.db, ids),
    query.cpr === 'include' ? listConsents(deps.db, municipalityId, ids) : Promise.resolve([]),
  ]);
  const today = danishToday();
  const researchCitizens = new Set(
    consents.filter((c) => c.research_use && consentValid(c, today)).flatMap((c) => c.member_ids),
  );
  const key = randomBytes(32);
  const pseudonym = (id: string) => createHmac('sha256', key).update(id).digest('hex').slice(0, 20);

  // The latest score per course and instrument; instruments become columns by name.
  const instruments = new Map<string, string>();
  const latest = new Map<string, { score: number; date: string }>();
  for (const a of answers) {
    const score = progressionScore(a.items, a.answers);
    if (score === null) continue;
    instruments.set(a.instrument_id, a.name);
    latest.set(`${a.course_id}/${a.instrument_id}`, { score, date: danishToday(a.answered_at) });
  }
  const instrumentIds = [...instruments.keys()];

  const byCourse = eventsByCourse(events);
  const withCpr: { courseId: string; citizenId: string }[] = [];
  const rows: Cell[][] = courses.map((course) => {
    const es = byCourse.get(course.id) ?? [];
    const of = (kind: OutcomeKind) => es.filter((e) => e.kind === kind);
    const end = endDateOf(course);
    const status = of('status').at(-1);
    let cpr: string | null = null;
    if (course.citizen_id && course.cpr_encrypted && researchCitizens.has(course.citizen_id)) {
      cpr = formatCpr(deps.vault.decrypt(course.cpr_encrypted));
      withCpr.push({ courseId: course.id, citizenId: course.citizen_id });
    }
    return [
      pseudonym(course.id),
      course.citizen_id ? pseudonym(course.citizen_id) : null,
      cpr,
      arms.get(course.id) ?? NO_ARM.da,
      course.unit_name,
      course.kind,
      course.target_group,
      course.start_date,
      end,
      of('klage').length,
      of('klage').filter((e) => e.result !== null && UPHELD_RESULTS.includes(e.result)).length,
      of('sagsbehandling').length,
      median(of('sagsbehandling').map((e) => e.days ?? 0)),
      of('anbringelse').length,
      of('anbringelse').reduce(
        (sum, e) => sum + daysBetween(e.occurred_on, e.end_on ?? end ?? today),
        0,
      ),
      status?.status ?? null,
      status?.occurred_on ?? null,
      ...instrumentIds.flatMap((id) => {
        const score = latest.get(`${course.id}/${id}`);
        return [score?.score ?? null, score?.date ?? null];
      }),
    ];
  });
  const table: Table = {
    name: 'evaluering',
    title: { da: 'Evalueringsudtræk', en: 'Evaluation export' },
    header: [
      ...EXPORT_COLUMNS,
      ...instrumentIds.flatMap((id) => {
        const name = fileStem(instruments.get(id)!);
        return [`progression_${name}`, `progression_${name}_dato`];
      }),
    ],
    rows,
  };
  await deps.db.transaction().execute(async (trx) => {
    await recordAudit(trx, {
      municipalityId,
      userId: user.userId,
      action: 'outcome.export',
      entity: 'outcomes',
      detail: {
        format: query.format,
        rows: rows.length,
        cprIncluded: withCpr.length > 0,
        cprRows: withCpr.length,
      },
    });
    for (const { courseId, citizenId } of withCpr) {
      await auditCitizens(trx, user, 'outcome.export', courseId, [citizenId], {
        detail: { cpr: true },
      });
    }
  });
  const stem = `evaluering-${today}`;
  return query.format === 'xlsx'
    ? {
        filename: `${stem}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await tablesToXlsx([table], table.title.da),
      }
    : { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: tableToCsv(table) };
}
