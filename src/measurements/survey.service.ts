/**
 * The respondent's side of a measurement, reached by a personal link without login.
 *
 * The anonymous respondent row is created at the first save. Its id reaches the
 * invitation only sealed with the respondent's own token (see invitation-crypto.ts),
 * and that seal is erased at submission, after which nothing joins the invitation to
 * the answers. Saving is idempotent: the last write for an item wins.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { MAX_ANSWERS_PER_SAVE, type AnswerValue } from '../../contract/measurements.js';
import type {
  SavedAnswers,
  SavedGroups,
  Submitted,
  Survey,
} from '../../contract/measurements.schema.js';
import type { Database } from '../db/schema.js';
import type { Invitation } from '../db/tables/invitation.table.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import { AppError, badRequest } from '../kernel/errors.js';
import {
  asksSamspilLeadershipWording,
  itemText,
  LEADERSHIP_ITEMS,
  RK_ITEMS,
} from './default-items.js';
import { hashToken, openRespondentRef, sealRespondentRef } from './invitation-crypto.js';
import { isAnswerable } from './measurement.service.js';
import { listGroups } from './measurement.repository.js';
import * as repo from './survey.repository.js';

/** One answer as the survey sends it: 1–5, 'dk' for "ved ikke", null to clear. */
export interface SurveyAnswer {
  target: string;
  item: string;
  value: number | 'dk' | null;
}
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

const linkNotFound = () =>
  new AppError(404, 'not_found', {
    da: 'Linket virker ikke. Tjek, at du har brugt hele linket fra din e-mail.',
    en: 'The link does not work. Check that you used the whole link from your e-mail.',
  });

const closed = () =>
  new AppError(410, 'closed', {
    da: 'Undersøgelsen er lukket. Tak for din interesse – der kan ikke længere afgives svar.',
    en: 'The survey has closed. Thank you for your interest – answers can no longer be given.',
  });

const alreadySubmitted = () =>
  new AppError(409, 'conflict', {
    da: 'Du har allerede indsendt dine svar. Tak!',
    en: 'You have already submitted your answers. Thank you!',
  });

interface Resolved {
  invitation: Invitation;
  measurement: Measurement;
}

async function resolve(
  db: Kysely<Database>,
  measurementId: string,
  token: string,
  lock = false,
): Promise<Resolved> {
  if (!TOKEN_FORMAT.test(token)) throw linkNotFound();
  const invitation = await repo.findInvitationByTokenHash(db, hashToken(token), lock);
  if (!invitation || invitation.measurement_id !== measurementId) throw linkNotFound();
  const measurement = await repo.findMeasurementById(db, measurementId);
  if (!measurement || measurement.status === 'draft') throw linkNotFound();
  return { invitation, measurement };
}

function respondentIdOf(invitation: Invitation, token: string): string | undefined {
  return invitation.respondent_ref
    ? openRespondentRef(token, invitation.respondent_ref)
    : undefined;
}

// The database holds only scores 1–5 (a check constraint), so the narrowing is safe.
const toSurveyValue = (a: { value: number | null; dont_know: boolean }): AnswerValue =>
  a.dont_know ? 'dk' : (a.value as AnswerValue);

/** What the survey page shows: texts, groups, and the respondent's saved answers. */
export async function getSurvey(
  db: Kysely<Database>,
  measurementId: string,
  token: string,
): Promise<Survey> {
  const { invitation, measurement } = await resolve(db, measurementId, token);
  const finished = invitation.status === 'finished';
  if (!finished && !isAnswerable(measurement)) throw closed();
  const groups = await listGroups(db, measurementId);
  const respondentId = finished ? undefined : respondentIdOf(invitation, token);
  const respondent = respondentId ? await repo.findRespondent(db, respondentId) : undefined;
  const answers = respondentId ? await repo.listAnswers(db, respondentId) : [];
  const items = Object.fromEntries(
    Object.entries(measurement.items)
      .filter(
        ([key]) =>
          measurement.include_leadership || !(LEADERSHIP_ITEMS as readonly string[]).includes(key),
      )
      .map(([key, text]) => [
        key,
        {
          da: itemText(text.da, measurement.focal_process),
          en: itemText(text.en, measurement.focal_process),
        },
      ]),
  );
  return {
    measurement: {
      id: measurement.id,
      title: measurement.title,
      focalProcess: measurement.focal_process,
      chooseGroups: measurement.choose_groups,
      groupKind: measurement.group_kind,
      includeLeadership: measurement.include_leadership,
      samspilWording:
        measurement.include_leadership && asksSamspilLeadershipWording(measurement.items),
      closesAt: measurement.closes_at?.toISOString() ?? null,
      minGroup: measurement.min_group,
      items,
      kind: measurement.kind,
      implementationItems: measurement.implementation_items ?? [],
    },
    // The respondent's own group: their unit, or their profession.
    ownUnitId: invitation.profession ?? invitation.unit_id,
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    finished,
    chosenGroups: respondent?.chosen_groups ?? null,
    answers: answers.map((a) => ({ target: a.target, item: a.item, value: toSurveyValue(a) })),
  };
}

/** Lock the invitation, check it can still answer, and get (or create) its respondent. */
async function respondentFor(trx: Transaction<Database>, measurementId: string, token: string) {
  const { invitation, measurement } = await resolve(trx, measurementId, token, true);
  if (invitation.status === 'finished') throw alreadySubmitted();
  if (!isAnswerable(measurement)) throw closed();
  const respondentId = respondentIdOf(invitation, token) ?? (await claim(trx, token)).respondentId;
  return { invitation, measurement, respondentId };
}

/**
 * Create this token's respondent, storing `answers` with it in the same statement;
 * when a racing request created it first, return theirs with `stored` false.
 */
async function claim(
  db: Kysely<Database>,
  token: string,
  answers: repo.AnswerRow[] = [],
): Promise<{ respondentId: string; stored: boolean }> {
  const id = randomUUID();
  const tokenHash = hashToken(token);
  if (await repo.claimRespondent(db, tokenHash, id, sealRespondentRef(token, id), answers)) {
    return { respondentId: id, stored: true };
  }
  const context = await repo.findAnsweringContext(db, tokenHash);
  const theirs = context?.respondent_ref
    ? openRespondentRef(token, context.respondent_ref)
    : undefined;
  if (context?.invitation_status === 'finished') throw alreadySubmitted();
  if (!theirs) throw linkNotFound();
  return { respondentId: theirs, stored: false };
}

/** Save which groups the respondent works with; answers about dropped groups go. */
export async function saveGroups(
  db: Kysely<Database>,
  measurementId: string,
  token: string,
  unitIds: string[],
): Promise<SavedGroups> {
  return db.transaction().execute(async (trx) => {
    const { measurement, respondentId } = await respondentFor(trx, measurementId, token);
    if (!measurement.choose_groups) {
      throw badRequest({
        da: 'Grupperne er faste i denne undersøgelse.',
        en: 'The groups are fixed in this survey.',
      });
    }
    const allowed = new Set((await listGroups(trx, measurementId)).map((g) => g.id));
    const unique = [...new Set(unitIds)];
    if (unique.some((id) => !allowed.has(id))) {
      throw badRequest({
        da: 'En valgt gruppe er ikke med i undersøgelsen.',
        en: 'A chosen group is not in the survey.',
      });
    }
    await repo.setChosenGroups(trx, respondentId, unique);
    await repo.deleteAnswersOutsideTargets(trx, respondentId, unique);
    return { chosenGroups: unique };
  });
}

/** What answers fit an open measurement: fixed once it opens, so safe to keep. */
interface OpenShape {
  groupIds: string[];
  chooseGroups: boolean;
  includeLeadership: boolean;
  /** An implementation survey's item keys (answered with target ''); empty for a network survey. */
  implementationKeys: Set<string>;
}
const openShapes = new Map<string, OpenShape>();

async function shapeOf(
  db: Kysely<Database>,
  measurementId: string,
  context: repo.AnsweringContext,
): Promise<OpenShape> {
  const cached = openShapes.get(measurementId);
  if (cached) return cached;
  const groupIds = (await listGroups(db, measurementId)).map((g) => g.id);
  const measurement = await repo.findMeasurementById(db, measurementId);
  const shape: OpenShape = {
    groupIds,
    chooseGroups: context.choose_groups,
    includeLeadership: context.include_leadership,
    implementationKeys: new Set((measurement?.implementation_items ?? []).map((i) => i.key)),
  };
  if (context.status === 'open') openShapes.set(measurementId, shape);
  return shape;
}

/**
 * Token hashes seen with a respondent. Only a hint, so that later saves skip the
 * first-save statement (trying it costs a later save about a third more); bounded,
 * and per app instance, where a miss costs one attempt.
 */
const answeringTokens = new Set<string>();
function rememberAnswering(tokenHash: string) {
  if (answeringTokens.size >= 100_000) answeringTokens.clear();
  answeringTokens.add(tokenHash);
}

/**
 * A respondent's first save to a measurement with fixed groups, tried in one
 * statement (see `repo.saveFirstAnswers`). Returns undefined when that does not
 * apply, else whether the answers were stored and the answering context the
 * statement read, so a later save goes on without a second lookup.
 */
async function tryFirstSave(
  db: Kysely<Database>,
  measurementId: string,
  token: string,
  answers: SurveyAnswer[],
) {
  const shape = openShapes.get(measurementId);
  const tokenHash = hashToken(token);
  if (!shape || shape.chooseGroups || answeringTokens.has(tokenHash)) return undefined;
  const checked = checkAnswers(answers, new Set(shape.groupIds), shape);
  // Bad answers get their error below, after the link's own checks.
  if (checked.problems.length > 0) return undefined;
  const id = randomUUID();
  const result = await repo.saveFirstAnswers(
    db,
    measurementId,
    tokenHash,
    id,
    sealRespondentRef(token, id),
    checked.rows,
  );
  if (result?.stored) rememberAnswering(tokenHash);
  const saved = checked.rows.length + checked.clears.length;
  return { context: result, stored: result?.stored === true, saved };
}

/**
 * Save answers (idempotent upsert; null clears an answer).
 *
 * The hot path of a running survey. A respondent's first save to a measurement with
 * fixed groups is one statement that claims the invitation, creates the respondent
 * and stores the answers. Otherwise a save is one lookup of invitation and
 * measurement, then one upsert (atomic on its own), plus a respondent read when the
 * respondent chooses groups.
 */
export async function saveAnswers(
  db: Kysely<Database>,
  measurementId: string,
  token: string,
  answers: SurveyAnswer[],
): Promise<SavedAnswers> {
  if (answers.length > MAX_ANSWERS_PER_SAVE) {
    throw badRequest({
      da: `Højst ${MAX_ANSWERS_PER_SAVE} svar ad gangen.`,
      en: `At most ${MAX_ANSWERS_PER_SAVE} answers at a time.`,
    });
  }
  if (!TOKEN_FORMAT.test(token)) throw linkNotFound();
  const first = await tryFirstSave(db, measurementId, token, answers);
  if (first?.stored) return { saved: first.saved };
  const context = first ? first.context : await repo.findAnsweringContext(db, hashToken(token));
  if (!context || context.measurement_id !== measurementId || context.status === 'draft')
    throw linkNotFound();
  if (context.invitation_status === 'finished') throw alreadySubmitted();
  if (!isAnswerable(context)) throw closed();
  const known = context.respondent_ref
    ? openRespondentRef(token, context.respondent_ref)
    : undefined;
  if (context.respondent_ref && !known) throw linkNotFound();
  if (known) rememberAnswering(hashToken(token));
  // Before the first save nobody has chosen groups yet, so only leadership answers fit.
  const shape = context.choose_groups ? undefined : await shapeOf(db, measurementId, context);
  const targets = new Set(
    shape
      ? shape.groupIds
      : known
        ? ((await repo.findRespondent(db, known))?.chosen_groups ?? [])
        : [],
  );
  const { rows, clears, problems } = checkAnswers(
    answers,
    targets,
    shape ?? { includeLeadership: context.include_leadership, implementationKeys: new Set() },
  );
  if (problems.length > 0) {
    throw badRequest(
      {
        da: 'Et eller flere svar hører ikke til denne undersøgelse. Genindlæs siden.',
        en: 'One or more answers do not belong to this survey. Reload the page.',
      },
      { problems: problems.slice(0, 20) },
    );
  }
  let respondentId = known;
  if (respondentId === undefined) {
    const claimed = await claim(db, token, rows);
    if (claimed.stored) return { saved: rows.length + clears.length };
    respondentId = claimed.respondentId;
  }
  await repo.upsertAnswers(db, measurementId, respondentId, rows);
  await repo.deleteAnswers(db, respondentId, clears);
  return { saved: rows.length + clears.length };
}

/**
 * Check every answer belongs to the survey and split them into rows to store and keys
 * to clear. The last answer for a key in one request wins, as across requests.
 */
function checkAnswers(
  answers: SurveyAnswer[],
  targets: Set<string>,
  shape: Pick<OpenShape, 'includeLeadership' | 'implementationKeys'>,
) {
  const problems: string[] = [];
  const byKey = new Map<string, SurveyAnswer>();
  const implementation = shape.implementationKeys.size > 0;
  answers.forEach((a, i) => {
    // An implementation survey asks its own items only, none about groups or leaders.
    if (implementation) {
      if (!shape.implementationKeys.has(a.item))
        problems.push(`#${i + 1}: item "${a.item.slice(0, 40)}"`);
      else if (a.target !== '') problems.push(`#${i + 1}: target`);
    } else if (RK_ITEM_SET.has(a.item)) {
      if (!targets.has(a.target)) problems.push(`#${i + 1}: target`);
    } else if (shape.includeLeadership && LEADERSHIP_ITEM_SET.has(a.item)) {
      if (a.target !== '') problems.push(`#${i + 1}: target`);
    } else problems.push(`#${i + 1}: item "${a.item.slice(0, 40)}"`);
    byKey.set(`${a.target}\u0000${a.item}`, a);
  });
  const rows: repo.AnswerRow[] = [];
  const clears: { target: string; item: string }[] = [];
  for (const a of byKey.values()) {
    if (a.value === null) clears.push({ target: a.target, item: a.item });
    else
      rows.push({
        target: a.target,
        item: a.item,
        value: a.value === 'dk' ? null : a.value,
        dont_know: a.value === 'dk',
      });
  }
  return { rows, clears, problems };
}
const RK_ITEM_SET = new Set<string>(RK_ITEMS);
const LEADERSHIP_ITEM_SET = new Set<string>(LEADERSHIP_ITEMS);

/**
 * An implementation survey is submitted only with every item answered ("Ved ikke" is an
 * answer): then every item of a report's group has the same n, and one disclosure
 * decision protects them all.
 */
async function checkComplete(
  db: Kysely<Database>,
  items: { key: string }[],
  respondentId: string | undefined,
) {
  const answered = new Set(
    respondentId ? (await repo.listAnswers(db, respondentId)).map((a) => a.item) : [],
  );
  const missing = items.filter((i) => !answered.has(i.key)).length;
  if (missing > 0) {
    throw badRequest({
      da: `Svar på alle spørgsmål, før du sender (${missing} mangler). "Ved ikke" er også et svar.`,
      en: `Answer every question before you submit (${missing} missing). "Don't know" is an answer too.`,
    });
  }
}

/**
 * Submit: the respondent is done. Erases the sealed link to the answers and the
 * sealed token (no more reminders). Submitting again changes nothing.
 */
export async function submitSurvey(
  db: Kysely<Database>,
  measurementId: string,
  token: string,
): Promise<Submitted> {
  return db.transaction().execute(async (trx) => {
    // A submission and closing exclude each other (close locks the row FOR UPDATE), so no
    // answer set becomes part of the results after the measurement closed: figures read
    // just after closing never change a minute later by one person's submission.
    await trx
      .selectFrom('measurement')
      .select('id')
      .where('id', '=', measurementId)
      .forShare()
      .execute();
    const { invitation, measurement } = await resolve(trx, measurementId, token, true);
    if (invitation.status === 'finished') return { finished: true };
    if (!isAnswerable(measurement)) throw closed();
    const respondentId = respondentIdOf(invitation, token);
    if (measurement.implementation_items) {
      await checkComplete(trx, measurement.implementation_items, respondentId);
    }
    if (respondentId) await repo.markSubmitted(trx, respondentId);
    await trx
      .updateTable('invitation')
      .set({
        status: 'finished',
        finished_on: new Date().toISOString().slice(0, 10),
        respondent_ref: null,
        token_sealed: null,
      })
      .where('id', '=', invitation.id)
      .execute();
    return { finished: true };
  });
}
