/**
 * The citizen's one plan: every save is a new version (optimistic concurrency: a save
 * based on an older version is refused with 409 and nothing is overwritten), any two
 * versions can be compared, and a save notifies every party responsible for an
 * affected action, once per party.
 */
import type { AuthUser } from '../auth/auth.service.js';
import type { PlanVersion } from '../db/tables/plan-version.table.js';
import { queueMail } from '../mail/mail.service.js';
import { isUniqueViolation } from '../db/db.js';
import { AppError, badRequest, notFound, type Message } from '../kernel/errors.js';
import {
  loadChangeableCourse,
  loadCourseFor,
  type CourseContext,
} from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { partyView } from '../courses/course-view.js';
import * as courses from '../courses/course.repository.js';
import { affectedParties, diffPlans } from './plan-diff.js';
import { renderPlanPdf, renderPlanText, type PlanDocumentInput } from './plan-export.js';
import {
  planSchema,
  type Plan,
  type PlanComparison,
  type PlanExportQuery,
  type PlanSaved,
  type PlanSaveInput,
  type PlanVersion as PlanVersionView,
  type PlanVersionInfo,
} from '../../contract/plans.schema.js';
import { COORDINATOR_RESPONSIBLE } from '../../contract/plans.js';
import { RELATIVE } from '../../contract/courses.js';
import { actionsOf } from './plan.js';
import * as repo from './plan.repository.js';

const forbiddenPlan = () =>
  new AppError(403, 'forbidden', {
    da: 'Du har ikke samtykke til at se planen.',
    en: 'You have no consent to see the plan.',
  });

/** Load a course whose plan the user may read (full, or consent for the covered parts). */
async function loadForReading(deps: CourseDeps, user: AuthUser, courseId: string) {
  const context = await loadCourseFor(deps.db, user, courseId);
  if (context.access.level === 'minimal') throw forbiddenPlan();
  return context;
}

/** The parts of a plan this access may see. */
const visible = (context: CourseContext, plan: Plan): Plan => ({
  parts: plan.parts.filter((p) => context.access.memberIds.has(p.memberId)),
});

/** Citizens whose data a plan shows; the main citizen when it shows no part. */
function citizensOf(context: CourseContext, plan: Plan): string[] {
  const ids = plan.parts.map((p) => p.memberId);
  if (ids.length > 0) return ids;
  const main = context.members.find((m) => m.relation === 'borger');
  return main ? [main.id] : [];
}

async function versionView(
  deps: CourseDeps,
  context: CourseContext,
  row: PlanVersion,
): Promise<PlanVersionView> {
  const names = await courses.userNames(deps.db, context.actor.municipalityId, [row.changed_by]);
  const plan = visible(context, planSchema.parse(row.plan));
  return {
    version: row.version,
    plan,
    changedAt: row.changed_at.toISOString(),
    changedBy: names.get(row.changed_by) ?? '',
    participants: row.participants,
    note: row.note,
  };
}

/** A version as the user may see it; the reading is audited for the citizens it names. */
async function readVersion(
  deps: CourseDeps,
  context: CourseContext,
  courseId: string,
  row: PlanVersion,
): Promise<PlanVersionView> {
  const view = await versionView(deps, context, row);
  const citizens = citizensOf(context, view.plan);
  const detail = { version: row.version, access: context.access.level };
  await auditCitizens(deps.db, context.actor, 'plan.read', courseId, citizens, { detail });
  return view;
}

/** The latest version of the plan, parts filtered by access. */
export async function getPlan(deps: CourseDeps, user: AuthUser, courseId: string) {
  const context = await loadForReading(deps, user, courseId);
  const row = await repo.latestVersion(deps.db, courseId);
  if (!row) throw new Error(`course ${courseId} has no plan version`);
  return readVersion(deps, context, courseId, row);
}

const versionNotFound = () =>
  notFound({ da: 'Planversionen findes ikke.', en: 'The plan version does not exist.' });

/** One version of the plan, parts filtered by access. */
export async function getVersion(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  version: number,
) {
  const context = await loadForReading(deps, user, courseId);
  const row = await repo.findVersion(deps.db, courseId, version);
  if (!row) throw versionNotFound();
  return readVersion(deps, context, courseId, row);
}

/** Who changed the plan when, with whom, per version. */
export async function listVersions(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<PlanVersionInfo[]> {
  const context = await loadForReading(deps, user, courseId);
  const rows = await repo.listVersions(deps.db, courseId);
  // Participants may name the citizen: the list is a read of the citizen's data.
  await auditCitizens(
    deps.db,
    context.actor,
    'plan.versions',
    courseId,
    citizensOf(context, { parts: [] }),
  );
  const names = await courses.userNames(
    deps.db,
    context.actor.municipalityId,
    rows.map((r) => r.changed_by),
  );
  return rows.map((r) => ({
    version: r.version,
    changedAt: r.changed_at.toISOString(),
    changedBy: names.get(r.changed_by) ?? '',
    participants: r.participants,
    note: r.note,
  }));
}

/** The differences between two versions, limited to the parts the user may see. */
export async function compareVersions(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  from: number,
  to: number,
): Promise<PlanComparison> {
  const context = await loadForReading(deps, user, courseId);
  const [a, b] = await Promise.all([
    repo.findVersion(deps.db, courseId, from),
    repo.findVersion(deps.db, courseId, to),
  ]);
  if (!a || !b) throw versionNotFound();
  const changes = diffPlans(
    visible(context, planSchema.parse(a.plan)),
    visible(context, planSchema.parse(b.plan)),
  );
  const shown = [...new Set(changes.map((c) => c.memberId))];
  await auditCitizens(
    deps.db,
    context.actor,
    'plan.compare',
    courseId,
    shown.length > 0 ? shown : citizensOf(context, { parts: [] }),
    { detail: { from, to } },
  );
  return { from, to, changes };
}

const invalidPlan = (message: Message) => badRequest(message);

/** The rules the schema cannot check: members, responsible (`partyIds`: everyone who may be), ids, dates, reasons. */
export function checkPlan(plan: Plan, memberIds: Set<string>, partyIds: Set<string>): void {
  const seenMembers = new Set<string>();
  for (const part of plan.parts) {
    if (!memberIds.has(part.memberId) || seenMembers.has(part.memberId)) {
      throw invalidPlan({
        da: 'Hver delplan skal høre til ét medlem af forløbet.',
        en: 'Each part of the plan must belong to one member of the course.',
      });
    }
    seenMembers.add(part.memberId);
  }
  const ids = new Set<string>();
  const unique = (id: string) => {
    if (ids.has(id)) {
      throw invalidPlan({
        da: 'Planen har to delmål eller indsatser med samme id.',
        en: 'The plan has two sub-goals or actions with the same id.',
      });
    }
    ids.add(id);
  };
  for (const part of plan.parts) for (const goal of part.subGoals) unique(goal.id);
  for (const { action } of actionsOf(plan)) {
    unique(action.id);
    if (!partyIds.has(action.responsiblePartyId)) {
      throw invalidPlan({
        da: 'Hver indsats skal have en ansvarlig: koordinatoren, borgeren (eller et andet medlem af forløbet) eller en part fra netværket.',
        en: 'Every action needs someone responsible: the coordinator, the citizen (or another member of the course) or a party from the network.',
      });
    }
    if (action.start && action.end && action.end < action.start) {
      throw invalidPlan({
        da: 'En indsats kan ikke slutte før den starter.',
        en: 'An action cannot end before it starts.',
      });
    }
    if (action.status === 'opgivet' && !action.statusReason?.trim()) {
      throw invalidPlan({
        da: 'En opgivet indsats skal have en begrundelse.',
        en: 'An abandoned action needs a reason.',
      });
    }
  }
}

const staleVersion = (current: number) =>
  new AppError(
    409,
    'conflict',
    {
      da: `Planen er ændret af en anden imens (nu version ${current}). Hent den nye version, og gennemfør din ændring igen.`,
      en: `Someone else changed the plan meanwhile (now version ${current}). Load the new version and make your change again.`,
    },
    { currentVersion: current },
  );

/** Save a new version based on `baseVersion`; notifies the responsible parties of affected actions. */
export async function savePlan(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  save: PlanSaveInput,
): Promise<PlanSaved> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const memberIds = new Set(context.members.map((m) => m.id));
  checkPlan(
    save.plan,
    memberIds,
    new Set([...context.parties.map((p) => p.id), ...memberIds, COORDINATOR_RESPONSIBLE]),
  );
  const [coordinator] = await courses.findPeople(deps.db, context.actor.municipalityId, [
    context.course.coordinator_person_id,
  ]);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const latest = await repo.latestVersion(trx, courseId);
      const current = latest?.version ?? 0;
      if (save.baseVersion !== current) throw staleVersion(current);
      const before = latest ? planSchema.parse(latest.plan) : { parts: [] };
      const version = current + 1;
      await repo.insertVersion(trx, {
        courseId,
        version,
        plan: save.plan,
        changedBy: context.actor.userId,
        participants: save.participants,
        note: save.note ?? null,
      });
      const changes = diffPlans(before, save.plan);
      const changed = [...new Set(changes.map((c) => c.memberId))];
      await auditCitizens(
        trx,
        context.actor,
        'plan.update',
        courseId,
        changed.length > 0 ? changed : citizensOf(context, { parts: [] }),
        { detail: { version, changes: changes.length } },
      );
      let notified = 0;
      const notNotified: string[] = [];
      // Who can be mailed: the network's parties with an e-mail and the coordinator; the
      // citizen, family and relatives (pårørende) get no staff mail.
      const responsible = new Map<string, { name: string; email: string | null }>([
        ...context.parties.map((p) => {
          const view = partyView(p);
          const email = p.external_type === RELATIVE ? null : view.email;
          return [p.id, { name: view.name, email }] as const;
        }),
        ...context.members.map((m) => [m.id, { name: m.name, email: null }] as const),
        ...(coordinator
          ? [
              [
                COORDINATOR_RESPONSIBLE,
                { name: coordinator.name, email: coordinator.email },
              ] as const,
            ]
          : []),
      ]);
      const link = `${deps.publicUrl}/forloeb/${courseId}`;
      for (const partyId of affectedParties(before, save.plan)) {
        const who = responsible.get(partyId);
        const email = who?.email;
        if (!email) {
          if (who) notNotified.push(who.name);
          continue;
        }
        // No name, CPR or plan text in the mail: only that something changed and where.
        await queueMail(trx, deps.mail, {
          municipalityId: context.actor.municipalityId,
          kind: 'plan-changed',
          to: email,
          subject:
            'Samspil: en plan, du er ansvarlig i, er ændret / a plan you are responsible in has changed',
          text:
            `En borgers plan er ændret (version ${version}) i en indsats, I er ansvarlige for.\n` +
            `Log ind i Samspil for at se ændringen: ${link}\n\n` +
            `A citizen's plan has changed (version ${version}) in an action you are responsible for.\n` +
            `Log in to Samspil to see the change: ${link}\n`,
        });
        notified++;
      }
      return { version, notified, notNotified };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const latest = await repo.latestVersion(deps.db, courseId);
      throw staleVersion(latest?.version ?? 0);
    }
    throw error;
  }
}

/** The plan as a clean PDF or text for the citizen, or one law area's actions for a case system. */
export async function exportPlan(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  query: PlanExportQuery,
) {
  const context = await loadForReading(deps, user, courseId);
  const row = await repo.latestVersion(deps.db, courseId);
  if (!row) throw new Error(`course ${courseId} has no plan version`);
  let plan = visible(context, planSchema.parse(row.plan));
  if (query.member !== undefined) {
    if (!context.access.memberIds.has(query.member)) {
      throw notFound({ da: 'Medlemmet findes ikke.', en: 'The member does not exist.' });
    }
    plan = { parts: plan.parts.filter((p) => p.memberId === query.member) };
  }
  const [coordinator] = await courses.findPeople(deps.db, context.actor.municipalityId, [
    context.course.coordinator_person_id,
  ]);
  const names = await courses.userNames(deps.db, context.actor.municipalityId, [row.changed_by]);
  const input: PlanDocumentInput = {
    members: context.members.map((m) => ({ id: m.id, name: m.name, relation: m.relation })),
    parties: context.parties.map(partyView),
    coordinator: coordinator
      ? {
          name: coordinator.name,
          email: coordinator.email,
          unitName: coordinator.unit_name,
          role: context.course.coordinator_role,
        }
      : null,
    plan,
    version: row.version,
    changedAt: row.changed_at,
    changedBy: names.get(row.changed_by) ?? '',
    law: query.law ?? null,
  };
  await auditCitizens(deps.db, context.actor, 'plan.export', courseId, citizensOf(context, plan), {
    detail: { format: query.format, law: query.law ?? null, version: row.version },
  });
  const base = `plan-v${row.version}${query.law ? `-${query.law}` : ''}`;
  return query.format === 'pdf'
    ? { contentType: 'application/pdf', filename: `${base}.pdf`, body: await renderPlanPdf(input) }
    : {
        contentType: 'text/plain; charset=utf-8',
        filename: `${base}.txt`,
        body: renderPlanText(input),
      };
}
