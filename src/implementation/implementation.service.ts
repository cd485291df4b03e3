/**
 * Implementation surveys of staff (docs/implementation.md). A survey is a measurement of
 * kind `implementation`: invitations, personal links, mail, reminders, anonymous answers,
 * autosave and closing are the measurement's own; this module adds the item sets, the
 * survey's creation from one, and the report. Admins and analysts run them; a leader reads
 * the surveys that include their unit (`implementation.read`).
 */
import {
  DEFAULT_IMPLEMENTATION_ITEMS,
  DEFAULT_ITEM_SET_ID,
  DEFAULT_ITEM_SET_NAME,
  IMPLEMENTATION_OPTIONS,
  optionLabel,
  type ImplementationItem,
} from '../../contract/implementation.js';
import type {
  ImplementationReport,
  ImplementationSurveyInput,
  ImplementationSurveyView,
  ItemSetInput,
  ItemSetView,
} from '../../contract/implementation.schema.js';
import { FIDELITY_ELEMENT_LABELS } from '../../contract/fidelity.js';
import {
  implementationReport,
  type ImplementationResponse,
} from '../analysis/implementation-report.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Db } from '../db/db.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import type { ImplementationItemSetRow } from '../db/tables/implementation.table.js';
import { badRequest, conflict, notFound } from '../kernel/errors.js';
import { can } from '../../contract/permissions.js';
import { requirePermission } from '../kernel/request-context.js';
import { listUnits } from '../org/org.repository.js';
import * as measurements from '../measurements/measurement.service.js';
import * as measurementRepo from '../measurements/measurement.repository.js';
import { requireKind } from '../measurements/measurement-errors.js';
import { ledUnit, notClosedYet } from '../results/results.service.js';
import { tableToCsv } from '../reports/table-export.js';
import * as repo from './implementation.repository.js';

const assertOwner = (user: AuthUser) => requirePermission(user, 'measurements.manage');

const itemSetNotFound = () =>
  notFound({ da: 'Spørgsmålssættet findes ikke.', en: 'The item set does not exist.' });
const surveyNotFound = () =>
  notFound({
    da: 'Implementeringsundersøgelsen findes ikke.',
    en: 'The implementation survey does not exist.',
  });

const builtIn: ItemSetView = {
  id: DEFAULT_ITEM_SET_ID,
  name: DEFAULT_ITEM_SET_NAME,
  builtIn: true,
  items: [...DEFAULT_IMPLEMENTATION_ITEMS],
  updatedAt: null,
};

const toItemSet = (row: ImplementationItemSetRow): ItemSetView => ({
  id: row.id,
  name: row.name,
  builtIn: false,
  items: row.items,
  updatedAt: row.updated_at.toISOString(),
});

/** The built-in set first, then the municipality's own. */
export async function listItemSets(db: Db, user: AuthUser): Promise<ItemSetView[]> {
  assertOwner(user);
  return [builtIn, ...(await repo.listItemSets(db, user.municipalityId)).map(toItemSet)];
}

/** Keys must be unique within a set (each answer is stored under its item's key). */
async function checkItemSet(db: Db, user: AuthUser, input: ItemSetInput, selfId?: string) {
  const keys = input.items.map((i) => i.key);
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (twice.length > 0) {
    throw badRequest({
      da: `Hvert spørgsmål skal have sin egen nøgle; denne er brugt to gange: ${twice[0]}.`,
      en: `Every item needs its own key; this one is used twice: ${twice[0]}.`,
    });
  }
  if (await repo.nameTaken(db, user.municipalityId, input.name, selfId)) {
    throw conflict({
      da: 'Der er allerede et spørgsmålssæt med det navn.',
      en: 'There is already an item set with that name.',
    });
  }
}

export async function createItemSet(db: Db, user: AuthUser, input: ItemSetInput) {
  assertOwner(user);
  await checkItemSet(db, user, input);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertItemSet(trx, {
      municipalityId: user.municipalityId,
      name: input.name,
      items: input.items,
      createdBy: user.userId,
    });
    await recordUserAudit(trx, user, 'create', 'implementation_item_set', row.id, {
      title: input.name,
    });
    return toItemSet(row);
  });
}

/** Replace a set's name and items; surveys made from it keep their own copy. */
export async function updateItemSet(db: Db, user: AuthUser, id: string, input: ItemSetInput) {
  assertOwner(user);
  if (!(await repo.findItemSet(db, user.municipalityId, id))) throw itemSetNotFound();
  await checkItemSet(db, user, input, id);
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateItemSet(trx, user.municipalityId, id, input);
    if (!row) throw itemSetNotFound();
    await recordUserAudit(trx, user, 'update', 'implementation_item_set', id, {
      title: input.name,
    });
    return toItemSet(row);
  });
}

export async function deleteItemSet(db: Db, user: AuthUser, id: string) {
  assertOwner(user);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteItemSet(trx, user.municipalityId, id))) throw itemSetNotFound();
    await recordUserAudit(trx, user, 'delete', 'implementation_item_set', id, {});
  });
}

async function toSurvey(db: Db, m: Measurement): Promise<ImplementationSurveyView> {
  const units = await measurementRepo.listGroups(db, m.id);
  return {
    id: m.id,
    title: m.title,
    status: m.status,
    minGroup: m.min_group,
    closesAt: m.closes_at?.toISOString() ?? null,
    createdAt: m.created_at.toISOString(),
    closedAt: m.closed_at?.toISOString() ?? null,
    items: m.implementation_items ?? [],
    units: units.map((u) => ({ id: u.id, name: u.name })),
  };
}

/**
 * The unit a reader leads, or undefined for an analysis owner who reads every survey. A
 * leader reads only surveys past their draft that include their unit (as the network
 * measurements they lead).
 */
async function readerUnit(db: Db, user: AuthUser): Promise<string | undefined> {
  requirePermission(user, 'implementation.read');
  return can(user.role, 'measurements.manage') ? undefined : (await ledUnit(db, user)).id;
}

/** Whether a leader of `unitId` (undefined: an owner) may read the survey. */
async function readable(db: Db, survey: Measurement, unitId: string | undefined) {
  if (unitId === undefined) return true;
  if (survey.status === 'draft') return false;
  return (await measurementRepo.listGroups(db, survey.id)).some((g) => g.id === unitId);
}

export async function listSurveys(db: Db, user: AuthUser) {
  const unitId = await readerUnit(db, user);
  const rows = await repo.listSurveys(db, user.municipalityId);
  const mine = [];
  for (const m of rows) if (await readable(db, m, unitId)) mine.push(m);
  return Promise.all(mine.map((m) => toSurvey(db, m)));
}

/**
 * The survey, for its owners or (`read`) a leader who may read it; 404 otherwise, and 409
 * `wrong_measurement_kind` for a network measurement's id.
 */
async function findSurvey(
  db: Db,
  user: AuthUser,
  id: string,
  access: 'manage' | 'read' = 'manage',
) {
  const unitId = access === 'read' ? await readerUnit(db, user) : (assertOwner(user), undefined);
  const survey = requireKind(
    await measurementRepo.findMeasurement(db, user.municipalityId, id),
    'implementation',
  );
  if (!survey || !(await readable(db, survey, unitId))) throw surveyNotFound();
  return { survey, unitId };
}

export async function getSurvey(db: Db, user: AuthUser, id: string) {
  return toSurvey(db, (await findSurvey(db, user, id, 'read')).survey);
}

/**
 * A draft survey asking a copy of the chosen item set, with everyone in the chosen units
 * invited (sent when it opens).
 */
export async function createSurvey(
  deps: measurements.MeasurementDeps,
  user: AuthUser,
  input: ImplementationSurveyInput,
) {
  assertOwner(user);
  let items: ImplementationItem[];
  if (input.itemSetId === DEFAULT_ITEM_SET_ID) items = [...DEFAULT_IMPLEMENTATION_ITEMS];
  else {
    const set = /^[0-9a-f-]{36}$/i.test(input.itemSetId)
      ? await repo.findItemSet(deps.db, user.municipalityId, input.itemSetId)
      : undefined;
    if (!set) throw itemSetNotFound();
    items = set.items;
  }
  const known = new Set((await listUnits(deps.db, user.municipalityId, false)).map((u) => u.id));
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.some((id) => !known.has(id)))
    throw notFound({ da: 'En valgt enhed findes ikke.', en: 'A chosen unit does not exist.' });
  if (input.closesAt && input.closesAt <= new Date()) {
    throw badRequest({
      da: 'Slutdatoen skal ligge i fremtiden.',
      en: 'The closing date must be in the future.',
    });
  }
  const created = await deps.db.transaction().execute(async (trx) => {
    const m = await measurementRepo.insertMeasurement(trx, {
      municipality_id: user.municipalityId,
      title: input.title,
      focal_process: 'Én plan',
      kind: 'implementation',
      implementation_items: JSON.stringify(items),
      opens_at: null,
      closes_at: input.closesAt,
      min_group: input.minGroup ?? deps.defaultMinGroup,
      threshold_high: 4,
      threshold_low: 3.5,
      choose_groups: false,
      include_leadership: false,
      items: '{}',
      wave_label: '1',
      previous_measurement_id: null,
      created_by: user.userId,
      opened_at: null,
      closed_at: null,
    });
    await measurementRepo.replaceGroups(
      trx,
      m.id,
      unitIds.map((unitId) => ({ unitId, arm: null, flow: null })),
    );
    await recordUserAudit(trx, user, 'create', 'measurement', m.id, { title: input.title });
    return m;
  });
  await measurements.addInvitations(deps, user, created.id, { unitIds }, 'implementation');
  return toSurvey(deps.db, created);
}

/** Open (send the invitations), close or remind, as any measurement. */
export async function runSurvey(
  deps: measurements.MeasurementDeps,
  user: AuthUser,
  id: string,
  step: 'open' | 'close' | 'remind',
) {
  await findSurvey(deps.db, user, id);
  if (step === 'open') await measurements.openMeasurement(deps, user, id, 'implementation');
  else if (step === 'close') await measurements.closeMeasurement(deps, user, id, 'implementation');
  else await measurements.remindUnfinished(deps, user, id, 'implementation');
  return getSurvey(deps.db, user, id);
}

/**
 * How many were invited and how many have answered. While open, the answered count is
 * rounded down to a multiple of the minimum group, as for every measurement, so watching
 * it cannot single out one submission.
 */
export async function responses(db: Db, user: AuthUser, id: string) {
  const { survey } = await findSurvey(db, user, id);
  const counts = await repo.responseCounts(db, id);
  const step = survey.status === 'closed' ? 1 : survey.min_group;
  return {
    invited: counts.invited,
    finished: Math.floor(counts.finished / step) * step,
    step,
  };
}

const ROLE_LABELS = {
  leder: { da: 'Ledere', en: 'Leaders' },
  medarbejder: { da: 'Medarbejdere', en: 'Employees' },
} as const;

/**
 * The report of a closed survey; nothing of an open one (409 `measurement_open`). A leader
 * gets the groups of everyone, of the roles and of their own unit, cut from the full
 * report after its suppression: fewer shown groups can only make fewer differences, so no
 * group under the minimum becomes computable.
 */
export async function report(db: Db, user: AuthUser, id: string): Promise<ImplementationReport> {
  const { survey, unitId } = await findSurvey(db, user, id, 'read');
  if (survey.status !== 'closed') throw notClosedYet();
  const items = survey.implementation_items ?? [];
  const view = await toSurvey(db, survey);
  const byRespondent = new Map<
    string,
    ImplementationResponse & { answers: Map<string, number | 'dk'> }
  >();
  for (const a of await repo.submittedAnswers(db, id)) {
    let r = byRespondent.get(a.respondent_id);
    if (!r) {
      r = { unitId: a.unit_id, role: a.role, answers: new Map() };
      byRespondent.set(a.respondent_id, r);
    }
    r.answers.set(a.item, a.dont_know ? 'dk' : (a.value ?? 'dk'));
  }
  const data = implementationReport(
    items,
    view.units.map((u) => u.id),
    [...byRespondent.values()],
    survey.min_group,
  );
  const unitNames = new Map(view.units.map((u) => [u.id, u.name]));
  const label = (cut: string, ref: string | null) =>
    cut === 'total'
      ? { da: 'Alle', en: 'Everyone' }
      : cut === 'role'
        ? ROLE_LABELS[ref as keyof typeof ROLE_LABELS]
        : { da: unitNames.get(ref ?? '') ?? '?', en: unitNames.get(ref ?? '') ?? '?' };
  const shown = (key: string) =>
    unitId === undefined || !key.startsWith('unit:') || key === `unit:${unitId}`;
  return {
    survey: view,
    minGroup: survey.min_group,
    groups: data.groups
      .filter((g) => shown(g.key))
      .map((g) => ({
        key: g.key,
        cut: g.cut,
        label: label(g.cut, g.ref),
        n: g.n,
        suppressed: g.suppressed,
        suppressedReason: g.suppressedReason,
      })),
    items: items.map((item, i) => ({
      ...item,
      rows: data.items[i]!.rows.filter((r) => shown(r.groupKey)),
    })),
  };
}

/**
 * The report as a `;` CSV for Danish Excel (decimal commas): one row per item, group and
 * answer option, with the percentage and the group's n; a hidden group has empty figures
 * and says why.
 */
export async function reportCsv(db: Db, user: AuthUser, id: string): Promise<string> {
  const data = await report(db, user, id);
  const groups = new Map(data.groups.map((g) => [g.key, g]));
  const rows = data.items.flatMap((item) =>
    item.rows.flatMap((row) => {
      const group = groups.get(row.groupKey)!;
      return IMPLEMENTATION_OPTIONS.map((option, o) => [
        item.key,
        item.da,
        FIDELITY_ELEMENT_LABELS[item.element].da,
        { total: 'alle', unit: 'enhed', role: 'rolle' }[group.cut],
        group.label.da,
        optionLabel(item.scale, option).da,
        row.percent ? row.percent[o]! : null,
        row.n,
        group.suppressedReason === 'small'
          ? `færre end ${data.minGroup} svar`
          : group.suppressedReason === 'complementary'
            ? 'skjult, så den ikke kan regnes ud fra de andre tal'
            : '',
      ]);
    }),
  );
  await recordUserAudit(db, user, 'export', 'measurement', id, { format: 'csv' });
  return tableToCsv({
    name: 'implementering',
    title: { da: 'Implementeringsundersøgelse', en: 'Implementation survey' },
    header: [
      'noegle',
      'spoergsmaal',
      'kerneelement',
      'opdeling',
      'gruppe',
      'svar',
      'procent',
      'n',
      'skjult',
    ],
    rows,
  });
}
