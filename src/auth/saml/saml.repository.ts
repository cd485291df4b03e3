/** SAML settings, outstanding AuthnRequests and used assertions as SQL. Takes `db` or a transaction first. */
import { sql } from 'kysely';
import type { NewSamlSettings } from '../../db/tables/saml.table.js';
import type { Db } from '../../db/db.js';

/** The SAML settings of one municipality, or undefined. */
export async function findSettings(db: Db, municipalityId: string) {
  return db
    .selectFrom('saml_settings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** A municipality by slug, with its SAML settings when it has any. */
export async function findBySlug(db: Db, slug: string) {
  return db
    .selectFrom('municipality')
    .leftJoin('saml_settings', 'saml_settings.municipality_id', 'municipality.id')
    .select(['municipality.id', 'municipality.name', 'municipality.slug'])
    .select('saml_settings.enabled')
    .where('municipality.slug', '=', slug)
    .executeTakeFirst();
}

/** The enabled SAML municipality that signs in an e-mail domain (lower case). */
export async function findByDomain(db: Db, domain: string) {
  return db
    .selectFrom('saml_settings')
    .innerJoin('municipality', 'municipality.id', 'saml_settings.municipality_id')
    .select([
      'municipality.id',
      'municipality.name',
      'municipality.slug',
      'saml_settings.local_passwords',
    ])
    .where('saml_settings.enabled', '=', true)
    .where(sql<boolean>`${domain} = ANY (saml_settings.email_domains)`)
    .orderBy('municipality.name')
    .executeTakeFirst();
}

/** Domains among these that another municipality's SAML settings already claim. */
export async function domainsClaimedElsewhere(
  db: Db,
  municipalityId: string,
  domains: string[],
): Promise<string[]> {
  if (domains.length === 0) return [];
  const { rows } = await sql<{ domain: string }>`
    SELECT DISTINCT d AS domain FROM saml_settings, unnest(email_domains) AS d
    WHERE municipality_id <> ${municipalityId} AND d = ANY (${domains}::text[])
    ORDER BY 1`.execute(db);
  return rows.map((row) => row.domain);
}

/** Insert or replace a municipality's settings. */
export async function saveSettings(db: Db, row: NewSamlSettings): Promise<void> {
  await db
    .insertInto('saml_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({ ...row, updated_at: new Date() }),
    )
    .execute();
}

/** Store freshly fetched IdP metadata. */
export async function updateMetadata(
  db: Db,
  municipalityId: string,
  metadata: Pick<
    NewSamlSettings,
    'metadata_xml' | 'idp_entity_id' | 'idp_sso_url' | 'idp_certificates' | 'metadata_fetched_at'
  >,
): Promise<void> {
  await db
    .updateTable('saml_settings')
    .set(metadata)
    .where('municipality_id', '=', municipalityId)
    .execute();
}

/** Remove a municipality's settings (SAML off). */
export async function deleteSettings(db: Db, municipalityId: string): Promise<void> {
  await db.deleteFrom('saml_settings').where('municipality_id', '=', municipalityId).execute();
}

/** The municipalities among these whose users may not use passwords (SAML only). */
export async function passwordlessMunicipalities(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('saml_settings')
    .select('municipality_id')
    .where('municipality_id', 'in', ids)
    .where('enabled', '=', true)
    .where('local_passwords', '=', false)
    .execute();
  return new Set(rows.map((row) => row.municipality_id));
}

/** Remember an AuthnRequest we are about to send. */
export async function insertRequest(db: Db, id: string, municipalityId: string): Promise<void> {
  await db.insertInto('saml_request').values({ id, municipality_id: municipalityId }).execute();
}

/** The municipality of an outstanding AuthnRequest younger than `maxAgeMs`, or undefined. */
export async function findRequest(db: Db, id: string, maxAgeMs: number) {
  return db
    .selectFrom('saml_request')
    .select(['municipality_id', 'created_at'])
    .where('id', '=', id)
    .where(sql<boolean>`created_at > now() - ${`${maxAgeMs} milliseconds`}::interval`)
    .executeTakeFirst();
}

/**
 * Use up an AuthnRequest: true for the one caller that deletes it. Two answers to the same
 * request, even on two app instances at once, cannot both succeed.
 */
export async function consumeRequest(db: Db, id: string): Promise<boolean> {
  const row = await db
    .deleteFrom('saml_request')
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Record an assertion as used: true the first time, false when it was seen before (a
 * replay). The row is kept until the assertion could no longer be accepted anyway.
 */
export async function recordAssertion(
  db: Db,
  assertion: { issuer: string; id: string; municipalityId: string; expiresAt: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('saml_assertion')
    .values({
      issuer: assertion.issuer,
      id: assertion.id,
      municipality_id: assertion.municipalityId,
      expires_at: assertion.expiresAt,
    })
    .onConflict((oc) => oc.columns(['issuer', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Forget requests older than `requestMaxAgeMs` and assertions past their expiry. */
export async function purgeExpired(db: Db, requestMaxAgeMs: number): Promise<void> {
  await db
    .deleteFrom('saml_request')
    .where(sql<boolean>`created_at < now() - ${`${requestMaxAgeMs} milliseconds`}::interval`)
    .execute();
  await db
    .deleteFrom('saml_assertion')
    .where(sql<boolean>`expires_at < now()`)
    .execute();
}
