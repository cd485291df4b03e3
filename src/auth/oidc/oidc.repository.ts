/** Municipalities' OpenID Connect providers as SQL. Takes `db` or a transaction first. */
import { sql } from 'kysely';
import type { OidcPurpose } from '../../db/tables/oidc-provider.table.js';
import type { UserRole } from '../../db/tables/user.table.js';
import type { Db } from '../../db/db.js';

/** A provider's settings as saved (the secret still sealed). */
export interface OidcProviderInput {
  municipalityId: string;
  purpose: OidcPurpose;
  issuer: string;
  clientId: string;
  clientSecretSealed: string;
  emailClaim: string;
  roleClaim: string | null;
  roleMap: Record<string, UserRole>;
  domains: string[];
  passwordsAllowed: boolean;
  cprClaim: string;
}

/** Providers with their municipality's name and slug; narrow them with `where`. */
function selectProviders(db: Db) {
  return db
    .selectFrom('oidc_provider')
    .innerJoin('municipality', 'municipality.id', 'oidc_provider.municipality_id')
    .selectAll('oidc_provider')
    .select(['municipality.name as municipality_name', 'municipality.slug']);
}

/** The provider of one municipality for one purpose, with the municipality's name and slug. */
export async function findProvider(db: Db, municipalityId: string, purpose: OidcPurpose) {
  return selectProviders(db)
    .where('oidc_provider.municipality_id', '=', municipalityId)
    .where('oidc_provider.purpose', '=', purpose)
    .executeTakeFirst();
}

/** The municipality with this slug and its provider for `purpose`, if it has one. */
export async function findProviderBySlug(db: Db, slug: string, purpose: OidcPurpose) {
  return selectProviders(db)
    .where('municipality.slug', '=', slug)
    .where('oidc_provider.purpose', '=', purpose)
    .executeTakeFirst();
}

/** Staff providers that take e-mail addresses of this (lower-case) domain. */
export async function findStaffProvidersByDomain(db: Db, domain: string) {
  return selectProviders(db)
    .where('oidc_provider.purpose', '=', 'staff')
    .where(sql<boolean>`oidc_provider.domains @> ARRAY[${domain}]::text[]`)
    .orderBy('municipality.slug')
    .execute();
}

/** Create or replace a municipality's provider for one purpose. */
export async function upsertProvider(db: Db, input: OidcProviderInput): Promise<void> {
  const values = {
    issuer: input.issuer,
    client_id: input.clientId,
    client_secret_sealed: input.clientSecretSealed,
    email_claim: input.emailClaim,
    role_claim: input.roleClaim,
    role_map: JSON.stringify(input.roleMap),
    domains: input.domains,
    passwords_allowed: input.passwordsAllowed,
    cpr_claim: input.cprClaim,
    updated_at: new Date(),
  };
  await db
    .insertInto('oidc_provider')
    .values({ municipality_id: input.municipalityId, purpose: input.purpose, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'purpose']).doUpdateSet(values))
    .execute();
}

/** Remove a provider; returns whether there was one. */
export async function deleteProvider(
  db: Db,
  municipalityId: string,
  purpose: OidcPurpose,
): Promise<boolean> {
  const result = await db
    .deleteFrom('oidc_provider')
    .where('municipality_id', '=', municipalityId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** True when the municipality's staff must sign in through its provider (no passwords). */
export async function passwordsRefused(db: Db, municipalityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('oidc_provider')
    .select('passwords_allowed')
    .where('municipality_id', '=', municipalityId)
    .where('purpose', '=', 'staff')
    .executeTakeFirst();
  return row !== undefined && !row.passwords_allowed;
}
