/**
 * The citizen's rights over their data: the access request (indsigt) of one member,
 * the course's audit trail, and deleting a closed course. Deletion removes all citizen
 * data except the audit log, whose entries are kept for the configured retention and then
 * purged by a background job.
 */
import type { Kysely } from 'kysely';
import { can } from '../../contract/permissions.js';
import type { AccessRequest, CourseAuditEntry } from '../../contract/courses.schema.js';
import { planSchema } from '../../contract/plans.schema.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { enqueueJob } from '../jobs/job.repository.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { renderLinesPdf, type Line } from '../plans/plan-export.js';
import { actionsOf } from '../plans/plan.js';
import * as plans from '../plans/plan.repository.js';
import { AppError, badRequest, conflict, notFound } from '../kernel/errors.js';
import { consentValid, danishToday, loadCourseFor, requireFull } from './course-access.js';
import { auditCitizens } from './course-audit.js';
import type { CourseDeps } from './course-deps.js';
import { coordinatorView, partyView } from './course-view.js';
import * as privacy from './course-privacy.repository.js';
import * as repo from './course.repository.js';
import { formatCpr } from './cpr.js';
import { journalForAccessRequest } from '../journal/journal.service.js';

export const PURGE_AUDIT_JOB = 'purge-audit';

/** The job that deletes audit entries whose retention has run out. */
export function purgeAuditHandler(db: Kysely<Database>): JobHandler {
  return async () => {
    await privacy.purgeAudit(db);
  };
}

const onlyOwnersOrAdmin = () =>
  new AppError(403, 'forbidden', {
    da: 'Kun forløbets koordinator, ejere eller en administrator kan gøre dette.',
    en: "Only the course's coordinator, owners or an administrator can do this.",
  });

/** Load a course for the owners, or for an admin (who otherwise sees only that it exists). */
async function loadForRights(deps: CourseDeps, user: AuthUser, courseId: string) {
  const context = await loadCourseFor(deps.db, user, courseId);
  if (context.access.level !== 'full' && !can(context.actor.role, 'courses.rights'))
    throw onlyOwnersOrAdmin();
  return context;
}

/** Who did what with the course's data, when (full access). */
export async function courseAudit(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<CourseAuditEntry[]> {
  const context = await loadCourseFor(deps.db, user, courseId);
  requireFull(context);
  const rows = await privacy.listCitizenAudit(
    deps.db,
    context.actor.municipalityId,
    context.members.map((m) => m.id),
    courseId,
  );
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    userName: r.user_name,
    reason: r.reason,
    detail: r.detail,
  }));
}

/**
 * One member's complete data and who looked at it when. Only this member: another
 * member's plan part, their consents and the parties only they involve are left out.
 * `hideStaff` removes staff names (who looked, who changed, who recorded).
 */
export async function accessRequest(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  memberId: string,
  hideStaff: boolean,
): Promise<AccessRequest> {
  const context = await loadForRights(deps, user, courseId);
  const { actor, course } = context;
  const member = context.members.find((m) => m.id === memberId);
  if (!member) throw notFound({ da: 'Medlemmet findes ikke.', en: 'The member does not exist.' });
  const staff = (name: string | null | undefined) => (hideStaff ? null : (name ?? null));

  const versions = await plans.listVersions(deps.db, courseId);
  const consents = context.consents.filter((c) => c.member_ids.includes(memberId));
  const names = await repo.userNames(deps.db, actor.municipalityId, [
    ...versions.map((v) => v.changed_by),
    ...consents.flatMap((c) => [c.recorded_by, ...(c.withdrawn_by ? [c.withdrawn_by] : [])]),
  ]);
  const plan = versions.map((v) => ({
    version: v.version,
    changedAt: v.changed_at.toISOString(),
    changedBy: staff(names.get(v.changed_by)),
    participants: hideStaff ? [] : v.participants,
    note: v.note,
    part: planSchema.parse(v.plan).parts.find((p) => p.memberId === memberId) ?? null,
  }));
  // Only the parties this member's own plan parts and consents involve.
  const involved = new Set<string>([
    ...plan.flatMap((v) =>
      v.part ? actionsOf({ parts: [v.part] }).map((a) => a.action.responsiblePartyId) : [],
    ),
    ...consents.flatMap((c) => c.party_ids),
  ]);
  const [coordinator] = await repo.findPeople(deps.db, actor.municipalityId, [
    course.coordinator_person_id,
  ]);
  const log = await privacy.listCitizenAudit(deps.db, actor.municipalityId, [memberId], null);
  const today = danishToday();
  const coordinatorInfo = coordinatorView(course, coordinator);
  const journal = await journalForAccessRequest(
    deps.db,
    actor.municipalityId,
    courseId,
    member,
    hideStaff,
  );

  const data: AccessRequest = {
    generatedAt: new Date().toISOString(),
    member: {
      id: member.id,
      name: member.name,
      relation: member.relation,
      cpr: member.cpr_encrypted ? formatCpr(deps.vault.decrypt(member.cpr_encrypted)) : null,
      phone: member.phone,
      email: member.email,
      address: member.address,
      preferredContact: member.preferred_contact,
    },
    course: {
      id: course.id,
      kind: course.kind,
      targetGroup: course.target_group,
      startDate: course.start_date,
      status: course.status,
      coordinator: {
        name: coordinatorInfo.name,
        role: coordinatorInfo.role,
        unitName: coordinatorInfo.unitName,
        email: coordinatorInfo.email,
      },
    },
    plan,
    network: context.parties.filter((p) => involved.has(p.id)).map(partyView),
    consents: consents.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      partyIds: c.party_ids,
      givenOn: c.given_on,
      expiresOn: c.expires_on,
      form: c.form,
      witness: c.witness,
      withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
      withdrawReason: c.withdraw_reason,
      valid: consentValid(c, today),
      recordedBy: staff(names.get(c.recorded_by)),
      withdrawnBy: c.withdrawn_by ? staff(names.get(c.withdrawn_by)) : null,
    })),
    accessLog: log.map((r) => ({
      at: r.at.toISOString(),
      action: r.action,
      userName: staff(r.user_name),
      reason: r.reason,
    })),
    ...journal,
  };
  await auditCitizens(deps.db, actor, 'course.access-request', courseId, [memberId], {
    detail: { hideStaff },
  });
  return data;
}

/** The access request as a PDF: the same data, as text lines. */
export function renderAccessRequestPdf(data: AccessRequest): Promise<Buffer> {
  const lines: Line[] = [];
  const add = (style: Line['style'], text: string) => lines.push({ style, text });
  const m = data.member;
  add('title', `Indsigt: ${m.name}`);
  add('text', `Udskrevet ${data.generatedAt.slice(0, 10)}`);
  add('heading', 'Dine oplysninger');
  add('text', `Navn: ${m.name}`);
  add('text', `CPR-nummer: ${m.cpr ?? '–'}`);
  add('text', `Rolle i forløbet: ${m.relation}`);
  add(
    'text',
    `Telefon: ${m.phone ?? '–'}  E-mail: ${m.email ?? '–'}  Adresse: ${m.address ?? '–'}`,
  );
  add('heading', 'Forløbet');
  const c = data.course;
  add('text', `${c.kind}, ${c.targetGroup}, start ${c.startDate}, ${c.status}`);
  add(
    'text',
    `Koordinator: ${c.coordinator.name} (${c.coordinator.role}), ${c.coordinator.unitName}`,
  );
  add('heading', 'Netværket');
  for (const p of data.network) add('text', `${p.name}: ${p.task} (svartid ${p.responseTime})`);
  add('heading', 'Planen, alle versioner');
  for (const v of data.plan) {
    add(
      'subheading',
      `Version ${v.version}, ${v.changedAt.slice(0, 10)}${v.changedBy ? `, ${v.changedBy}` : ''}`,
    );
    if (!v.part) {
      add('text', 'Ingen delplan.');
      continue;
    }
    add('label', 'Drømme og ønsker');
    add('text', v.part.dreams || '–');
    add('label', 'Overordnet mål');
    add('text', v.part.goal || '–');
    for (const goal of v.part.subGoals) {
      add('label', `Delmål: ${goal.text}`);
      for (const a of goal.actions) {
        add(
          'text',
          `Indsats: ${a.text} (${a.law}${a.paragraph ? ` ${a.paragraph}` : ''}, ${a.status})`,
        );
      }
    }
  }
  add('heading', 'Samtykker');
  for (const s of data.consents) {
    add(
      'text',
      `${s.purpose}: ${s.givenOn} – ${s.expiresOn}, ${s.form}${s.withdrawnAt ? `, trukket tilbage ${s.withdrawnAt.slice(0, 10)}` : ''}`,
    );
  }
  add('heading', 'Forløbsjournalen');
  if (data.journal.length === 0) add('text', 'Ingen notater.');
  for (const e of data.journal) {
    const by = [e.authorName, e.authorUnit].filter(Boolean).join(', ');
    add('subheading', `${e.createdAt.slice(0, 10)}${by ? `, ${by}` : ''}`);
    add('text', e.wrong ? `${e.text} (markeret som forkert: ${e.wrong.reason})` : e.text);
    for (const h of e.history)
      add('text', `Tidligere tekst (${h.replacedAt.slice(0, 10)}): ${h.text}`);
  }
  add('heading', 'Oplysninger, der er indhentet');
  if (data.information.length === 0) add('text', 'Ingen.');
  for (const i of data.information) {
    add('text', `${i.obtainedOn}: ${i.what} fra ${i.sourceName}. Opbevares: ${i.keptAt}`);
  }
  add('heading', 'Hvem har set eller ændret dine oplysninger');
  for (const e of data.accessLog) {
    add(
      'text',
      `${e.at.slice(0, 16).replace('T', ' ')}  ${e.action}  ${e.userName ?? '(medarbejder)'}${e.reason ? `  ${e.reason}` : ''}`,
    );
  }
  return renderLinesPdf(lines, `Indsigt: ${m.name}`);
}

/**
 * Delete a closed course: the citizens, members, parties, plan versions and consents.
 * The audit entries stay until `now + retention` and are then purged by a job.
 */
export async function deleteCourse(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  reason: string,
): Promise<void> {
  const context = await loadForRights(deps, user, courseId);
  if (context.course.status !== 'closed') {
    throw conflict({
      da: 'Kun et afsluttet forløb kan slettes. Afslut forløbet først.',
      en: 'Only a closed course can be deleted. Close the course first.',
    });
  }
  if (!reason.trim()) {
    throw badRequest({ da: 'Angiv en begrundelse.', en: 'Give a reason.' });
  }
  const purgeAfter = new Date(Date.now() + deps.auditRetentionDays * 86_400_000);
  const citizenIds = context.members.map((m) => m.id);
  await deps.db.transaction().execute(async (trx) => {
    await auditCitizens(trx, context.actor, 'course.delete', courseId, citizenIds, {
      reason,
      purgeAfter,
    });
    await privacy.markAuditForPurge(
      trx,
      context.actor.municipalityId,
      citizenIds,
      courseId,
      purgeAfter,
    );
    await repo.deleteCourse(trx, context.actor.municipalityId, courseId);
    await enqueueJob(trx, {
      kind: PURGE_AUDIT_JOB,
      payload: {},
      runAt: purgeAfter,
      dedupeKey: `purge-audit:${courseId}`,
    });
  });
}
