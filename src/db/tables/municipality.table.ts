import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';

/** A municipality: one tenant of the installation. */
export interface MunicipalityTable {
  id: Generated<string>;
  name: string;
  /** Short, unique, URL-safe name. */
  slug: string;
  /** Consent (by the admin) to take part in anonymous cross-municipality benchmarks. */
  benchmark_consent: Generated<boolean>;
  created_at: CreatedAt;
}

export type Municipality = Selectable<MunicipalityTable>;
export type NewMunicipality = Insertable<MunicipalityTable>;
export type MunicipalityUpdate = Updateable<MunicipalityTable>;
