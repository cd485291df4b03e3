/**
 * The intervention study on citizens' cases (DOMAIN.md §2.4, issue #17): an analysis
 * owner allocates a period's eligible courses at random, half to a leadership
 * intervention and half to control; the allocation is recorded with its seed and an
 * audit entry, can be re-derived (`verify`), and is never edited (the database refuses).
 *
 * Eligible (rule `ELIGIBILITY_RULE`): an open course that started in the period
 * (inclusive), is complex by the course page's rule (`complexityOf`: at least 5 units and
 * outside actors, at least 2 authority functions), is in no earlier allocation and has no
 * arm set by hand. The most complex subgroup is fixed at allocation: more than 5 of the
 * municipality's own units and at least 2 authority functions (outside actors not counted).
 */
import { randomInt } from 'node:crypto';
import type {
  Allocation,
  AllocationCourse,
  AllocationInput,
  AllocationSummary,
  AllocationVerify,
  CourseCaseIntervention,
  Eligible,
} from '../../contract/allocations.schema.js';
import { can } from '../../contract/permissions.js';
import { allocate, MAX_SEED } from '../analysis/allocation.js';
import { compareCaseArms, type ComparisonCase } from '../analysis/case-comparison.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import { listCaseMeasurements } from '../case-analysis/case-analysis.repository.js';
import { listParties, type PartyRow } from '../courses/course.repository.js';
import { complexityOf, partyView } from '../courses/course-view.js';
import { courseInterventionView } from '../interventions/intervention.service.js';
import { ledUnitOf } from '../interventions/intervention.repository.js';
import { badRequest, notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import type { MeasurementDeps } from '../measurements/measurement.service.js';
import { loadWaveSummaries } from '../results/results.repository.js';
import type { WaveSummary } from '../analysis/wave-summary.js';
import { loadCaseCourse } from '../case-analysis/case-analysis.service.js';
import * as repo from './allocation.repository.js';

export type AllocationDeps = MeasurementDeps;

/** The eligibility rule's key, recorded with each allocation. */
export const ELIGIBILITY_RULE = 'open-complex-started-in-period-v1';

const allocationNotFound = () =>
  notFound({ da: 'Lodtrækningen findes ikke.', en: 'The allocation does not exist.' });

/** Units and authority functions counting only the municipality's own units (not outside actors). */
export function caseComplexity(parties: readonly PartyRow[]) {
  const units = new Map<string, string | null>();
  for (const p of parties) {
    if (p.kind !== 'external' && p.org_unit_id && p.unit_kind !== 'ekstern')
      units.set(p.org_unit_id, p.unit_kind);
  }
  const municipalUnits = units.size;
  const authorityFunctions = [...units.values()].filter((k) => k === 'myndighed').length;
  return {
    municipalUnits,
    authorityFunctions,
    mostComplex: municipalUnits > 5 && authorityFunctions >= 2,
  };
}

function checkPeriod(input: AllocationInput) {
  if (input.to < input.from) {
    throw badRequest({
      da: 'Periodens slutdato skal ligge efter dens startdato.',
      en: "The period's end date must come after its start date.",
    });
  }
}

/** The eligible courses of the period, with their complexity; `lock` inside the allocating transaction. */
async function eligibleCourses(
  db: MeasurementDeps['db'],
  user: AuthUser,
  input: AllocationInput,
): Promise<AllocationCourse[]> {
  const candidates = await repo.lockCandidateCourses(db, user.municipalityId, input.from, input.to);
  const parties = await listParties(
    db,
    user.municipalityId,
    candidates.map((c) => c.id),
  );
  return candidates
    .map((c) => {
      const own = parties.filter((p) => p.course_id === c.id);
      return { course: c, own, complex: complexityOf(own).complex };
    })
    .filter((c) => c.complex)
    .map(({ course, own }) => ({
      courseId: course.id,
      startDate: course.start_date,
      ...caseComplexity(own),
    }));
}

/** What an allocation of the period would take. */
export async function listEligible(
  deps: AllocationDeps,
  user: AuthUser,
  input: AllocationInput,
): Promise<Eligible> {
  requirePermission(user, 'allocations.read');
  checkPeriod(input);
  return {
    ...input,
    rule: ELIGIBILITY_RULE,
    courses: await eligibleCourses(deps.db, user, input),
  };
}

const summaryOf = (
  row: NonNullable<Awaited<ReturnType<typeof repo.findAllocation>>>,
): AllocationSummary => ({
  id: row.id,
  from: row.period_from,
  to: row.period_to,
  seed: Number(row.seed),
  rule: row.rule,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by_name,
  counts: { intervention: row.intervention, kontrol: row.kontrol },
});

/** Allocate the period's eligible courses at random, half to intervention, with a recorded seed. */
export async function runAllocation(
  deps: AllocationDeps,
  user: AuthUser,
  input: AllocationInput,
): Promise<Allocation> {
  requirePermission(user, 'allocations.run');
  checkPeriod(input);
  const id = await recordAllocation(deps.db, user, input, randomInt(0, MAX_SEED + 1));
  return getAllocation(deps, user, id);
}

/**
 * Draw and record an allocation with the given seed, in one transaction: the rows, the
 * courses' arms and the audit entry. The API draws the seed at random; the demo fixes it.
 */
export async function recordAllocation(
  db: AllocationDeps['db'],
  user: AuthUser,
  input: AllocationInput,
  seed: number,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const eligible = await eligibleCourses(trx, user, input);
    if (eligible.length < 2) {
      throw badRequest(
        {
          da: `Perioden har ${eligible.length} komplekse forløb, der kan trækkes lod om; der skal mindst være 2.`,
          en: `The period has ${eligible.length} complex courses that can be allocated; at least 2 are needed.`,
        },
        { eligible: eligible.length },
      );
    }
    const arms = allocate(
      eligible.map((c) => c.courseId),
      seed,
    );
    const { id } = await repo.insertAllocation(trx, {
      municipality_id: user.municipalityId,
      period_from: input.from,
      period_to: input.to,
      seed,
      rule: ELIGIBILITY_RULE,
      created_by: user.userId,
    });
    const complex = new Map(eligible.map((c) => [c.courseId, c.mostComplex]));
    await repo.insertAllocationCourses(
      trx,
      arms.map((a) => ({
        allocation_id: id,
        municipality_id: user.municipalityId,
        course_id: a.courseId,
        arm: a.arm,
        most_complex: complex.get(a.courseId) ?? false,
      })),
    );
    for (const arm of ['intervention', 'kontrol'] as const) {
      const ids = arms.filter((a) => a.arm === arm).map((a) => a.courseId);
      await repo.setArms(trx, user.municipalityId, arm, ids);
    }
    await recordUserAudit(trx, user, 'allocation.run', 'allocation', id, {
      from: input.from,
      to: input.to,
      seed,
      rule: ELIGIBILITY_RULE,
      intervention: arms.filter((a) => a.arm === 'intervention').length,
      kontrol: arms.filter((a) => a.arm === 'kontrol').length,
    });
    return id;
  });
}

/** The municipality's allocations, newest first. */
export async function listAllocations(
  deps: AllocationDeps,
  user: AuthUser,
): Promise<AllocationSummary[]> {
  requirePermission(user, 'allocations.read');
  return (await repo.listAllocations(deps.db, user.municipalityId)).map(summaryOf);
}

/** The allocated cases' closed case measurements as the comparison reads them. */
async function comparisonCases(
  deps: AllocationDeps,
  user: AuthUser,
  courses: { course_id: string; arm: 'intervention' | 'kontrol'; most_complex: boolean }[],
): Promise<ComparisonCase[]> {
  const measurements = (
    await listCaseMeasurements(
      deps.db,
      user.municipalityId,
      courses.map((c) => c.course_id),
    )
  ).filter((m) => m.status === 'closed');
  // One wave at a time, as the case analysis loads them: each summary names its own groups.
  const summaries = new Map<string, WaveSummary>();
  for (const m of measurements) {
    const [summary] = await loadWaveSummaries(deps.db, [m.id]);
    if (summary) summaries.set(m.id, summary);
  }
  return courses.map((c) => ({
    arm: c.arm,
    mostComplex: c.most_complex,
    waves: measurements
      .filter((m) => m.course_id === c.course_id && summaries.has(m.id))
      .map((m) => ({ summary: summaries.get(m.id)!, minGroup: m.min_group })),
  }));
}

/** One allocation with its courses' arms and the case-level comparison of the arms. */
export async function getAllocation(
  deps: AllocationDeps,
  user: AuthUser,
  id: string,
): Promise<Allocation> {
  requirePermission(user, 'allocations.read');
  const row = await repo.findAllocation(deps.db, user.municipalityId, id);
  if (!row) throw allocationNotFound();
  // A course erased since (privacy) is gone from the list and the comparison.
  const courses = (await repo.listAllocationCourses(deps.db, user.municipalityId, id)).filter(
    (c) => c.start_date !== null,
  );
  const parties = await listParties(
    deps.db,
    user.municipalityId,
    courses.map((c) => c.course_id),
  );
  return {
    ...summaryOf(row),
    courses: courses.map((c) => ({
      courseId: c.course_id,
      startDate: c.start_date!,
      ...caseComplexity(parties.filter((p) => p.course_id === c.course_id)),
      // The subgroup is the one fixed at allocation, whatever the network has become.
      mostComplex: c.most_complex,
      arm: c.arm,
      interventionId: c.intervention_id,
    })),
    comparison: compareCaseArms(await comparisonCases(deps, user, courses), {
      minGroup: deps.defaultMinGroup,
    }),
  };
}

/** Re-derive the arms from the recorded seed and courses and compare them with the record. */
export async function verifyAllocation(
  deps: AllocationDeps,
  user: AuthUser,
  id: string,
): Promise<AllocationVerify> {
  requirePermission(user, 'allocations.read');
  const row = await repo.findAllocation(deps.db, user.municipalityId, id);
  if (!row) throw allocationNotFound();
  const recorded = await repo.listAllocationCourses(deps.db, user.municipalityId, id);
  const derived = new Map(
    allocate(
      recorded.map((c) => c.course_id),
      Number(row.seed),
    ).map((a) => [a.courseId, a.arm]),
  );
  const differences = recorded
    .filter((c) => derived.get(c.course_id) !== c.arm)
    .map((c) => c.course_id);
  return {
    id,
    seed: Number(row.seed),
    courses: recorded.length,
    matches: differences.length === 0,
    differences,
  };
}

/** A course's arm, allocation and case intervention, for everyone who may see the course. */
export async function getCourseCaseIntervention(
  deps: AllocationDeps,
  user: AuthUser,
  courseId: string,
): Promise<CourseCaseIntervention> {
  const { course, parties } = await loadCaseCourse(deps, user, courseId);
  const allocation = await repo.findCourseAllocation(deps.db, user.municipalityId, courseId);
  const led = can(user.role, 'interventions.create')
    ? await ledUnitOf(deps.db, user.municipalityId, user.userId)
    : undefined;
  const intervention = await courseInterventionView(deps.db, user, courseId);
  return {
    courseId,
    arm: course.arm,
    allocation: allocation
      ? { id: allocation.id, from: allocation.period_from, to: allocation.period_to }
      : null,
    intervention,
    parties: parties.map((p) => ({ id: p.id, name: partyView(p).name })),
    canPlan:
      intervention === null &&
      course.arm !== 'kontrol' &&
      course.status === 'open' &&
      led !== undefined &&
      parties.some((p) => p.kind !== 'external' && p.org_unit_id === led.unit_id),
  };
}
