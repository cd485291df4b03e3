import type { ColumnType, JSONColumnType, Selectable } from 'kysely';
import type { UpdatedAt } from './columns.js';
import type { UserRole } from './user.table.js';

/** Who signs in through a provider: staff (Entra ID, AD FS, …) or citizens (a MitID broker). */
export type OidcPurpose = 'staff' | 'citizen';

/** A municipality's OpenID Connect provider for one purpose; the secret only sealed. */
export interface OidcProviderTable {
  municipality_id: string;
  purpose: OidcPurpose;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  email_claim: ColumnType<string, string | undefined, string>;
  role_claim: string | null;
  /** Claim value → Samspil role. */
  role_map: JSONColumnType<Record<string, UserRole>, string, string>;
  /** Lower-case e-mail domains whose users sign in here; empty: only by the municipality's address. */
  domains: ColumnType<string[], string[] | undefined, string[]>;
  passwords_allowed: ColumnType<boolean, boolean | undefined, boolean>;
  cpr_claim: ColumnType<string, string | undefined, string>;
  updated_at: UpdatedAt;
}

export type OidcProvider = Selectable<OidcProviderTable>;
