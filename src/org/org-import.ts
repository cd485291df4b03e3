/**
 * Validating an organisation file against the organisation as it stands.
 *
 * One row per person (or a row with only area/unit/kind to create an empty unit).
 * Pure: takes the parsed table and a snapshot of the existing organisation, returns
 * either the row-by-row errors or the exact plan of what the import will do. The
 * service applies a plan only when there are no errors at all.
 */
import type { CsvTable } from '../import/csv.js';
import type { Message } from '../kernel/errors.js';
import {
  MAX_NAME_LENGTH,
  type ImportAction,
  type PersonRole,
  type UnitKind,
} from '../../contract/org.js';
import { MAX_PROFESSION_LENGTH, normalizeProfession } from './profession.js';

/** Columns of the organisation file, Danish names first, English accepted. */
export const ORG_COLUMNS = {
  area: ['område', 'omraade', 'area', 'forvaltning'],
  unit: ['enhed', 'unit'],
  kind: ['type', 'kind'],
  name: ['navn', 'name'],
  email: ['email', 'e-mail', 'mail'],
  role: ['rolle', 'role'],
  profession: ['fag', 'profession', 'faggruppe'],
} as const;
type Column = keyof typeof ORG_COLUMNS;

const KIND_WORDS: Record<string, UnitKind> = {
  myndighed: 'myndighed',
  authority: 'myndighed',
  udfører: 'udfører',
  udfoerer: 'udfører',
  udforer: 'udfører',
  provider: 'udfører',
  ekstern: 'ekstern',
  external: 'ekstern',
};

const ROLE_WORDS: Record<string, PersonRole> = {
  leder: 'leder',
  leader: 'leder',
  medarbejder: 'medarbejder',
  employee: 'medarbejder',
};

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export interface ExistingOrg {
  areas: { id: string; name: string }[];
  units: {
    id: string;
    name: string;
    kind: UnitKind;
    area_id: string | null;
    archived_at: Date | null;
  }[];
  people: {
    id: string;
    email: string;
    name: string;
    role: PersonRole;
    unit_id: string;
    profession: string | null;
    archived_at: Date | null;
  }[];
}

export type Action = ImportAction;

export interface RowError {
  line: number;
  message: Message;
}

export interface PlannedUnit {
  name: string;
  kind: UnitKind;
  area: string | null;
  existingId: string | null;
  action: Action;
}

export interface PlannedPerson {
  line: number;
  name: string;
  email: string;
  role: PersonRole;
  unit: string;
  /** Undefined when the file has no profession column: the stored one stays. */
  profession?: string | null;
  existingId: string | null;
  action: Action;
}

export interface ImportPlan {
  areas: { name: string; existingId: string | null }[];
  units: PlannedUnit[];
  people: PlannedPerson[];
}

export interface ImportCheck {
  rows: number;
  errors: RowError[];
  plan: ImportPlan;
}

const key = (s: string) => s.trim().toLocaleLowerCase('da');

/** Map header cells to columns; unknown or missing columns are file-level errors. */
function mapHeader(header: string[]): {
  index: Partial<Record<Column, number>>;
  errors: RowError[];
} {
  const index: Partial<Record<Column, number>> = {};
  const errors: RowError[] = [];
  header.forEach((cell, i) => {
    const word = key(cell);
    if (word === '') return;
    const column = (Object.keys(ORG_COLUMNS) as Column[]).find((c) =>
      (ORG_COLUMNS[c] as readonly string[]).includes(word),
    );
    if (column === undefined) {
      errors.push({
        line: 1,
        message: {
          da: `Ukendt kolonne "${cell}". Tilladte kolonner: område, enhed, type, navn, email, rolle, fag.`,
          en: `Unknown column "${cell}". Allowed columns: område (area), enhed (unit), type (kind), navn (name), email, rolle (role), fag (profession).`,
        },
      });
    } else if (index[column] !== undefined) {
      errors.push({
        line: 1,
        message: {
          da: `Kolonnen "${cell}" står to gange.`,
          en: `The column "${cell}" appears twice.`,
        },
      });
    } else index[column] = i;
  });
  if (index.unit === undefined) {
    errors.push({
      line: 1,
      message: {
        da: 'Kolonnen "enhed" mangler. Første linje skal være kolonnenavne: område, enhed, type, navn, email, rolle.',
        en: 'The column "enhed" (unit) is missing. The first line must name the columns: område, enhed, type, navn, email, rolle.',
      },
    });
  }
  return { index, errors };
}

/** Check every row and plan the import; nothing is written here. */
export function checkOrgImport(table: CsvTable, existing: ExistingOrg): ImportCheck {
  const { index, errors } = mapHeader(table.header);
  const plan: ImportPlan = { areas: [], units: [], people: [] };
  if (errors.length > 0) return { rows: table.rows.length, errors, plan };
  if (table.rows.length === 0) {
    errors.push({
      line: 1,
      message: {
        da: 'Filen har ingen rækker under overskriften.',
        en: 'The file has no rows below the header.',
      },
    });
    return { rows: 0, errors, plan };
  }

  const existingAreas = new Map(existing.areas.map((a) => [key(a.name), a]));
  const existingUnits = new Map(existing.units.map((u) => [key(u.name), u]));
  const existingPeople = new Map(existing.people.map((p) => [key(p.email), p]));
  const areaById = new Map(existing.areas.map((a) => [a.id, a.name]));

  const units = new Map<string, PlannedUnit & { line: number }>();
  const areas = new Map<string, { name: string; existingId: string | null }>();
  const emails = new Map<string, number>();
  const cell = (cells: string[], column: Column) => {
    const i = index[column];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };

  for (const { line, cells } of table.rows) {
    const rowErrors: Message[] = [];
    const area = cell(cells, 'area');
    const unit = cell(cells, 'unit');
    const kindText = cell(cells, 'kind');
    const name = cell(cells, 'name');
    const email = cell(cells, 'email');
    const roleText = cell(cells, 'role');
    const professionText = cell(cells, 'profession');

    for (const [label, value] of [
      ['område', area],
      ['enhed', unit],
      ['navn', name],
    ] as const) {
      if (value.length > MAX_NAME_LENGTH) {
        rowErrors.push({
          da: `${label} er for langt (${value.length} tegn; højst ${MAX_NAME_LENGTH}).`,
          en: `${label} is too long (${value.length} characters; at most ${MAX_NAME_LENGTH}).`,
        });
      }
    }
    if (unit === '') rowErrors.push({ da: 'Enhed mangler.', en: 'Unit (enhed) is missing.' });

    let kind: UnitKind | undefined;
    if (kindText !== '') {
      kind = KIND_WORDS[key(kindText)];
      if (kind === undefined) {
        rowErrors.push({
          da: `Ukendt type "${kindText}". Brug myndighed, udfører eller ekstern.`,
          en: `Unknown kind "${kindText}". Use myndighed (authority), udfører (provider) or ekstern (external).`,
        });
      }
    }

    if (unit !== '' && unit.length <= MAX_NAME_LENGTH) {
      const known = units.get(key(unit));
      const stored = existingUnits.get(key(unit));
      const areaName = area !== '' ? area : null;
      if (known) {
        if (kind !== undefined && known.kind !== kind) {
          rowErrors.push({
            da: `Enheden "${unit}" har typen "${known.kind}" i linje ${known.line}, men "${kind}" her.`,
            en: `The unit "${unit}" has kind "${known.kind}" on line ${known.line} but "${kind}" here.`,
          });
        }
        if (areaName !== null && known.area !== null && key(known.area) !== key(areaName)) {
          rowErrors.push({
            da: `Enheden "${unit}" ligger i "${known.area}" i linje ${known.line}, men i "${areaName}" her.`,
            en: `The unit "${unit}" is in "${known.area}" on line ${known.line} but in "${areaName}" here.`,
          });
        }
        if (known.area === null && areaName !== null) known.area = areaName;
      } else {
        const resolvedKind = kind ?? stored?.kind;
        if (resolvedKind === undefined) {
          if (kindText === '') {
            rowErrors.push({
              da: `Enheden "${unit}" findes ikke. Angiv dens type (myndighed, udfører eller ekstern) for at oprette den.`,
              en: `The unit "${unit}" does not exist. Give its kind (myndighed, udfører or ekstern) to create it.`,
            });
          }
        } else {
          units.set(key(unit), {
            line,
            name: stored?.name ?? unit,
            kind: resolvedKind,
            area: areaName ?? (stored?.area_id ? (areaById.get(stored.area_id) ?? null) : null),
            existingId: stored?.id ?? null,
            action: 'unchanged',
          });
        }
      }
      if (areaName !== null && areaName.length <= MAX_NAME_LENGTH && !areas.has(key(areaName))) {
        areas.set(key(areaName), {
          name: areaName,
          existingId: existingAreas.get(key(areaName))?.id ?? null,
        });
      }
    }

    if (professionText.length > MAX_PROFESSION_LENGTH) {
      rowErrors.push({
        da: `fag er for langt (${professionText.length} tegn; højst ${MAX_PROFESSION_LENGTH}).`,
        en: `profession is too long (${professionText.length} characters; at most ${MAX_PROFESSION_LENGTH}).`,
      });
    }
    if (name !== '' || email !== '' || roleText !== '' || professionText !== '') {
      if (name === '') rowErrors.push({ da: 'Navn mangler.', en: 'Name (navn) is missing.' });
      if (email === '') rowErrors.push({ da: 'E-mail mangler.', en: 'E-mail is missing.' });
      else if (!EMAIL.test(email) || email.length > 254) {
        rowErrors.push({
          da: `"${email}" er ikke en gyldig e-mailadresse.`,
          en: `"${email}" is not a valid e-mail address.`,
        });
      } else {
        const firstLine = emails.get(key(email));
        if (firstLine !== undefined) {
          rowErrors.push({
            da: `E-mailen ${email} står også i linje ${firstLine}.`,
            en: `The e-mail ${email} also appears on line ${firstLine}.`,
          });
        } else emails.set(key(email), line);
      }
      const role = roleText === '' ? 'medarbejder' : ROLE_WORDS[key(roleText)];
      if (role === undefined) {
        rowErrors.push({
          da: `Ukendt rolle "${roleText}". Brug leder eller medarbejder.`,
          en: `Unknown role "${roleText}". Use leder (leader) or medarbejder (employee).`,
        });
      }
      if (rowErrors.length === 0 && role !== undefined) {
        const stored = existingPeople.get(key(email));
        plan.people.push({
          line,
          name,
          email,
          role,
          unit,
          ...(index.profession === undefined
            ? {}
            : { profession: normalizeProfession(professionText) }),
          existingId: stored?.id ?? null,
          action: 'unchanged',
        });
      }
    }
    for (const message of rowErrors) errors.push({ line, message });
  }

  plan.areas = [...areas.values()];
  plan.units = [...units.values()].map(({ line: _line, ...unit }) => {
    const stored = existingUnits.get(key(unit.name));
    const storedArea = stored?.area_id ? areaById.get(stored.area_id) : undefined;
    const changed =
      stored !== undefined &&
      (stored.kind !== unit.kind ||
        stored.archived_at !== null ||
        (unit.area !== null && key(storedArea ?? '') !== key(unit.area)));
    return { ...unit, action: stored === undefined ? 'create' : changed ? 'update' : 'unchanged' };
  });
  for (const person of plan.people) {
    const stored = existingPeople.get(key(person.email));
    const storedUnit = stored ? existing.units.find((u) => u.id === stored.unit_id) : undefined;
    person.action =
      stored === undefined
        ? 'create'
        : stored.name !== person.name ||
            stored.role !== person.role ||
            (person.profession !== undefined && stored.profession !== person.profession) ||
            stored.archived_at !== null ||
            key(storedUnit?.name ?? '') !== key(person.unit)
          ? 'update'
          : 'unchanged';
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: table.rows.length, errors, plan };
}
