/** The shapes the API returns, as the routes in `src/<feature>/<feature>.routes.ts` declare them. */
import type { UserRole } from '../../../contract/users.js';

export { USER_ROLES, type UserRole } from '../../../contract/users.js';

// The organisation's enums move to the contract with the org feature (#18); until then the
// web keeps them here, where `src/db/tables/unit.table.ts` and `person.table.ts` must agree.
export const UNIT_KINDS = ['myndighed', 'udfører', 'ekstern'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const PERSON_ROLES = ['leder', 'medarbejder'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The logged-in user (`GET /api/session`, `POST /api/auth/login`). */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  municipality: { id: string; name: string };
}

export interface SessionResponse {
  user: SessionUser | null;
  csrfToken: string;
}

export interface Area {
  id: string;
  name: string;
  archived: boolean;
}

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  areaId: string | null;
  archived: boolean;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  role: PersonRole;
  unitId: string;
  /** The person's profession (fag), stored in lower case; null when not given. */
  profession: string | null;
  archived: boolean;
}

/** `GET /api/org`. */
export interface Organisation {
  areas: Area[];
  units: Unit[];
  people: Person[];
}

export type ImportAction = 'create' | 'update' | 'unchanged';

/** `POST /api/org/import`: the check of a file and the plan of what importing it does. */
export interface ImportReport {
  rows: number;
  committed: boolean;
  errors: { line: number; message: { da: string; en: string } }[];
  plan: {
    areas: { name: string; existingId: string | null }[];
    units: {
      name: string;
      kind: UnitKind;
      area: string | null;
      existingId: string | null;
      action: ImportAction;
    }[];
    people: {
      line: number;
      name: string;
      email: string;
      role: PersonRole;
      unit: string;
      /** Present when the file has a profession column ("fag"). */
      profession?: string | null;
      existingId: string | null;
      action: ImportAction;
    }[];
  };
}

/** `GET /api/users`. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  personId: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
}

/** `GET /api/audit`. */
export interface AuditEntry {
  id: string;
  at: string;
  user: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  citizenId: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
}
