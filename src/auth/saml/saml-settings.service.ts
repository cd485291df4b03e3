/**
 * Setting up a municipality's SAML sign-in (admins, and the CLI acting as one). The
 * settings live in the database and are read at each sign-in, so a change applies at once
 * on every app instance, without a restart.
 */
import type { Kysely } from 'kysely';
import { recordUserAudit } from '../../audit/audit.repository.js';
import type { Database } from '../../db/schema.js';
import type { SamlSettings } from '../../db/tables/saml.table.js';
import type { Config } from '../../server/config.js';
import { asSystem } from '../../db/tenant.js';
import { badRequest, conflict, type Message } from '../../kernel/errors.js';
import type { AuthUser } from '../auth.service.js';
import { parseIdpMetadata, type MetadataProblem } from './saml-metadata.js';
import * as repo from './saml.repository.js';
import type { SamlSettingsInput, SamlSettingsView } from '../../../contract/saml.schema.js';
import { requirePermission } from '../../kernel/request-context.js';

/** Largest metadata accepted (KOMBIT's is a few kB; aggregates can be large). */
const MAX_METADATA_BYTES = 1_000_000;
const FETCH_TIMEOUT_MS = 10_000;

const PROBLEMS: Record<MetadataProblem, Message> = {
  not_xml: { da: 'Metadata er ikke gyldig XML.', en: 'The metadata is not valid XML.' },
  no_idp: {
    da: 'Metadata beskriver ingen identitetsudbyder (IDPSSODescriptor med entityID).',
    en: 'The metadata describes no identity provider (IDPSSODescriptor with an entityID).',
  },
  no_redirect_sso: {
    da: 'Metadata har ingen SingleSignOnService med HTTP-Redirect-binding.',
    en: 'The metadata has no SingleSignOnService with the HTTP-Redirect binding.',
  },
  no_signing_certificate: {
    da: 'Metadata har intet certifikat til signering, så svar kan ikke kontrolleres.',
    en: 'The metadata has no signing certificate, so responses cannot be verified.',
  },
};

/** Where our one service provider lives, for the admin to register with the IdP. */
export function serviceProvider(config: Pick<Config, 'publicUrl' | 'saml'>) {
  return {
    entityId: config.saml.entityId,
    metadataUrl: `${config.publicUrl}/api/auth/saml/metadata`,
    acsUrl: `${config.publicUrl}/api/auth/saml/acs`,
    loginUrl: `${config.publicUrl}/api/auth/saml/login`,
  };
}

function toView(row: SamlSettings): NonNullable<SamlSettingsView['settings']> {
  return {
    enabled: row.enabled,
    metadataUrl: row.metadata_url,
    idpEntityId: row.idp_entity_id,
    idpSsoUrl: row.idp_sso_url,
    idpCertificateCount: row.idp_certificates.length,
    metadataFetchedAt: row.metadata_fetched_at.toISOString(),
    emailDomains: row.email_domains,
    emailAttribute: row.email_attribute,
    nameAttribute: row.name_attribute,
    roleAttribute: row.role_attribute,
    roleMap: row.role_map as NonNullable<SamlSettingsView['settings']>['roleMap'],
    cvr: row.cvr,
    localPasswords: row.local_passwords,
  };
}

/** The municipality's SAML settings and our SP's facts (admins only). */
export async function getSamlSettings(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl' | 'saml'>,
  user: AuthUser,
): Promise<SamlSettingsView> {
  requirePermission(user, 'signIn.manage');
  const row = await repo.findSettings(db, user.municipalityId);
  return { serviceProvider: serviceProvider(config), settings: row ? toView(row) : null };
}

/** Fetch metadata from the IdP, with a time and size limit. */
export async function fetchMetadata(url: string, production: boolean): Promise<string> {
  const failed = (why: string) =>
    badRequest({
      da: `Metadata kunne ikke hentes fra ${url} (${why}).`,
      en: `The metadata could not be fetched from ${url} (${why}).`,
    });
  if (production && !url.startsWith('https://')) throw failed('https://');
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
    });
  } catch {
    throw failed('no answer');
  }
  if (!response.ok) throw failed(`HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_METADATA_BYTES) throw failed('> 1 MB');
  return body.toString('utf8');
}

/**
 * Set up or change SAML sign-in (admins). New metadata (fetched from `metadataUrl`, or
 * pasted) is checked before anything is stored; without either the stored metadata stays.
 */
export async function saveSamlSettings(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl' | 'saml' | 'production'>,
  user: AuthUser,
  input: SamlSettingsInput,
): Promise<SamlSettingsView> {
  requirePermission(user, 'signIn.manage');
  const existing = await repo.findSettings(db, user.municipalityId);
  let xml = input.metadataXml;
  if (xml === undefined && input.metadataUrl !== undefined) {
    xml = await fetchMetadata(input.metadataUrl, config.production);
  }
  if (xml === undefined && !existing) {
    throw badRequest({
      da: 'Angiv identitetsudbyderens metadata: en URL eller selve XML-filen.',
      en: "Give the identity provider's metadata: a URL or the XML itself.",
    });
  }
  let metadata = existing && {
    xml: existing.metadata_xml,
    entityId: existing.idp_entity_id,
    ssoUrl: existing.idp_sso_url,
    certificates: existing.idp_certificates,
  };
  if (xml !== undefined) {
    const parsed = parseIdpMetadata(xml);
    if (!parsed.ok) throw badRequest(PROBLEMS[parsed.problem], { problem: parsed.problem });
    metadata = { xml, ...parsed.metadata };
  }
  const domains = [...new Set(input.emailDomains)];
  // A domain leads its people to one IdP: no municipality may take another's. Looked up
  // across municipalities (outside row-level security); only the domains are told.
  const taken = await asSystem(() =>
    repo.domainsClaimedElsewhere(db, user.municipalityId, domains),
  );
  if (taken.length > 0) {
    throw conflict(
      {
        da: `Domænet ${taken.join(', ')} bruges allerede til SAML-login af en anden kommune.`,
        en: `The domain ${taken.join(', ')} is already used for SAML sign-in by another municipality.`,
      },
      { domains: taken },
    );
  }
  await db.transaction().execute(async (trx) => {
    await repo.saveSettings(trx, {
      municipality_id: user.municipalityId,
      enabled: input.enabled,
      metadata_url:
        input.metadataXml !== undefined
          ? null
          : (input.metadataUrl ?? existing?.metadata_url ?? null),
      metadata_xml: metadata!.xml,
      idp_entity_id: metadata!.entityId,
      idp_sso_url: metadata!.ssoUrl,
      idp_certificates: metadata!.certificates,
      metadata_fetched_at: xml !== undefined ? new Date() : existing!.metadata_fetched_at,
      email_domains: domains,
      email_attribute: input.emailAttribute,
      name_attribute: input.nameAttribute,
      role_attribute: input.roleAttribute,
      role_map: JSON.stringify(input.roleMap),
      cvr: input.cvr,
      local_passwords: input.localPasswords,
    });
    await recordUserAudit(
      trx,
      user,
      existing ? 'update' : 'create',
      'saml-settings',
      user.municipalityId,
      {
        enabled: input.enabled,
        idpEntityId: metadata!.entityId,
        emailDomains: domains,
        localPasswords: input.localPasswords,
      },
    );
  });
  return getSamlSettings(db, config, user);
}

/** Turn SAML sign-in off and forget its settings (admins); passwords work again. */
export async function deleteSamlSettings(db: Kysely<Database>, user: AuthUser): Promise<void> {
  requirePermission(user, 'signIn.manage');
  await db.transaction().execute(async (trx) => {
    await repo.deleteSettings(trx, user.municipalityId);
    await recordUserAudit(trx, user, 'delete', 'saml-settings', user.municipalityId, {});
  });
}

/** How old fetched metadata may get before a sign-in fetches it again (IdPs roll keys). */
export const METADATA_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The settings with fresh metadata: when they came from a URL more than a day ago, fetch
 * it again and store what changed. A failed fetch keeps the old metadata (the IdP may be
 * down for a moment; its old certificates still check its answers).
 */
export async function refreshedSettings(
  db: Kysely<Database>,
  settings: SamlSettings,
  production: boolean,
  now = new Date(),
): Promise<SamlSettings> {
  const age = now.getTime() - settings.metadata_fetched_at.getTime();
  if (settings.metadata_url === null || age < METADATA_MAX_AGE_MS) return settings;
  let xml: string;
  try {
    xml = await fetchMetadata(settings.metadata_url, production);
  } catch {
    return settings;
  }
  const parsed = parseIdpMetadata(xml);
  if (!parsed.ok) return settings;
  const fresh = {
    metadata_xml: xml,
    idp_entity_id: parsed.metadata.entityId,
    idp_sso_url: parsed.metadata.ssoUrl,
    idp_certificates: parsed.metadata.certificates,
    metadata_fetched_at: now,
  };
  await repo.updateMetadata(db, settings.municipality_id, fresh);
  return { ...settings, ...fresh };
}
