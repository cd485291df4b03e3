/** Calls to the organisation API (`src/org/org.routes.ts`). */
import type {
  Area,
  AreaChange,
  ImportReport,
  Organisation,
  Person,
  PersonChange,
  PersonInput,
  Unit,
  UnitChange,
  UnitInput,
} from '../../../contract/org.schema.js';
import { api } from '../api/client.js';

export const loadOrganisation = (includeArchived: boolean) =>
  api.get<Organisation>(`/api/org?includeArchived=${includeArchived}`);

export const createArea = (name: string) => api.post<Area>('/api/org/areas', { name });

export const updateArea = (id: string, change: AreaChange) =>
  api.patch<Area>(`/api/org/areas/${id}`, change);

export const createUnit = (unit: UnitInput) => api.post<Unit>('/api/org/units', unit);

export const updateUnit = (id: string, change: UnitChange) =>
  api.patch<Unit>(`/api/org/units/${id}`, change);

export const createPerson = (person: PersonInput) => api.post<Person>('/api/org/people', person);

export const updatePerson = (id: string, change: PersonChange) =>
  api.patch<Person>(`/api/org/people/${id}`, change);

/** Check a file (nothing is written) or import it (all or nothing). */
export const importOrganisation = (file: File, commit: boolean) =>
  api.upload<ImportReport>(`/api/org/import?commit=${commit}`, file);
