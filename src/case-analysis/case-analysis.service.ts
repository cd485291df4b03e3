/**
 * Case-level relational capacity (enkeltsagsanalyse, ANALYSIS.md "Case level"): a short
 * measurement among the professionals of one course's network, its group result on the
 * course page, and case RK against the citizen score and the number of units across
 * courses. The measurement itself is an ordinary measurement, made, filled and closed by
 * the measurement service; this service decides who may start one and what is shown.
 *
 * Who is invited: the course's named professionals and its coordinator, and, only when
 * asked (`includeUnitMembers`), every active person of the unit parties. A unit party is
 * often a whole department of people who do not know this citizen, so by default a unit
 * party is a group to be rated, not a group of respondents (docs/analysis.md).
 */
import { can } from '../../contract/permissions.js';
import type {
  CaseAnalysis,
  CaseLevel,
  CaseMeasurementView,
  CaseResult,
} from '../../contract/case-analysis.schema.js';
import { analyzeSummaries, type TieResult } from '../analysis/analyze.js';
import { complementarySuppression, isSuppressed, shownCount } from '../analysis/anonymity.js';
import { caseLevel, caseRk, citizenScore, type CaseInput } from '../analysis/case-level.js';
import { RK_ITEMS } from '../analysis/answer.js';
import { emptyMoments } from '../analysis/cronbach.js';
import { compareCodeUnits, emptyProfile } from '../analysis/relational-capacity.js';
import type { WaveSummary } from '../analysis/wave-summary.js';
import type { AuthUser } from '../auth/auth.service.js';
import { actorOf, danishToday, decideAccess, courseNotFound } from '../courses/course-access.js';
import {
  findCourse,
  listCoCoordinators,
  listParties,
  type PartyRow,
} from '../courses/course.repository.js';
import { complexityOf } from '../courses/course-view.js';
import type { Course } from '../db/tables/course.table.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import * as measurementRepo from '../measurements/measurement.repository.js';
import {
  addInvitations,
  closeMeasurement,
  createMeasurement,
  openMeasurement,
  type MeasurementDeps,
} from '../measurements/measurement.service.js';
import { loadWaveSummaries } from '../results/results.repository.js';
import { AppError, badRequest, conflict, notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import * as repo from './case-analysis.repository.js';

export type CaseDeps = MeasurementDeps;
export type { CaseMeasurementView, CaseResult };

const emptySummary = (wave: string): WaveSummary => ({
  wave,
  ties: [],
  respondents: [],
  rkAlpha: emptyMoments(RK_ITEMS.length),
});

/** How the acting user stands to a course's case measurements. */
type CaseRole = 'owner' | 'leader' | 'network';

/** The words the items' "xx" gets for each target group: the course is the focal process. */
const FOCAL_PROCESS: Record<Course['target_group'], string> = {
  voksne: 'forløbet for denne voksne borger',
  'unge-15-30': 'forløbet for denne unge',
  familier: 'forløbet for denne familie',
  boern: 'forløbet for dette barn',
  andet: 'forløbet for denne borger',
};

/** Organisation units of the network: unit parties' units and named professionals' units. */
function networkUnitIds(parties: PartyRow[]): Set<string> {
  return new Set(
    parties
      .filter((p) => p.kind !== 'external' && p.org_unit_id !== null)
      .map((p) => p.org_unit_id!),
  );
}

/**
 * Load a course for case analysis: the coordinator and course owners (`owner`), a leader
 * whose unit is in the network (`leader`), anyone else with access to the course
 * (`network`, may read the group result); others get 404 as for the course itself.
 */
async function loadCase(deps: CaseDeps, user: AuthUser, courseId: string) {
  const actor = await actorOf(deps.db, user);
  const course = await findCourse(deps.db, user.municipalityId, courseId);
  if (!course) throw courseNotFound();
  const parties = await listParties(deps.db, user.municipalityId, [courseId]);
  // Members and consents only decide which plan parts one sees, not whether one sees the course.
  const coCoordinatorIds = (await listCoCoordinators(deps.db, user.municipalityId, [courseId])).map(
    (c) => c.person_id,
  );
  const access = decideAccess(
    actor,
    { ...course, coCoordinatorIds },
    [],
    parties,
    [],
    danishToday(),
  );
  const units = networkUnitIds(parties);
  const leads = can(actor.role, 'units.lead') && actor.unitId !== null && units.has(actor.unitId);
  let role: CaseRole | null = null;
  if (access?.level === 'full') role = 'owner';
  else if (leads) role = 'leader';
  else if (access !== null && !can(actor.role, 'courses.oversee')) role = 'network';
  if (role === null) throw courseNotFound();
  return { actor, course, parties, units, role };
}

/** A course and its network for someone who may see its case analysis (404 otherwise). */
export async function loadCaseCourse(deps: CaseDeps, user: AuthUser, courseId: string) {
  const { course, parties } = await loadCase(deps, user, courseId);
  return { course, parties };
}

const mayStart = (role: CaseRole) => role === 'owner' || role === 'leader';

function requireStarter(role: CaseRole) {
  if (!mayStart(role)) {
    throw new AppError(403, 'forbidden', {
      da: 'Kun forløbets koordinator eller en leder af en enhed i netværket kan gøre dette.',
      en: "Only the course's coordinator or a leader of a unit in the network can do this.",
    });
  }
}

/** The measurement service checks for analysis owners; this service has already authorised. */
const asMeasurementOwner = (user: AuthUser): AuthUser => ({ ...user, role: 'analytiker' });

const waveLabel = (previous: number) =>
  previous === 0 ? 'før' : previous === 1 ? 'efter' : String(previous + 1);

export interface StartCaseInput {
  minGroup: number | null;
  includeUnitMembers: boolean;
  /** Ask the leadership items too; by default only on courses with an arm (the study). */
  includeLeadership?: boolean | null;
}

/**
 * Start a case measurement on a course: groups = the network's units, invitees = its
 * professionals, only the six RK items, and the previous case measurement (if any) as
 * the wave before. Refused before anything is made when the network is too small.
 */
export async function startCaseMeasurement(
  deps: CaseDeps,
  user: AuthUser,
  courseId: string,
  input: StartCaseInput,
) {
  const c = await loadCase(deps, user, courseId);
  requireStarter(c.role);
  if (c.course.status !== 'open') {
    throw new AppError(409, 'closed', {
      da: 'Forløbet er afsluttet og kan ikke ændres.',
      en: 'The course is closed and cannot be changed.',
    });
  }
  const earlier = await repo.listCaseMeasurements(deps.db, user.municipalityId, [courseId]);
  if (earlier.some((m) => m.status !== 'closed')) {
    throw conflict({
      da: 'Forløbet har allerede en åben enkeltsagsanalyse. Luk den først.',
      en: 'The course already has an open case measurement. Close it first.',
    });
  }
  const minGroup = input.minGroup ?? deps.defaultMinGroup;
  if (minGroup < 3) {
    throw badRequest({
      da: 'Mindste gruppestørrelse kan aldrig være under 3 (anonymitet).',
      en: 'The minimum group size can never be below 3 (anonymity).',
    });
  }
  const personIds = [
    ...new Set([
      c.course.coordinator_person_id,
      ...c.parties.filter((p) => p.kind === 'professional').map((p) => p.person_id!),
    ]),
  ];
  const unitPartyUnits = c.parties
    .filter((p) => p.kind === 'unit' && p.unit_id !== null)
    .map((p) => p.unit_id!);
  const people = new Map(
    (await measurementRepo.findPeopleToInvite(deps.db, user.municipalityId, { personIds })).map(
      (p) => [p.id, p],
    ),
  );
  if (input.includeUnitMembers) {
    const members = await measurementRepo.findPeopleToInvite(deps.db, user.municipalityId, {
      unitIds: unitPartyUnits,
    });
    for (const p of members) people.set(p.id, p);
  }
  if (people.size < minGroup) {
    throw badRequest(
      {
        da: `Netværket har ${people.size} fagpersoner at spørge, færre end mindste gruppestørrelse (${minGroup}). Et resultat kunne pege på enkeltpersoner, så målingen startes ikke.${input.includeUnitMembers ? '' : ' Medtag evt. medarbejderne i netværkets enheder.'}`,
        en: `The network has ${people.size} professionals to ask, fewer than the minimum group size (${minGroup}). A result could point to individuals, so the measurement is not started.${input.includeUnitMembers ? '' : " Consider including the staff of the network's units."}`,
      },
      { invitees: people.size, minGroup },
    );
  }
  const groups = new Set([...c.units, ...[...people.values()].map((p) => p.unit_id)]);
  if (groups.size < 2) {
    throw badRequest({
      da: 'Netværket skal have fagpersoner fra mindst to enheder for at måle samarbejdet mellem dem.',
      en: 'The network needs professionals from at least two units to measure their collaboration.',
    });
  }
  const owner = asMeasurementOwner(user);
  const closed = earlier.filter((m) => m.status === 'closed');
  const measurement = await createMeasurement(deps, owner, {
    title: `Enkeltsagsanalyse (${waveLabel(closed.length)})`,
    focalProcess: FOCAL_PROCESS[c.course.target_group],
    focalKind: null,
    groups: [...groups].map((unitId) => ({ unitId, arm: c.course.arm, flow: null })),
    groupKind: 'unit',
    professions: [],
    chooseGroups: false,
    // Courses in the intervention study measure leadership at case level beside RK.
    includeLeadership: input.includeLeadership ?? c.course.arm !== null,
    opensAt: null,
    closesAt: null,
    minGroup,
    thresholdHigh: 4.0,
    thresholdLow: 3.5,
    waveLabel: waveLabel(closed.length),
    previousMeasurementId: closed.at(-1)?.id ?? null,
    items: null,
  });
  await repo.linkMeasurementToCourse(deps.db, user.municipalityId, measurement.id, courseId);
  await addInvitations(deps, owner, measurement.id, { personIds: [...people.keys()] });
  await openMeasurement(deps, owner, measurement.id);
  return getCaseAnalysis(deps, user, courseId);
}

/** Close the course's open case measurement: its group result can then be shown. */
export async function closeCaseMeasurement(
  deps: CaseDeps,
  user: AuthUser,
  courseId: string,
  measurementId: string,
) {
  const c = await loadCase(deps, user, courseId);
  requireStarter(c.role);
  const [measurement] = (
    await repo.listCaseMeasurements(deps.db, user.municipalityId, [courseId])
  ).filter((m) => m.id === measurementId);
  if (!measurement) {
    throw notFound({
      da: 'Enkeltsagsanalysen findes ikke.',
      en: 'The case measurement does not exist.',
    });
  }
  await closeMeasurement(deps, asMeasurementOwner(user), measurementId);
  return getCaseAnalysis(deps, user, courseId);
}

/** Tag the course intervention or control (or neither), for the research design. */
export async function setArm(
  deps: CaseDeps,
  user: AuthUser,
  courseId: string,
  arm: 'intervention' | 'kontrol' | null,
) {
  const c = await loadCase(deps, user, courseId);
  requireStarter(c.role);
  if (await repo.isAllocated(deps.db, user.municipalityId, courseId)) {
    throw conflict({
      da: 'Forløbets arm er fastlagt ved lodtrækning og kan ikke ændres.',
      en: "The course's arm was set by random allocation and cannot be changed.",
    });
  }
  await repo.setCourseArm(deps.db, user.municipalityId, courseId, arm);
  return getCaseAnalysis(deps, user, courseId);
}

const suppressedTie = (tie: TieResult): TieResult => ({
  ...tie,
  n: null,
  score: null,
  level: 'suppressed',
  dontKnowShare: null,
  suppressed: true,
  dimensions: emptyProfile(),
  weakestDimension: null,
});

/**
 * The closed measurement's group result. Ties come from the core with its suppression;
 * then, since the network total is shown, the rating units are parts of that total and
 * a unit whose respondents could be found by subtraction loses all its ties
 * (complementary suppression, ANALYSIS.md "Anonymity"). Self-ties are not shown.
 */
async function caseResult(deps: CaseDeps, m: Measurement): Promise<CaseResult> {
  const [summary] = await loadWaveSummaries(deps.db, [m.id]);
  const options = { minGroup: m.min_group, high: m.threshold_high, low: m.threshold_low };
  const thresholds = { high: m.threshold_high, low: m.threshold_low };
  if (!summary) {
    return {
      thresholds,
      caseRk: { rk: null, n: 0, suppressed: false },
      network: {
        score: null,
        n: 0,
        weakestDimension: null,
        dimensions: emptyProfile(),
        suppressed: false,
        suppressedReason: null,
      },
      ties: [],
    };
  }
  const wave = analyzeSummaries([summary], options).waves[0]!;
  const perUnit = new Map<string, number>();
  for (const r of summary.respondents) {
    if (r.otherCount > 0) perUnit.set(r.unit, (perUnit.get(r.unit) ?? 0) + 1);
  }
  // In name order, so that which of two equal units is withheld does not depend on answer order.
  const units = [...perUnit.keys()].sort(compareCodeUnits);
  const hidden = complementarySuppression(
    units.map((u) => perUnit.get(u)!),
    m.min_group,
  );
  const hiddenUnits = new Set(units.filter((_, i) => hidden[i]));
  const rk = caseRk(summary, m.min_group);
  return {
    thresholds,
    caseRk: rk,
    network: wave.network,
    ties: wave.network.suppressed
      ? []
      : wave.ties.map((t) => (hiddenUnits.has(t.from) ? suppressedTie(t) : t)),
  };
}

/** The course's case measurements, its arm, units and (for its owners) the citizen score. */
export async function getCaseAnalysis(
  deps: CaseDeps,
  user: AuthUser,
  courseId: string,
): Promise<CaseAnalysis> {
  const c = await loadCase(deps, user, courseId);
  const measurements = await repo.listCaseMeasurements(deps.db, user.municipalityId, [courseId]);
  const views: CaseMeasurementView[] = [];
  for (const m of measurements) {
    const counts = await measurementRepo.invitationCounts(deps.db, m.id);
    const invited = counts.reduce((sum, row) => sum + Number(row.invited), 0);
    const exact = counts.reduce((sum, row) => sum + Number(row.finished), 0);
    // While open, in whole steps of the minimum group (as the response table), so that
    // watching the count cannot single out one submission.
    const finished = m.status === 'closed' ? exact : Math.floor(exact / m.min_group) * m.min_group;
    const finishedSuppressed = isSuppressed(finished, m.min_group);
    views.push({
      id: m.id,
      wave: m.wave_label,
      status: m.status,
      minGroup: m.min_group,
      invited,
      finished: shownCount(finished, finishedSuppressed),
      finishedSuppressed,
      result: m.status === 'closed' ? await caseResult(deps, m) : null,
    });
  }
  const scales =
    c.role === 'owner'
      ? await repo.latestCitizenScales(deps.db, user.municipalityId, [courseId])
      : undefined;
  return {
    courseId,
    arm: c.course.arm,
    units: complexityOf(c.parties).units,
    canStart: mayStart(c.role) && c.course.status === 'open',
    defaultMinGroup: deps.defaultMinGroup,
    // Only the course's owners see the citizen's own answers, as on the rest of the course page.
    citizenScore: scales ? citizenScore(scales.get(courseId) ?? null) : null,
    measurements: views,
  };
}

/** Case RK against the citizen score and the number of units, across the municipality's courses. */
export async function caseLevelAnalysis(deps: CaseDeps, user: AuthUser): Promise<CaseLevel> {
  requirePermission(user, 'analysis.caseLevel');
  const courses = await repo.listCoursesWithClosedCases(deps.db, user.municipalityId);
  const ids = courses.map((c) => c.id);
  const [measurements, parties, scales] = await Promise.all([
    repo.listCaseMeasurements(deps.db, user.municipalityId, ids),
    listParties(deps.db, user.municipalityId, ids),
    repo.latestCitizenScales(deps.db, user.municipalityId, ids),
  ]);
  const cases: CaseInput[] = [];
  for (const course of courses) {
    const waves: CaseInput['waves'] = [];
    for (const m of measurements) {
      if (m.course_id !== course.id || m.status !== 'closed') continue;
      // A wave without answers stays a wave (shown as nothing), so later waves keep their place.
      const [summary = emptySummary(m.wave_label)] = await loadWaveSummaries(deps.db, [m.id]);
      waves.push({ summary, minGroup: m.min_group });
    }
    cases.push({
      arm: course.arm,
      units: complexityOf(parties.filter((p) => p.course_id === course.id)).units,
      citizenScore: citizenScore(scales.get(course.id) ?? null),
      waves,
    });
  }
  return {
    minCases: deps.defaultMinGroup,
    courses: courses.length,
    result: caseLevel(cases, { minCases: deps.defaultMinGroup }),
  };
}
