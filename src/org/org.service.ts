/**
 * The organisation of one municipality: areas, units, people, and the file import.
 * Authorisation, transactions and domain rules live here; SQL lives in the repository.
 */
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth/auth.service.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import type { PersonRole, UnitKind } from '../../contract/org.js';
import type { ImportReport } from '../../contract/org.schema.js';
import { readTableFileInWorker } from '../import/parse-in-worker.js';
import { AppError, conflict, notFound, type Message } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { checkOrgImport, type ImportCheck } from './org-import.js';
import { normalizeProfession } from './profession.js';
import * as repo from './org.repository.js';
import { isUniqueViolation } from '../db/db.js';
import { linkLoginsToPeopleByEmail } from '../users/person-link.js';

function assertEditor(user: AuthUser): void {
  requirePermission(user, 'org.edit');
}

async function uniquely<T>(work: () => Promise<T>, message: Message): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}

const unitNotFound = () => notFound({ da: 'Enheden findes ikke.', en: 'The unit does not exist.' });
const areaNotFound = () => notFound({ da: 'Området findes ikke.', en: 'The area does not exist.' });
const personNotFound = () =>
  notFound({ da: 'Personen findes ikke.', en: 'The person does not exist.' });
const duplicateUnit = {
  da: 'Der findes allerede en enhed med det navn.',
  en: 'A unit with that name already exists.',
};
const duplicateArea = {
  da: 'Der findes allerede et område med det navn.',
  en: 'An area with that name already exists.',
};
const duplicateEmail = {
  da: 'Der findes allerede en person med den e-mail.',
  en: 'A person with that e-mail already exists.',
};

/** The whole organisation as the user's municipality sees it. */
export async function getOrganisation(
  db: Kysely<Database>,
  user: AuthUser,
  includeArchived: boolean,
) {
  const [areas, units, people] = await Promise.all([
    repo.listAreas(db, user.municipalityId, includeArchived),
    repo.listUnits(db, user.municipalityId, includeArchived),
    repo.listPeople(db, user.municipalityId, includeArchived),
  ]);
  return { areas, units, people };
}

export async function createArea(db: Kysely<Database>, user: AuthUser, name: string) {
  assertEditor(user);
  return db.transaction().execute(async (trx) => {
    const area = await uniquely(
      () => repo.insertArea(trx, user.municipalityId, name),
      duplicateArea,
    );
    await recordUserAudit(trx, user, 'create', 'area', area.id, { name });
    return area;
  });
}

export async function updateArea(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  change: { name?: string; archived?: boolean },
) {
  assertEditor(user);
  return db.transaction().execute(async (trx) => {
    const area = await uniquely(
      () =>
        repo.updateArea(trx, user.municipalityId, id, {
          ...(change.name === undefined ? {} : { name: change.name }),
          ...archiveChange(change.archived),
        }),
      duplicateArea,
    );
    if (!area) throw areaNotFound();
    await recordUserAudit(trx, user, 'update', 'area', id, change);
    return area;
  });
}

function archiveChange(archived: boolean | undefined) {
  if (archived === undefined) return {};
  return { archived_at: archived ? new Date() : null };
}

async function assertArea(db: Kysely<Database>, user: AuthUser, areaId: string | null | undefined) {
  if (areaId && !(await repo.findArea(db, user.municipalityId, areaId))) throw areaNotFound();
}

export async function createUnit(
  db: Kysely<Database>,
  user: AuthUser,
  unit: { name: string; kind: UnitKind; areaId: string | null },
) {
  assertEditor(user);
  await assertArea(db, user, unit.areaId);
  return db.transaction().execute(async (trx) => {
    const created = await uniquely(
      () => repo.insertUnit(trx, user.municipalityId, unit),
      duplicateUnit,
    );
    await recordUserAudit(trx, user, 'create', 'unit', created.id, unit);
    return created;
  });
}

export async function updateUnit(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  change: { name?: string; kind?: UnitKind; areaId?: string | null; archived?: boolean },
) {
  assertEditor(user);
  await assertArea(db, user, change.areaId);
  if (change.archived === true && (await repo.countActivePeople(db, user.municipalityId, id)) > 0) {
    throw new AppError(409, 'conflict', {
      da: 'Enheden har stadig aktive personer. Flyt eller arkivér dem først.',
      en: 'The unit still has active people. Move or archive them first.',
    });
  }
  return db.transaction().execute(async (trx) => {
    const updated = await uniquely(
      () =>
        repo.updateUnit(trx, user.municipalityId, id, {
          ...(change.name === undefined ? {} : { name: change.name }),
          ...(change.kind === undefined ? {} : { kind: change.kind }),
          ...(change.areaId === undefined ? {} : { area_id: change.areaId }),
          ...archiveChange(change.archived),
        }),
      duplicateUnit,
    );
    if (!updated) throw unitNotFound();
    await recordUserAudit(trx, user, 'update', 'unit', id, change);
    return updated;
  });
}

async function assertActiveUnit(db: Kysely<Database>, user: AuthUser, unitId: string) {
  const unit = await repo.findUnit(db, user.municipalityId, unitId);
  if (!unit) throw unitNotFound();
  if (unit.archived_at !== null) {
    throw new AppError(409, 'conflict', {
      da: 'Enheden er arkiveret. Vælg en aktiv enhed.',
      en: 'The unit is archived. Choose an active unit.',
    });
  }
}

export async function createPerson(db: Kysely<Database>, user: AuthUser, person: repo.PersonInput) {
  assertEditor(user);
  await assertActiveUnit(db, user, person.unitId);
  return db.transaction().execute(async (trx) => {
    const created = await uniquely(
      () =>
        repo.insertPerson(trx, user.municipalityId, {
          ...person,
          profession: normalizeProfession(person.profession),
        }),
      duplicateEmail,
    );
    await linkLoginsToPeopleByEmail(trx, user.municipalityId);
    await recordUserAudit(trx, user, 'create', 'person', created.id, {
      unitId: person.unitId,
      role: person.role,
    });
    return created;
  });
}

export async function updatePerson(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  change: {
    name?: string;
    email?: string;
    role?: PersonRole;
    unitId?: string;
    profession?: string | null;
    archived?: boolean;
  },
) {
  assertEditor(user);
  if (change.unitId !== undefined) await assertActiveUnit(db, user, change.unitId);
  return db.transaction().execute(async (trx) => {
    const updated = await uniquely(
      () =>
        repo.updatePerson(trx, user.municipalityId, id, {
          ...(change.name === undefined ? {} : { name: change.name }),
          ...(change.email === undefined ? {} : { email: change.email }),
          ...(change.role === undefined ? {} : { role: change.role }),
          ...(change.unitId === undefined ? {} : { unit_id: change.unitId }),
          ...(change.profession === undefined
            ? {}
            : { profession: normalizeProfession(change.profession) }),
          ...archiveChange(change.archived),
        }),
      duplicateEmail,
    );
    if (!updated) throw personNotFound();
    await linkLoginsToPeopleByEmail(trx, user.municipalityId);
    await recordUserAudit(trx, user, 'update', 'person', id, {
      fields: Object.keys(change),
    });
    return updated;
  });
}

/**
 * Check an organisation file and, when asked and only when every row is valid,
 * apply it in one transaction. A file with any invalid row changes nothing.
 */
export async function importOrganisation(
  db: Kysely<Database>,
  user: AuthUser,
  bytes: Buffer,
  commit: boolean,
): Promise<ImportReport> {
  assertEditor(user);
  const table = await readTableFileInWorker(bytes);
  return db.transaction().execute(async (trx) => {
    const existing = {
      areas: await repo.listAreas(trx, user.municipalityId, true),
      units: await repo.listUnits(trx, user.municipalityId, true),
      people: await repo.listPeople(trx, user.municipalityId, true),
    };
    const check = checkOrgImport(table, existing);
    if (!commit) return { ...check, committed: false };
    if (check.errors.length > 0) {
      throw new AppError(
        422,
        'import_invalid',
        {
          da: `Filen har ${check.errors.length} fejl. Intet er importeret.`,
          en: `The file has ${check.errors.length} errors. Nothing was imported.`,
        },
        { ...check, committed: false },
      );
    }
    await applyPlan(trx, user, check);
    await recordUserAudit(trx, user, 'import', 'organisation', null, {
      rows: check.rows,
      units: check.plan.units.length,
      people: check.plan.people.length,
    });
    return { ...check, committed: true };
  });
}

async function applyPlan(trx: Kysely<Database>, user: AuthUser, check: ImportCheck): Promise<void> {
  const m = user.municipalityId;
  const areaIds = new Map<string, string>();
  const lower = (s: string) => s.trim().toLocaleLowerCase('da');
  for (const area of check.plan.areas) {
    const id = area.existingId ?? (await repo.insertArea(trx, m, area.name)).id;
    areaIds.set(lower(area.name), id);
  }
  const unitIds = new Map<string, string>();
  for (const unit of check.plan.units) {
    const areaId = unit.area === null ? null : (areaIds.get(lower(unit.area)) ?? null);
    if (unit.existingId === null) {
      const created = await repo.insertUnit(trx, m, { name: unit.name, kind: unit.kind, areaId });
      unitIds.set(lower(unit.name), created.id);
    } else {
      if (unit.action === 'update') {
        await repo.updateUnit(trx, m, unit.existingId, {
          kind: unit.kind,
          archived_at: null,
          ...(areaId === null ? {} : { area_id: areaId }),
        });
      }
      unitIds.set(lower(unit.name), unit.existingId);
    }
  }
  for (const person of check.plan.people) {
    const unitId = unitIds.get(lower(person.unit));
    if (unitId === undefined)
      throw new Error(`planned person without planned unit (line ${person.line})`);
    if (person.existingId === null) {
      await repo.insertPerson(trx, m, {
        name: person.name,
        email: person.email,
        role: person.role,
        unitId,
        profession: person.profession ?? null,
      });
    } else if (person.action === 'update') {
      await repo.updatePerson(trx, m, person.existingId, {
        name: person.name,
        role: person.role,
        unit_id: unitId,
        ...(person.profession === undefined ? {} : { profession: person.profession }),
        archived_at: null,
      });
    }
  }
  await linkLoginsToPeopleByEmail(trx, m);
}
