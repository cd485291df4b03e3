/**
 * The analysis owner's side of a measurement: design, invitations, opening, reminders,
 * response rates and closing. Authorisation and rules live here.
 */
import type { AuditAction } from '../../contract/audit.js';
import type { Kysely } from 'kysely';
import { can } from '../../contract/permissions.js';
import { analyzeWaveSummary, resolveOptions, type ResponsesResult } from '../analysis/analyze.js';
import { RK_ITEMS as ANSWER_RK_ITEMS } from '../analysis/answer.js';
import { emptyMoments } from '../analysis/cronbach.js';
import type {
  InvitationsResult,
  RemindResult,
  ResponseRates,
  ShownCount,
} from '../../contract/measurements.schema.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Db } from '../db/db.js';
import type { Database } from '../db/schema.js';
import type {
  Arm,
  FocalKind,
  Flow,
  GroupKind,
  ItemTexts,
  Measurement,
} from '../db/tables/measurement.table.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { queueMail } from '../mail/mail.service.js';
import { findMeasurement as findAny } from './measurement.repository.js';
import * as repo from './measurement.repository.js';
import { AppError, badRequest, notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import type { MeasurementKind } from '../../contract/measurements.js';
import { measurementNotFound, requireKind } from './measurement-errors.js';
import { listUnits } from '../org/org.repository.js';
import {
  DEFAULT_LEADERSHIP_ITEMS,
  DEFAULT_RK_ITEMS,
  LEADERSHIP_ITEMS,
  RK_ITEMS,
  professionWording,
} from './default-items.js';
import {
  hashToken,
  newToken,
  openRespondentRef,
  openToken,
  sealToken,
} from './invitation-crypto.js';
import { invitationMail, reminderMail } from './survey-mail.js';
import { analyseMeasurement, ledUnit } from '../results/results.service.js';

/** What the measurement services need, injected once. */
export interface MeasurementDeps {
  db: Kysely<Database>;
  mail: MailTransport;
  publicUrl: string;
  secret: string;
  defaultMinGroup: number;
}

export interface MeasurementInput {
  title: string;
  focalProcess: string;
  /** The kind of focal process, for benchmarks; may change at any time (it is a label). */
  focalKind: FocalKind | null;
  groups: { unitId: string; arm: Arm | null; flow: Flow | null }[];
  /** Units (the groups above) or professions across units (the professions below). */
  groupKind: GroupKind;
  professions: { name: string; arm: Arm | null }[];
  chooseGroups: boolean;
  includeLeadership: boolean;
  opensAt: Date | null;
  closesAt: Date | null;
  minGroup: number | null;
  thresholdHigh: number;
  thresholdLow: number;
  waveLabel: string;
  previousMeasurementId: string | null;
  items: ItemTexts | null;
}

const assertOwner = (user: AuthUser) => requirePermission(user, 'measurements.manage');

/** The user's measurement of this kind, for its owner to change: 403, 404 or 409 otherwise. */
async function ownMeasurement(db: Db, user: AuthUser, id: string, kind: MeasurementKind) {
  assertOwner(user);
  const measurement = requireKind(await repo.findMeasurement(db, user.municipalityId, id), kind);
  if (!measurement) throw measurementNotFound();
  return measurement;
}

/** The measurement of this kind, locked until the transaction ends: 404 or 409 otherwise. */
async function lockedMeasurement(trx: Db, user: AuthUser, id: string, kind: MeasurementKind) {
  const measurement = requireKind(await repo.lockMeasurement(trx, user.municipalityId, id), kind);
  if (!measurement) throw measurementNotFound();
  return measurement;
}

export { measurementNotFound };

/** The default wording, or the given wording checked to cover exactly the known items. */
function resolveItems(items: ItemTexts | null): ItemTexts {
  const defaults = { ...DEFAULT_RK_ITEMS, ...DEFAULT_LEADERSHIP_ITEMS };
  if (items === null) return defaults;
  const keys = [...RK_ITEMS, ...LEADERSHIP_ITEMS] as string[];
  const unknown = Object.keys(items).filter((k) => !keys.includes(k));
  if (unknown.length > 0) {
    throw badRequest({
      da: `Ukendte spørgsmål: ${unknown.join(', ')}.`,
      en: `Unknown items: ${unknown.join(', ')}.`,
    });
  }
  const merged: ItemTexts = { ...defaults };
  for (const [key, text] of Object.entries(items)) {
    if (text.da.trim() === '' || text.en.trim() === '') {
      throw badRequest({
        da: `Spørgsmålet ${key} mangler tekst.`,
        en: `The item ${key} has no text.`,
      });
    }
    merged[key] = { da: text.da.trim(), en: text.en.trim() };
  }
  return merged;
}

async function checkInput(
  deps: MeasurementDeps,
  user: AuthUser,
  input: Partial<MeasurementInput>,
  selfId?: string,
) {
  if (input.minGroup !== undefined && input.minGroup !== null && input.minGroup < 3) {
    throw badRequest({
      da: 'Mindste gruppestørrelse kan aldrig være under 3 (anonymitet).',
      en: 'The minimum group size can never be below 3 (anonymity).',
    });
  }
  if (
    input.thresholdHigh !== undefined &&
    input.thresholdLow !== undefined &&
    input.thresholdLow > input.thresholdHigh
  ) {
    throw badRequest({
      da: 'Grænsen for lav kan ikke være højere end grænsen for høj.',
      en: 'The low threshold cannot be above the high threshold.',
    });
  }
  if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) {
    throw badRequest({
      da: 'Slutdatoen skal ligge efter startdatoen.',
      en: 'The closing date must be after the opening date.',
    });
  }
  const kind = input.groupKind ?? 'unit';
  if (kind === 'unit' && input.professions && input.professions.length > 0) {
    throw badRequest({
      da: 'Faggrupper hører kun til en måling, hvis grupper er faggrupper.',
      en: 'Professions belong only to a measurement whose groups are professions.',
    });
  }
  if (kind === 'profession' && input.groups && input.groups.length > 0) {
    throw badRequest({
      da: 'En måling med faggrupper har ingen enheder som grupper.',
      en: 'A measurement grouped by profession has no units as groups.',
    });
  }
  if (input.professions) {
    const names = input.professions.map((p) => p.name);
    if (names.some((n) => n === '')) {
      throw badRequest({ da: 'Et fag mangler navn.', en: 'A profession has no name.' });
    }
    if (new Set(names).size !== names.length) {
      throw badRequest({ da: 'Et fag er valgt to gange.', en: 'A profession is chosen twice.' });
    }
  }
  if (input.groups) {
    const units = new Set((await listUnits(deps.db, user.municipalityId, false)).map((u) => u.id));
    const unknown = input.groups.filter((g) => !units.has(g.unitId));
    if (unknown.length > 0)
      throw notFound({ da: 'En valgt enhed findes ikke.', en: 'A chosen unit does not exist.' });
    if (new Set(input.groups.map((g) => g.unitId)).size !== input.groups.length) {
      throw badRequest({ da: 'En enhed er valgt to gange.', en: 'A unit is chosen twice.' });
    }
  }
  if (input.previousMeasurementId) {
    if (input.previousMeasurementId === selfId) {
      throw badRequest({
        da: 'En måling kan ikke følge sig selv.',
        en: 'A measurement cannot follow itself.',
      });
    }
    if (
      !requireKind(
        await findAny(deps.db, user.municipalityId, input.previousMeasurementId),
        'network',
      )
    )
      throw measurementNotFound();
  }
}

export async function createMeasurement(
  deps: MeasurementDeps,
  user: AuthUser,
  input: MeasurementInput,
) {
  assertOwner(user);
  await checkInput(deps, user, input);
  const items =
    input.items === null && input.groupKind === 'profession'
      ? professionWording(resolveItems(null))
      : resolveItems(input.items);
  return deps.db.transaction().execute(async (trx) => {
    const measurement = await repo.insertMeasurement(trx, {
      municipality_id: user.municipalityId,
      title: input.title,
      focal_process: input.focalProcess,
      focal_kind: input.focalKind,
      group_kind: input.groupKind,
      opens_at: input.opensAt,
      closes_at: input.closesAt,
      min_group: input.minGroup ?? deps.defaultMinGroup,
      threshold_high: input.thresholdHigh,
      threshold_low: input.thresholdLow,
      choose_groups: input.chooseGroups,
      include_leadership: input.includeLeadership,
      items: JSON.stringify(items),
      wave_label: input.waveLabel,
      previous_measurement_id: input.previousMeasurementId,
      created_by: user.userId,
      opened_at: null,
      closed_at: null,
    });
    await repo.replaceGroups(trx, measurement.id, input.groups);
    await repo.replaceProfessions(trx, measurement.id, input.professions);
    await audit(trx, user, 'create', measurement.id, { title: input.title });
    return measurement;
  });
}

/**
 * Change a measurement. A draft may change everything; an open one only its title
 * and closing date (to extend it); a closed one nothing.
 */
export async function updateMeasurement(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
  change: Partial<MeasurementInput>,
) {
  const current = await ownMeasurement(deps.db, user, id, 'network');
  const editableWhenOpen = new Set(['title', 'closesAt', 'focalKind']);
  const fields = Object.keys(change);
  // The focal kind only labels the measurement for benchmarks, so it stays editable.
  const onlyLabel = fields.every((f) => f === 'focalKind');
  if (
    (current.status === 'closed' && !onlyLabel) ||
    (current.status === 'open' && fields.some((f) => !editableWhenOpen.has(f)))
  ) {
    throw new AppError(409, 'conflict', {
      da: 'Målingen er åbnet: spørgsmål og opsætning er låst. Kun titel og slutdato kan ændres.',
      en: 'The measurement has opened: items and settings are locked. Only the title and closing date can change.',
    });
  }
  await checkInput(
    deps,
    user,
    {
      ...change,
      thresholdHigh: change.thresholdHigh ?? current.threshold_high,
      thresholdLow: change.thresholdLow ?? current.threshold_low,
      groupKind: change.groupKind ?? current.group_kind,
      opensAt: change.opensAt === undefined ? current.opens_at : change.opensAt,
      closesAt: change.closesAt === undefined ? current.closes_at : change.closesAt,
    },
    id,
  );
  if (current.status === 'open' && change.closesAt && change.closesAt <= new Date()) {
    throw badRequest({
      da: 'Den nye slutdato skal ligge i fremtiden. Brug "Luk måling" for at lukke nu.',
      en: 'The new closing date must be in the future. Use "Close measurement" to close now.',
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const updated = await repo.updateMeasurement(trx, user.municipalityId, id, {
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.focalProcess === undefined ? {} : { focal_process: change.focalProcess }),
      ...(change.focalKind === undefined ? {} : { focal_kind: change.focalKind }),
      ...(change.groupKind === undefined ? {} : { group_kind: change.groupKind }),
      ...(change.opensAt === undefined ? {} : { opens_at: change.opensAt }),
      ...(change.closesAt === undefined ? {} : { closes_at: change.closesAt }),
      ...(change.minGroup === undefined || change.minGroup === null
        ? {}
        : { min_group: change.minGroup }),
      ...(change.thresholdHigh === undefined ? {} : { threshold_high: change.thresholdHigh }),
      ...(change.thresholdLow === undefined ? {} : { threshold_low: change.thresholdLow }),
      ...(change.chooseGroups === undefined ? {} : { choose_groups: change.chooseGroups }),
      ...(change.includeLeadership === undefined
        ? {}
        : { include_leadership: change.includeLeadership }),
      ...(change.waveLabel === undefined ? {} : { wave_label: change.waveLabel }),
      ...(change.previousMeasurementId === undefined
        ? {}
        : { previous_measurement_id: change.previousMeasurementId }),
      ...(change.items === undefined ? {} : { items: JSON.stringify(resolveItems(change.items)) }),
    });
    if (!updated) throw measurementNotFound();
    if (change.groups) await repo.replaceGroups(trx, id, change.groups);
    if (change.professions) await repo.replaceProfessions(trx, id, change.professions);
    // Groups of the other kind go when the kind changes.
    if (change.groupKind === 'profession' && !change.groups) await repo.replaceGroups(trx, id, []);
    if (change.groupKind === 'unit' && !change.professions) {
      await repo.replaceProfessions(trx, id, []);
    }
    await audit(trx, user, 'update', id, { fields });
    return updated;
  });
}

export async function listMeasurements(deps: MeasurementDeps, user: AuthUser) {
  requirePermission(user, 'analysis.read');
  const all = await repo.listMeasurements(deps.db, user.municipalityId);
  if (can(user.role, 'measurements.manage')) return all;
  // Leaders read the results of measurements that include their unit; drafts are the
  // analysis owners' work in progress.
  const mine = await repo.measurementsIncludingUnit(
    deps.db,
    user.municipalityId,
    (await ledUnit(deps.db, user)).id,
  );
  return all.filter((m) => m.status !== 'draft' && mine.has(m.id));
}

/** A measurement with its groups, for its owner (or a leader reading it). */
export async function getMeasurement(deps: MeasurementDeps, user: AuthUser, id: string) {
  requirePermission(user, 'analysis.read');
  const measurement = requireKind(
    await repo.findMeasurement(deps.db, user.municipalityId, id),
    'network',
  );
  if (!measurement || (!can(user.role, 'measurements.manage') && measurement.status === 'draft'))
    throw measurementNotFound();
  if (!can(user.role, 'measurements.manage')) {
    const unit = await ledUnit(deps.db, user);
    const mine = await repo.measurementsIncludingUnit(deps.db, user.municipalityId, unit.id);
    if (!mine.has(id)) throw measurementNotFound();
  }
  return { measurement, groups: await repo.listGroups(deps.db, id) };
}

/** True when answers can be given now: open, and not past its closing time. */
export function isAnswerable(
  m: Pick<Measurement, 'status' | 'closes_at' | 'opens_at'>,
  now = new Date(),
): boolean {
  return (
    m.status === 'open' &&
    (m.closes_at === null || m.closes_at > now) &&
    (m.opens_at === null || m.opens_at <= now)
  );
}

/** Invite people by unit, role, id or e-mail. Open measurements send at once. */
export async function addInvitations(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
  filter: { unitIds?: string[]; roles?: string[]; personIds?: string[]; emails?: string[] },
  kind: MeasurementKind = 'network',
): Promise<InvitationsResult> {
  const measurement = await ownMeasurement(deps.db, user, id, kind);
  if (measurement.status === 'closed') throw closedError();
  const people = await repo.findPeopleToInvite(deps.db, user.municipalityId, filter);
  if (filter.emails) {
    const found = new Set(people.map((p) => p.email.toLowerCase()));
    const missing = filter.emails.filter((e) => !found.has(e.toLowerCase()));
    if (missing.length > 0) {
      throw badRequest(
        {
          da: `Disse e-mails findes ikke i organisationen: ${missing.slice(0, 10).join(', ')}.`,
          en: `These e-mails are not in the organisation: ${missing.slice(0, 10).join(', ')}.`,
        },
        { missing },
      );
    }
  }
  const invited =
    measurement.group_kind === 'profession'
      ? await byProfession(deps, id, people, Boolean(filter.personIds ?? filter.emails))
      : await byUnit(deps, measurement, filter, people);
  const added = await deps.db.transaction().execute(async (trx) => {
    const count = await repo.insertInvitations(trx, id, invited);
    await audit(trx, user, 'invite', id, { added: count });
    return count;
  });
  if (measurement.status === 'open') await sendPendingInvitations(deps, measurement);
  return { added, matched: invited.length };
}

/**
 * The people to invite to a measurement grouped by unit: only people of its groups. A unit
 * that is not a group, or a person chosen by name or e-mail from one, is refused (else they
 * would answer about a network they are not part of); choosing by role alone leaves out
 * people outside the groups.
 */
async function byUnit<P extends { name: string; unit_id: string }>(
  deps: MeasurementDeps,
  measurement: { id: string; municipality_id: string },
  filter: { unitIds?: string[]; personIds?: string[]; emails?: string[] },
  people: P[],
): Promise<(P & { profession: null })[]> {
  const groups = new Set((await repo.listGroups(deps.db, measurement.id)).map((g) => g.id));
  const notGroups = (filter.unitIds ?? []).filter((u) => !groups.has(u));
  if (notGroups.length > 0) {
    const names = (await listUnits(deps.db, measurement.municipality_id, true))
      .filter((u) => notGroups.includes(u.id))
      .map((u) => u.name);
    const shown = (names.length > 0 ? names : notGroups).slice(0, 10).join(', ');
    throw badRequest(
      {
        da: `Kun målingens grupper kan inviteres, og disse enheder er ikke med i målingen: ${shown}. Tilføj dem som grupper, mens målingen er en kladde, eller vælg en af målingens grupper.`,
        en: `Only the measurement's groups can be invited, and these units are not part of it: ${shown}. Add them as groups while the measurement is a draft, or choose one of its groups.`,
      },
      { notGroups },
    );
  }
  const outside = people.filter((p) => !groups.has(p.unit_id));
  if ((filter.personIds ?? filter.emails) && outside.length > 0) {
    const names = outside
      .slice(0, 10)
      .map((p) => p.name)
      .join(', ');
    throw badRequest(
      {
        da: `Disse personers enhed er ikke med i målingen: ${names}.`,
        en: `These people's units are not part of the measurement: ${names}.`,
      },
      { outside: outside.map((p) => p.name) },
    );
  }
  return people.filter((p) => groups.has(p.unit_id)).map((p) => ({ ...p, profession: null }));
}

/**
 * The people to invite to a measurement grouped by profession, each with the
 * profession that will be their group. Everyone chosen must have a profession; people
 * of professions outside the measurement are left out when chosen by unit or role,
 * and refused when chosen by name or e-mail.
 */
async function byProfession<P extends { name: string; profession: string | null }>(
  deps: MeasurementDeps,
  measurementId: string,
  people: P[],
  chosenByName: boolean,
): Promise<P[]> {
  const without = people.filter((p) => p.profession === null).map((p) => p.name);
  if (without.length > 0) {
    const names = without.slice(0, 10).join(', ');
    throw badRequest(
      {
        da: `Målingens grupper er faggrupper, men ${without.length} valgte personer har intet fag: ${names}. Angiv deres fag på organisationssiden, eller lad dem være ude.`,
        en: `The measurement's groups are professions, but ${without.length} chosen people have no profession: ${names}. Set their profession on the organisation page, or leave them out.`,
      },
      { withoutProfession: without },
    );
  }
  const professions = new Set((await repo.listGroups(deps.db, measurementId)).map((g) => g.id));
  const outside = people.filter((p) => !professions.has(p.profession!));
  if (chosenByName && outside.length > 0) {
    const names = outside
      .slice(0, 10)
      .map((p) => `${p.name} (${p.profession})`)
      .join(', ');
    throw badRequest(
      {
        da: `Disse personers fag er ikke med i målingen: ${names}.`,
        en: `These people's professions are not in the measurement: ${names}.`,
      },
      { outside: outside.map((p) => p.name) },
    );
  }
  return people.filter((p) => professions.has(p.profession!));
}

export async function removeInvitation(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
  invitationId: string,
) {
  await ownMeasurement(deps.db, user, id, 'network');
  if (!(await repo.deletePendingInvitation(deps.db, id, invitationId))) {
    throw notFound({
      da: 'Invitationen findes ikke eller er allerede sendt.',
      en: 'The invitation does not exist or has already been sent.',
    });
  }
}

/**
 * Withdraw a group's invitations (a row of the response table): their links stop working and
 * nobody of them is reminded. Only while nobody of the group has submitted, since submitted
 * answers are anonymous and cannot be found again to remove. So that a refusal never tells
 * more about a person than the response table does, an open measurement's group must have
 * at least the minimum group size invited: "someone of at least five has answered" points
 * at nobody. In-progress answers of the withdrawn are deleted (they never counted).
 */
export async function withdrawInvitations(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
  group: string,
): Promise<{ withdrawn: number }> {
  assertOwner(user);
  return deps.db.transaction().execute(async (trx) => {
    const measurement = await lockedMeasurement(trx, user, id, 'network');
    if (measurement.status === 'closed') throw closedError();
    const invitations = await repo.listGroupInvitations(trx, id, group);
    if (invitations.length === 0) {
      throw notFound({
        da: 'Gruppen har ingen invitationer i målingen.',
        en: 'The group has no invitations in the measurement.',
      });
    }
    if (measurement.status === 'open' && invitations.length < measurement.min_group) {
      throw new AppError(409, 'conflict', {
        da: `Invitationerne kan ikke trækkes tilbage: gruppen har færre end ${measurement.min_group} inviterede, og så kunne svaret på, om nogen har svaret, pege på en bestemt person. Svarene er anonyme.`,
        en: `The invitations cannot be withdrawn: the group has fewer than ${measurement.min_group} invited, and then whether anyone has answered could point at a particular person. Answers are anonymous.`,
      });
    }
    if (invitations.some((i) => i.status === 'finished')) {
      throw new AppError(409, 'conflict', {
        da: 'Invitationerne kan ikke trækkes tilbage, for nogen i gruppen har allerede svaret. Svarene er anonyme, så de kan ikke findes frem og fjernes, og Samspil siger ikke hvem.',
        en: 'The invitations cannot be withdrawn, because someone in the group has already answered. Answers are anonymous, so they cannot be found and removed, and Samspil does not say who.',
      });
    }
    // The server can open an unsubmitted invitation's resume reference (docs/anonymity.md).
    const respondents = invitations.flatMap((i) => {
      const token = i.token_sealed ? openToken(deps.secret, i.token_sealed) : undefined;
      const ref =
        token && i.respondent_ref ? openRespondentRef(token, i.respondent_ref) : undefined;
      return ref ? [ref] : [];
    });
    const withdrawn = await repo.deleteInvitations(
      trx,
      id,
      invitations.map((i) => i.id),
      respondents,
    );
    await audit(trx, user, 'withdraw-invitations', id, { withdrawn });
    return { withdrawn };
  });
}

const closedError = () =>
  new AppError(409, 'closed', { da: 'Målingen er lukket.', en: 'The measurement is closed.' });

function surveyLink(deps: MeasurementDeps, measurementId: string, token: string): string {
  return `${deps.publicUrl}/s/${measurementId}/${token}`;
}

/** Give every pending invitation a token and queue its e-mail. */
async function sendPendingInvitations(
  deps: MeasurementDeps,
  measurement: Measurement,
): Promise<number> {
  const pending = await repo.listInvitationsToSend(deps.db, measurement.id);
  const today = new Date().toISOString().slice(0, 10);
  for (const invitation of pending) {
    const token = newToken();
    await deps.db.transaction().execute(async (trx) => {
      await repo.updateInvitation(trx, invitation.id, {
        token_hash: hashToken(token),
        token_sealed: sealToken(deps.secret, token),
        status: 'invited',
        invited_on: today,
      });
      const link = surveyLink(deps, measurement.id, token);
      await queueMail(trx, deps.mail, {
        municipalityId: measurement.municipality_id,
        measurementId: measurement.id,
        kind: 'invitation',
        to: invitation.email,
        ...invitationMail(measurement, invitation.name, link),
        secrets: [link],
      });
    });
  }
  return pending.length;
}

/** Open a draft: lock items and settings, send the invitations. */
export async function openMeasurement(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
  kind: MeasurementKind = 'network',
) {
  assertOwner(user);
  const opened = await deps.db.transaction().execute(async (trx) => {
    const current = await lockedMeasurement(trx, user, id, kind);
    if (current.status !== 'draft') {
      throw new AppError(409, 'conflict', {
        da: 'Målingen er allerede åbnet.',
        en: 'The measurement is already open.',
      });
    }
    // A network needs two groups to have ties; an implementation survey asks one unit alone.
    if (current.kind === 'network' && (await repo.listGroups(trx, id)).length < 2) {
      throw badRequest({
        da: 'Vælg mindst to grupper, før målingen åbnes.',
        en: 'Choose at least two groups before opening the measurement.',
      });
    }
    const counts = await repo.invitationCounts(trx, id);
    if (counts.reduce((sum, c) => sum + Number(c.invited), 0) === 0) {
      throw badRequest({
        da: 'Invitér mindst én person, før målingen åbnes.',
        en: 'Invite at least one person before opening the measurement.',
      });
    }
    if (current.closes_at && current.closes_at <= new Date()) {
      throw badRequest({ da: 'Slutdatoen er passeret.', en: 'The closing date has passed.' });
    }
    const updated = await repo.updateMeasurement(trx, user.municipalityId, id, {
      status: 'open',
      opened_at: new Date(),
    });
    await audit(trx, user, 'open', id, {});
    return updated!;
  });
  const sent = await sendPendingInvitations(deps, opened);
  return { measurement: opened, sent };
}

/** Close now. Answers already saved are kept; no more can be given. */
export async function closeMeasurement(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
  kind: MeasurementKind = 'network',
) {
  assertOwner(user);
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockedMeasurement(trx, user, id, kind);
    if (current.status === 'closed') return current;
    const updated = await repo.updateMeasurement(trx, user.municipalityId, id, {
      status: 'closed',
      closed_at: new Date(),
      answers_changed_at: new Date(),
      ...(current.closes_at === null || current.closes_at > new Date()
        ? { closes_at: new Date() }
        : {}),
    });
    await audit(trx, user, 'close', id, {});
    return updated!;
  });
}

/**
 * Remind everyone invited who has not finished, with their own link again. The owner
 * learns only how many were reminded. At most one reminder per person per day.
 */
export async function remindUnfinished(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
  kind: MeasurementKind = 'network',
): Promise<RemindResult> {
  const measurement = await ownMeasurement(deps.db, user, id, kind);
  if (!isAnswerable(measurement)) throw closedError();
  const today = new Date().toISOString().slice(0, 10);
  let reminded = 0;
  for (const invitation of await repo.listUnfinishedInvitations(deps.db, id)) {
    const token = invitation.token_sealed
      ? openToken(deps.secret, invitation.token_sealed)
      : undefined;
    if (!token) continue;
    const sentToday = await deps.db
      .selectFrom('mail_message')
      .select('id')
      .where('measurement_id', '=', id)
      .where('kind', '=', `reminder:${invitation.id}:${today}`)
      .executeTakeFirst();
    if (sentToday) continue;
    const link = surveyLink(deps, id, token);
    await deps.db.transaction().execute(async (trx) => {
      await repo.updateInvitation(trx, invitation.id, { reminders: invitation.reminders + 1 });
      await queueMail(trx, deps.mail, {
        municipalityId: measurement.municipality_id,
        measurementId: id,
        kind: `reminder:${invitation.id}:${today}`,
        to: invitation.email,
        ...reminderMail(measurement, invitation.name, link),
        secrets: [link],
      });
    });
    reminded++;
  }
  await audit(deps.db, user, 'remind', id, { reminded });
  return { reminded };
}

/**
 * Response rates per group and overall.
 *
 * While a measurement is open (or a draft), finished counts are rounded down to a
 * multiple of its minimum group (`step`), per group and in total: a figure changes only
 * when a whole step of people has finished since it last changed, so watching it cannot
 * single out one submission, and no answer figure is published until it closes.
 * Once closed, the counts are exact and go through the same disclosure step as the
 * analysis (the response table is one of its partitions), so a count hidden here is
 * hidden there, for the same reason.
 */
export async function responseRates(
  deps: MeasurementDeps,
  user: AuthUser,
  id: string,
): Promise<ResponseRates> {
  const { measurement } = await getMeasurement(deps, user, id);
  const counts = await repo.invitationCounts(deps.db, id);
  const units = new Map(
    (await listUnits(deps.db, user.municipalityId, true)).map((u) => [u.id, u.name]),
  );
  const nameOf = (groupId: string) => units.get(groupId) ?? groupId;
  const mail = await repo.mailCounts(deps.db, id);
  const minGroup = measurement.min_group;
  const invited = counts.reduce((a, c) => a + Number(c.invited), 0);
  const base = {
    minGroup,
    invited,
    pending: counts.reduce((a, c) => a + Number(c.pending), 0),
    mail: Object.fromEntries(mail.map((m) => [m.status, Number(m.n)])) as Record<string, number>,
  };
  const byName = (a: ShownCount, b: ShownCount) => a.unitName.localeCompare(b.unitName, 'da');
  if (measurement.status !== 'closed') {
    const step = (n: number) => Math.floor(n / minGroup) * minGroup;
    return {
      ...base,
      step: minGroup,
      finished: step(counts.reduce((a, c) => a + Number(c.finished), 0)),
      finishedSuppressed: false,
      finishedSuppressedReason: null,
      units: counts
        .map((c): ShownCount => ({
          unitId: c.group_id,
          unitName: nameOf(c.group_id),
          invited: Number(c.invited),
          finished: step(Number(c.finished)),
          suppressed: false,
          suppressedReason: null,
        }))
        .sort(byName),
    };
  }
  const table = await closedResponses(deps, user, measurement);
  const decided = new Map(table.groups.map((g) => [g.group, g]));
  return {
    ...base,
    step: null,
    finished: table.finished,
    finishedSuppressed: table.suppressed,
    finishedSuppressedReason: table.suppressedReason,
    units: counts
      .map((c): ShownCount => {
        const unitName = nameOf(c.group_id);
        const row = decided.get(unitName);
        return {
          unitId: c.group_id,
          unitName,
          invited: Number(c.invited),
          finished: row ? row.finished : null,
          suppressed: row ? row.suppressed : true,
          suppressedReason: row ? row.suppressedReason : 'complementary',
        };
      })
      .sort(byName),
  };
}

/** The response table of a closed measurement, as its analysis decided it. */
async function closedResponses(
  deps: MeasurementDeps,
  user: AuthUser,
  measurement: Measurement,
): Promise<ResponsesResult> {
  const analysis = await analyseMeasurement(deps.db, user, measurement.id);
  const wave = analysis.result.waves.find((w) => w.wave === measurement.wave_label);
  if (wave?.responses) return wave.responses;
  // No answers at all: only the response counts are published, as their own partition.
  const counts = await repo.invitationCounts(deps.db, measurement.id);
  const names = new Map(
    (await listUnits(deps.db, user.municipalityId, true)).map((u) => [u.id, u.name]),
  );
  const empty = {
    wave: measurement.wave_label,
    ties: [],
    respondents: [],
    rkAlpha: emptyMoments(ANSWER_RK_ITEMS.length),
  };
  return analyzeWaveSummary(
    empty,
    resolveOptions({
      minGroup: measurement.min_group,
      responses: new Map([
        [
          measurement.wave_label,
          counts.map((c) => ({
            group: names.get(c.group_id) ?? c.group_id,
            invited: Number(c.invited),
            finished: Number(c.finished),
          })),
        ],
      ]),
    }),
  ).result.responses!;
}

/** Record what the owner did to a measurement. */
async function audit(
  trx: Db,
  user: AuthUser,
  action: AuditAction,
  measurementId: string,
  detail: Record<string, unknown>,
) {
  await recordUserAudit(trx, user, action, 'measurement', measurementId, detail);
}
