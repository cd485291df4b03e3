/**
 * Consent (samtykke): recorded with purpose, the parties it lets information be shared
 * with, the members it covers, how it was given and when it expires. Withdrawal is one
 * call, takes effect on the next request (access is never cached), and is kept.
 */
import type { AuthUser } from '../auth/auth.service.js';
import type { Consent as ConsentView, NewConsentInput } from '../../contract/consents.schema.js';
import type { Consent } from '../db/tables/consent.table.js';
import {
  consentValid,
  danishToday,
  loadChangeableCourse,
  loadCourseFor,
  partiesOfActor,
  requireFull,
  type CourseContext,
} from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import * as courses from '../courses/course.repository.js';
import { AppError, badRequest, conflict, notFound } from '../kernel/errors.js';
import * as repo from './consent.repository.js';

async function views(deps: CourseDeps, municipalityId: string, consents: Consent[]) {
  const names = await courses.userNames(deps.db, municipalityId, [
    ...consents.map((c) => c.recorded_by),
    ...consents.flatMap((c) => (c.withdrawn_by ? [c.withdrawn_by] : [])),
  ]);
  const today = danishToday();
  return consents.map((c): ConsentView => ({
    id: c.id,
    purpose: c.purpose,
    partyIds: c.party_ids,
    memberIds: c.member_ids,
    givenOn: c.given_on,
    form: c.form,
    witness: c.witness,
    expiresOn: c.expires_on,
    withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
    withdrawnBy: c.withdrawn_by ? (names.get(c.withdrawn_by) ?? '') : null,
    withdrawReason: c.withdraw_reason,
    valid: consentValid(c, today),
    researchUse: c.research_use,
    recordedBy: names.get(c.recorded_by) ?? '',
  }));
}

/** The consents a user may see: all for full access, the valid ones naming them for consent access. */
function visibleConsents(context: CourseContext): Consent[] {
  if (context.access.level === 'full') return context.consents;
  if (context.access.level === 'minimal') {
    throw new AppError(403, 'forbidden', {
      da: 'Du har ikke samtykke til at se forløbets oplysninger.',
      en: "You have no consent to see the course's information.",
    });
  }
  const mine = new Set(partiesOfActor(context.actor, context.parties).map((p) => p.id));
  const today = danishToday();
  return context.consents.filter(
    (c) => consentValid(c, today) && c.party_ids.some((id) => mine.has(id)),
  );
}

/** The course's consents, history included. */
export async function listCourseConsents(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<ConsentView[]> {
  const context = await loadCourseFor(deps.db, user, courseId);
  const consents = visibleConsents(context);
  const main = context.members.find((m) => m.relation === 'borger');
  const citizens = [...new Set(consents.flatMap((c) => c.member_ids))];
  await auditCitizens(
    deps.db,
    context.actor,
    'consent.read',
    courseId,
    citizens.length > 0 ? citizens : main ? [main.id] : [],
  );
  return views(deps, context.actor.municipalityId, consents);
}

/** Record a consent after checking it names only the course's parties and members. */
export async function recordConsent(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: NewConsentInput,
): Promise<ConsentView> {
  const context = await loadChangeableCourse(deps.db, user, courseId);
  const parties = new Set(context.parties.map((p) => p.id));
  const members = new Set(context.members.map((m) => m.id));
  if (input.partyIds.some((id) => !parties.has(id))) {
    throw badRequest({
      da: 'Samtykket nævner en part, der ikke er i forløbets netværk.',
      en: "The consent names a party that is not in the course's network.",
    });
  }
  if (input.memberIds.some((id) => !members.has(id))) {
    throw badRequest({
      da: 'Samtykket nævner en person, der ikke er med i forløbet.',
      en: 'The consent names a person who is not a member of the course.',
    });
  }
  if (input.form === 'mundtlig-med-vidne' && !input.witness?.trim()) {
    throw badRequest({
      da: 'Et mundtligt samtykke kræver et vidne.',
      en: 'An oral consent needs a witness.',
    });
  }
  const today = danishToday();
  if (input.expiresOn <= input.givenOn) {
    throw badRequest({
      da: 'Udløbsdatoen skal ligge efter datoen for samtykket.',
      en: 'The expiry date must be after the date the consent was given.',
    });
  }
  if (input.expiresOn < today) {
    throw badRequest({
      da: 'Samtykket er allerede udløbet. Indhent et nyt samtykke.',
      en: 'The consent has already expired. Obtain a new consent.',
    });
  }
  if (input.givenOn > today) {
    throw badRequest({
      da: 'Et samtykke kan ikke være givet i fremtiden.',
      en: 'A consent cannot be given in the future.',
    });
  }
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertConsent(trx, {
      municipality_id: context.actor.municipalityId,
      course_id: courseId,
      purpose: input.purpose,
      party_ids: JSON.stringify([...new Set(input.partyIds)]),
      member_ids: JSON.stringify([...new Set(input.memberIds)]),
      given_on: input.givenOn,
      expires_on: input.expiresOn,
      form: input.form,
      witness: input.witness?.trim() ? input.witness : null,
      recorded_by: context.actor.userId,
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: null,
      research_use: input.researchUse ?? false,
    });
    await auditCitizens(trx, context.actor, 'consent.create', courseId, input.memberIds, {
      detail: { consentId: inserted.id, parties: input.partyIds.length, form: input.form },
    });
    return inserted;
  });
  const [view] = await views(deps, context.actor.municipalityId, [row]);
  return view!;
}

/** Withdraw a consent: effective on the next request, kept in the history. */
export async function withdrawConsent(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  consentId: string,
  reason: string | undefined,
): Promise<ConsentView> {
  const context = await loadCourseFor(deps.db, user, courseId);
  requireFull(context);
  const consent = context.consents.find((c) => c.id === consentId);
  if (!consent) throw notFound({ da: 'Samtykket findes ikke.', en: 'The consent does not exist.' });
  const row = await deps.db.transaction().execute(async (trx) => {
    const updated = await repo.withdrawConsent(
      trx,
      context.actor.municipalityId,
      courseId,
      consentId,
      context.actor.userId,
      reason?.trim() ? reason : null,
    );
    if (!updated) {
      throw conflict({
        da: 'Samtykket er allerede trukket tilbage.',
        en: 'The consent has already been withdrawn.',
      });
    }
    await auditCitizens(trx, context.actor, 'consent.withdraw', courseId, consent.member_ids, {
      detail: { consentId },
      reason: reason?.trim() ? reason : null,
    });
    return updated;
  });
  const [view] = await views(deps, context.actor.municipalityId, [row]);
  return view!;
}
