/**
 * The Én plan fidelity checklist and implementation index (docs/fidelity.md). A course's
 * checklist is due 6 months after its start, every 6 months after and at closure; the
 * coordinating caseworker fills it in (drafts saved as they go) and submits it once;
 * everyone with access to the course reads it; every read and change is in the audit log
 * per citizen. Submitted checklists make the index per course, unit and municipality.
 */
import { FIDELITY_QUESTIONS, FIDELITY_INTERVAL_MONTHS } from '../../contract/fidelity.js';
import { can } from '../../contract/permissions.js';
import type {
  CourseFidelity,
  FidelityAnswers,
  FidelityChecklist,
  FidelityDue,
  FidelityIndex,
} from '../../contract/fidelity.schema.js';
import type { Occasion } from '../../contract/progression.schema.js';
import { combineScores, figureOverTime, scoreChecklist } from '../analysis/fidelity.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import {
  actorOf,
  coordinates,
  danishToday,
  loadCourseFor,
  loadReadableCourse,
  type CourseContext,
} from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import type { Course } from '../db/tables/course.table.js';
import { AppError, badRequest, conflict } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { dueOccasion, occasionsOf } from '../progression/occasions.js';
import * as repo from './fidelity.repository.js';

/** How long a closed course stays in its coordinator's due list for its closing checklist. */
const CLOSED_DUE_DAYS = 183;

/** A course's checklist occasions so far (6 months after the start, every 6 months, closure) and the next. */
export function fidelityOccasions(
  course: Pick<Course, 'start_date' | 'status' | 'closed_at'>,
  today = danishToday(),
): { passed: Occasion[]; next: Occasion | null } {
  const closedOn =
    course.status === 'closed' && course.closed_at ? danishToday(course.closed_at) : null;
  const { passed, next } = occasionsOf(
    course.start_date,
    FIDELITY_INTERVAL_MONTHS,
    today,
    closedOn,
  );
  // The start has its progression measurement but no checklist: there is nothing to check yet.
  return {
    passed: passed.filter((o) => o.key !== 'start'),
    next: next?.key === 'start' ? null : next,
  };
}

type Row = Awaited<ReturnType<typeof repo.listForCourse>>[number];

const checklistView = (row: Row): FidelityChecklist => ({
  occasion: row.occasion,
  due: row.due_on,
  status: row.status,
  answers: row.answers as Record<string, FidelityChecklist['answers'][string]>,
  score: scoreChecklist(row.answers),
  updatedAt: row.updated_at.toISOString(),
  submittedAt: row.submitted_at?.toISOString() ?? null,
  answeredBy: row.answered_by_name,
});

// The lead and the co-coordinators answer the checklist alike.
const isCoordinator = (context: CourseContext) =>
  can(context.actor.role, 'fidelity.answer') &&
  coordinates(
    { ...context.course, coCoordinatorIds: context.coCoordinators.map((c) => c.person_id) },
    context.actor.personId,
  );

async function courseFidelity(deps: CourseDeps, context: CourseContext): Promise<CourseFidelity> {
  const rows = await repo.listForCourse(deps.db, context.actor.municipalityId, context.course.id);
  const { passed, next } = fidelityOccasions(context.course);
  const byOccasion = new Map(rows.map((r) => [r.occasion, r]));
  const submitted = new Set(rows.filter((r) => r.status === 'submitted').map((r) => r.occasion));
  const checklists = rows.map(checklistView);
  return {
    occasions: passed.map((o) => ({ ...o, status: byOccasion.get(o.key)?.status ?? 'open' })),
    next,
    due: dueOccasion(passed, submitted),
    canAnswer: isCoordinator(context),
    checklists,
    index: combineScores(checklists.filter((c) => c.status === 'submitted').map((c) => c.score)),
  };
}

async function loadReadable(deps: CourseDeps, user: AuthUser, courseId: string) {
  return loadReadableCourse(deps.db, user, courseId, {
    da: 'Du har ikke samtykke til at se forløbets tjeklister.',
    en: "You have no consent to see the course's checklists.",
  });
}

/** A course's checklists for a staff member with full or consent access (audited). */
export async function getCourseFidelity(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<CourseFidelity> {
  const context = await loadReadable(deps, user, courseId);
  const view = await courseFidelity(deps, context);
  await auditCitizens(
    deps.db,
    context.actor,
    'fidelity.read',
    courseId,
    [...context.access.memberIds],
    { detail: { checklists: view.checklists.length } },
  );
  return view;
}

const onlyCoordinator = {
  da: 'Kun forløbets koordinerende sagsbehandler udfylder tjeklisten.',
  en: "Only the course's coordinating caseworker fills in the checklist.",
};

/** Check who may write which occasion; answers the occasion's date. */
function writableOccasion(context: CourseContext, occasion: string): Occasion {
  if (!isCoordinator(context)) throw new AppError(403, 'forbidden', onlyCoordinator);
  const found = fidelityOccasions(context.course).passed.find((o) => o.key === occasion);
  if (!found) {
    throw conflict({
      da: 'Tjeklisten for det tidspunkt er ikke klar endnu.',
      en: 'The checklist of that occasion is not due yet.',
    });
  }
  if (context.course.status !== 'open' && occasion !== 'afslutning') {
    throw new AppError(409, 'closed', {
      da: 'Forløbet er afsluttet: kun afslutningens tjekliste kan udfyldes.',
      en: 'The course is closed: only the closing checklist can be filled in.',
    });
  }
  return found;
}

const sameAnswers = (a: FidelityAnswers, b: FidelityAnswers) => {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
};

const alreadySubmitted = () =>
  conflict({
    da: 'Tjeklisten er allerede indsendt med andre svar og kan ikke ændres.',
    en: 'The checklist has already been submitted with other answers and cannot be changed.',
  });

/**
 * Save the coordinator's answers to one occasion as a draft, or submit them (every
 * question answered, "ved ikke" allowed). Submitting the same answers again changes
 * nothing and answers as the first time did.
 */
export async function saveChecklist(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  occasion: string,
  answers: FidelityAnswers,
  submit: boolean,
): Promise<FidelityChecklist> {
  requirePermission(user, 'fidelity.answer', onlyCoordinator);
  const context = await loadCourseFor(deps.db, user, courseId);
  const found = writableOccasion(context, occasion);
  if (submit) {
    const missing = FIDELITY_QUESTIONS.filter((q) => answers[q.id] === undefined);
    if (missing.length > 0) {
      throw badRequest(
        {
          da: `Svar på alle ni spørgsmål før du indsender (mangler ${missing.length}). Vælg "Ved ikke", hvis du ikke ved det.`,
          en: `Answer all nine questions before you submit (${missing.length} missing). Choose "Don't know" if you don't know.`,
        },
        { missing: missing.map((q) => q.id) },
      );
    }
  }
  const main = context.members.find((m) => m.relation === 'borger');
  return deps.db.transaction().execute(async (trx) => {
    const saved = await repo.saveChecklist(
      trx,
      {
        municipality_id: user.municipalityId,
        course_id: courseId,
        occasion,
        due_on: found.due,
        answers,
        unit_id: context.actor.unitId,
        coordinator_person_id: context.actor.personId,
        answered_by: user.userId,
      },
      submit,
    );
    const rows = await repo.listForCourse(trx, user.municipalityId, courseId);
    const row = rows.find((r) => r.occasion === occasion);
    if (!row) throw new Error(`fidelity checklist ${occasion} of ${courseId} vanished`);
    if (!saved) {
      // Already submitted: the same submission again is a no-op, anything else a conflict.
      if (!submit || !sameAnswers(row.answers, answers)) throw alreadySubmitted();
      return checklistView(row);
    }
    await auditCitizens(
      trx,
      context.actor,
      submit ? 'fidelity.submit' : 'fidelity.draft',
      courseId,
      main ? [main.id] : [],
      { detail: { occasion, answered: Object.keys(answers).length } },
    );
    return checklistView(row);
  });
}

/** The checklists due now in the open (or recently closed) courses the user coordinates. */
export async function listDue(deps: CourseDeps, user: AuthUser): Promise<FidelityDue> {
  if (!can(user.role, 'fidelity.answer') || user.personId === null) return { due: [] };
  const since = new Date(Date.now() - CLOSED_DUE_DAYS * 86_400_000);
  const courses = await repo.coordinatedCourses(deps.db, user.municipalityId, user.personId, since);
  const due: FidelityDue['due'] = [];
  for (const c of courses) {
    const submitted = new Set(
      c.checklists.filter((f) => f.status === 'submitted').map((f) => f.occasion),
    );
    const occasion = dueOccasion(fidelityOccasions(c).passed, submitted);
    if (!occasion) continue;
    due.push({
      courseId: c.id,
      citizenName: c.citizen_name,
      occasion: occasion.key,
      due: occasion.due,
      started: c.checklists.some((f) => f.occasion === occasion.key),
    });
    await auditCitizens(deps.db, user, 'fidelity.due', c.id, [c.citizen_id], {
      detail: { occasion: occasion.key },
    });
  }
  return { due };
}

/**
 * The implementation index over submitted checklists: per municipality, unit and course,
 * overall and per half-year of the occasion. A leader sees only their own unit.
 */
export async function getIndex(deps: CourseDeps, user: AuthUser): Promise<FidelityIndex> {
  requirePermission(user, 'fidelity.index');
  const all = can(user.role, 'fidelity.indexAll');
  let unitId: string | null = null;
  if (!all) {
    unitId = (await actorOf(deps.db, user)).unitId;
    if (unitId === null) {
      throw new AppError(403, 'forbidden', {
        da: 'Dit login er ikke knyttet til en enhed, så der er intet indeks at vise.',
        en: 'Your login is not linked to a unit, so there is no index to show.',
      });
    }
  }
  const rows = await repo.listSubmitted(deps.db, user.municipalityId, unitId);
  const scored = rows.map((r) => ({ ...r, due: r.due_on, score: scoreChecklist(r.answers) }));
  const group = <K>(key: (r: (typeof scored)[number]) => K) => {
    const groups = new Map<K, typeof scored>();
    for (const r of scored) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups.values()];
  };
  const noUnit = { da: 'Uden enhed', en: 'No unit' };
  const index: FidelityIndex = {
    periods: [...new Set(figureOverTime(scored).periods.map((p) => p.period))],
    municipality: all ? figureOverTime(scored) : null,
    units: group((r) => r.unit_id)
      .map((rs) => ({
        unitId: rs[0]!.unit_id,
        unitName: rs[0]!.unit_name ?? noUnit.da,
        ...figureOverTime(rs),
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'da')),
    courses: group((r) => r.course_id).map((rs) => {
      const last = rs.at(-1)!;
      return {
        courseId: last.course_id,
        startDate: last.start_date,
        status: last.course_status,
        unitName: last.unit_name ?? noUnit.da,
        coordinatorName: last.coordinator_name ?? '',
        ...figureOverTime(rs),
      };
    }),
  };
  await recordUserAudit(deps.db, user, 'fidelity.index', 'fidelity', unitId, {
    checklists: rows.length,
  });
  return index;
}

/** Format a 0–1 score as a Danish percentage with no decimals ("" when there is none). */
const percent = (score: number | null) => (score === null ? '' : String(Math.round(score * 100)));

/** The index as a `;` CSV for Danish Excel: one row per level, unit or course, and period. */
export async function indexCsv(deps: CourseDeps, user: AuthUser): Promise<string> {
  const index = await getIndex(deps, user);
  const header = [
    'niveau',
    'navn',
    'periode',
    'indeks_pct',
    'n',
    'plan_pct',
    'indgange_pct',
    'progression_pct',
    'maal_pct',
  ];
  const lines = [header.join(';')];
  const add = (
    level: string,
    name: string,
    series: FidelityIndex['units'][number] | NonNullable<FidelityIndex['municipality']>,
  ) => {
    for (const [period, f] of [
      ['alle', series.overall] as const,
      ...series.periods.map((p) => [p.period, p.figure] as const),
    ]) {
      lines.push(
        [
          level,
          `"${name.replaceAll('"', '""')}"`,
          period,
          percent(f.index),
          String(f.n),
          percent(f.elements.plan.score),
          percent(f.elements.indgange.score),
          percent(f.elements.progression.score),
          percent(f.elements.maal.score),
        ].join(';'),
      );
    }
  };
  if (index.municipality) add('kommune', user.municipalityName, index.municipality);
  for (const u of index.units) add('enhed', u.unitName, u);
  for (const c of index.courses) add('forløb', `${c.courseId.slice(0, 8)} ${c.startDate}`, c);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
