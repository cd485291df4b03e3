/**
 * Staff sign-in through a municipality's SAML 2.0 identity provider (KOMBIT's
 * Fælleskommunal Adgangsstyring, AD FS, Entra ID …), with `@node-saml/node-saml`.
 *
 * Samspil is one service provider for all municipalities. A sign-in starts at
 * `/api/auth/saml/login?municipality=SLUG`, which stores the AuthnRequest's id with the
 * municipality in the database; the IdP's answer comes to the ACS, whose `InResponseTo`
 * names that request and so the municipality whose IdP settings check it. Only SP-initiated
 * sign-ins are accepted. The assertion must be signed by a certificate from the IdP's
 * metadata; audience, validity times and `InResponseTo` are checked by node-saml; each
 * request and each assertion can be used once, counted in the database so that several
 * app instances agree. The user is found (or created) by e-mail in that municipality and
 * gets the role the municipality's map gives the asserted roles.
 */
import { randomBytes } from 'node:crypto';
import type { CacheProvider, Profile, SAML } from '@node-saml/node-saml';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.repository.js';
import type { Database } from '../../db/schema.js';
import type { SamlSettings } from '../../db/tables/saml.table.js';
import type { UserRole } from '../../../contract/users.js';
import type { Config } from '../../server/config.js';
import { AppError, type Message } from '../../kernel/errors.js';
import { startSession } from '../auth.service.js';
import { certificateToPem, parseXml } from './saml-metadata.js';
import { attributeValues, mapRole, namedRoles } from './saml-roles.js';
import { refreshedSettings, serviceProvider } from './saml-settings.service.js';
import * as repo from './saml.repository.js';
import { findUserInMunicipality, insertSsoUser, setUserRole } from '../sso-user.js';

/** How long the IdP may take to answer an AuthnRequest (the person is logging in). */
export const REQUEST_MAX_AGE_MS = 10 * 60 * 1000;
/** Clock difference tolerated between the IdP and us. */
const CLOCK_SKEW_MS = 60 * 1000;
/** A password hash no password matches: SAML-created users have no password. */
export const NO_PASSWORD = '!saml';

type SamlConfig = Pick<Config, 'publicUrl' | 'saml' | 'production'>;

/** A refused sign-in; `reason` is stable (tests, audit log), the message is for the person. */
export const refused = (reason: string, message: Message, status = 403) =>
  new AppError(status, 'forbidden', message, { reason });

const MESSAGES = {
  not_configured: {
    da: 'Kommunen har ikke sat login via SAML op.',
    en: 'The municipality has not set up sign-in with SAML.',
  },
  unsolicited: {
    da: 'Login-svaret hører ikke til et login, der er startet her. Start forfra.',
    en: 'The sign-in response belongs to no sign-in started here. Please start again.',
  },
  unknown_request: {
    da: 'Login-svaret er ukendt, udløbet eller allerede brugt. Start forfra.',
    en: 'The sign-in response is unknown, expired or already used. Please start again.',
  },
  other_browser: {
    da: 'Login-svaret hører til et login, der blev startet i en anden browser. Start forfra.',
    en: 'The sign-in response belongs to a sign-in started in another browser. Please start again.',
  },
  invalid_response: {
    da: 'Login-svaret kunne ikke godkendes (signatur, modtager eller gyldighedstid). Start forfra, og kontakt din administrator, hvis det sker igen.',
    en: 'The sign-in response could not be accepted (signature, audience or validity). Please start again, and contact your administrator if it happens again.',
  },
  replayed: {
    da: 'Login-svaret er allerede brugt. Start forfra.',
    en: 'The sign-in response has already been used. Please start again.',
  },
  no_email: {
    da: 'Login-svaret indeholder ingen e-mailadresse. Kontakt din administrator.',
    en: 'The sign-in response carries no e-mail address. Contact your administrator.',
  },
  domain_not_allowed: {
    da: 'Din e-mailadresse hører ikke til et domæne, som kommunen logger ind med SAML.',
    en: 'Your e-mail address is not in a domain the municipality signs in with SAML.',
  },
  no_role: {
    da: 'Du har ingen rolle i Samspil. Bed din administrator om at tildele dig en brugersystemrolle til Samspil.',
    en: 'You have no role in Samspil. Ask your administrator to give you a user system role for Samspil.',
  },
  disabled: {
    da: 'Dit login til Samspil er deaktiveret.',
    en: 'Your Samspil login has been disabled.',
  },
} satisfies Record<string, Message>;

export type RefusalReason = keyof typeof MESSAGES;

/** The outstanding requests as node-saml's cache, read from the database. */
function requestCache(db: Kysely<Database>, municipalityId: string): CacheProvider {
  return {
    saveAsync: async (key, value) => {
      await repo.insertRequest(db, key, municipalityId);
      return { value, createdAt: Date.now() };
    },
    getAsync: async (key) => {
      const row = await repo.findRequest(db, key, REQUEST_MAX_AGE_MS);
      return row && row.municipality_id === municipalityId ? row.created_at.toISOString() : null;
    },
    // The service uses a request up itself, atomically (`consumeRequest`), after the checks.
    removeAsync: async () => null,
  };
}

/**
 * node-saml (with its XML signature stack) loads on the first SAML request, not at every
 * server start: most installs never sign in with SAML (bench/README.md, `npm start`).
 */
const nodeSaml = () => import('@node-saml/node-saml');

async function samlFor(
  db: Kysely<Database>,
  config: SamlConfig,
  settings: SamlSettings,
  requestId?: string,
): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await nodeSaml();
  const sp = serviceProvider(config);
  const { privateKey } = config.saml;
  return new SAML({
    entryPoint: settings.idp_sso_url,
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    idpCert: settings.idp_certificates.map(certificateToPem),
    idpIssuer: settings.idp_entity_id,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_MAX_AGE_MS,
    cacheProvider: requestCache(db, settings.municipality_id),
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
    ...(privateKey ? { privateKey, decryptionPvk: privateKey } : {}),
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

/** Our SP metadata: entity id, ACS and, when we have a key, our certificate. */
export async function serviceProviderMetadata(config: SamlConfig): Promise<string> {
  const { SAML } = await nodeSaml();
  const sp = serviceProvider(config);
  const { privateKey, certificate } = config.saml;
  return new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    idpCert: 'unused',
    wantAssertionsSigned: true,
    identifierFormat: null,
    signatureAlgorithm: 'sha256',
    ...(privateKey ? { privateKey, decryptionPvk: privateKey } : {}),
  }).generateServiceProviderMetadata(certificate ?? null, certificate ?? null);
}

async function settingsBySlug(db: Kysely<Database>, slug: string) {
  const municipality = await repo.findBySlug(db, slug);
  const settings = municipality && (await repo.findSettings(db, municipality.id));
  if (!settings?.enabled) throw refused('not_configured', MESSAGES.not_configured, 404);
  return settings;
}

/**
 * Start a sign-in: the IdP URL carrying a new AuthnRequest (HTTP-Redirect binding), and
 * the request's id, which the route also binds to the browser.
 */
export async function startSamlLogin(
  db: Kysely<Database>,
  config: SamlConfig,
  slug: string,
): Promise<{ url: string; requestId: string }> {
  const settings = await refreshedSettings(db, await settingsBySlug(db, slug), config.production);
  await repo.purgeExpired(db, REQUEST_MAX_AGE_MS);
  // SAML ids are xs:ID: they must not start with a digit.
  const requestId = `_${randomBytes(20).toString('hex')}`;
  const url = await (
    await samlFor(db, config, settings, requestId)
  ).getAuthorizeUrlAsync('', undefined, {});
  return { url, requestId };
}

/** `Response/@InResponseTo` of a posted SAMLResponse, read only to find the municipality. */
function inResponseTo(samlResponse: string): string | undefined {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const root = parseXml(xml)?.documentElement;
  if (!root || root.localName !== 'Response') return undefined;
  return root.getAttribute('InResponseTo') || undefined;
}

interface Assertion {
  $?: { ID?: string };
  Conditions?: { $?: { NotOnOrAfter?: string } }[];
}

/** The verified assertion's id and the latest moment it could be accepted. */
function assertionFacts(profile: Profile): { id: string; expiresAt: Date } | undefined {
  const assertion = profile.getAssertion?.()?.Assertion as Assertion | undefined;
  const id = assertion?.$?.ID;
  if (!id) return undefined;
  const notOnOrAfter = Date.parse(assertion.Conditions?.[0]?.$?.NotOnOrAfter ?? '');
  const latest = Number.isNaN(notOnOrAfter) ? Date.now() + REQUEST_MAX_AGE_MS : notOnOrAfter;
  return { id, expiresAt: new Date(Math.max(latest, Date.now()) + CLOCK_SKEW_MS) };
}

/** The person the IdP vouches for, in the municipality's terms. */
function person(profile: Profile, settings: SamlSettings) {
  const emailValue =
    attributeValues(profile[settings.email_attribute])[0] ??
    (profile.nameID?.includes('@') ? profile.nameID : undefined);
  const email = emailValue?.trim().toLowerCase();
  const name = attributeValues(profile[settings.name_attribute])[0];
  const named = namedRoles(profile[settings.role_attribute], settings.cvr);
  const role = mapRole(named, settings.role_map);
  return { email, name, named, role };
}

/** The outcome of a sign-in: the new session's cookie value. */
export interface SamlLoginResult {
  token: string;
  userId: string;
  role: UserRole;
}

/**
 * Check a posted SAMLResponse and open a session. `boundRequestId` is the request id the
 * browser's binding cookie holds, or null when the cookie cannot travel (plain http).
 */
export async function finishSamlLogin(
  db: Kysely<Database>,
  config: SamlConfig,
  samlResponse: string,
  boundRequestId: string | null | undefined,
  now = new Date(),
): Promise<SamlLoginResult> {
  let municipalityId: string | null = null;
  const refuse = async (reason: RefusalReason, detail: Record<string, unknown> = {}) => {
    // An answer to no request of ours belongs to no municipality: nobody's audit log would
    // show it, and anyone could fill the table with them.
    if (municipalityId !== null) {
      await recordAudit(db, {
        municipalityId,
        userId: null,
        action: 'login-refused',
        entity: 'session',
        detail: { method: 'saml', reason, ...detail },
      });
    }
    return refused(reason, MESSAGES[reason]);
  };

  const requestId = inResponseTo(samlResponse);
  if (requestId === undefined) throw await refuse('unsolicited');
  const request = await repo.findRequest(db, requestId, REQUEST_MAX_AGE_MS);
  if (!request) throw await refuse('unknown_request');
  municipalityId = request.municipality_id;
  if (boundRequestId !== null && boundRequestId !== requestId) {
    throw await refuse('other_browser');
  }
  const settings = await repo.findSettings(db, request.municipality_id);
  if (!settings?.enabled) throw await refuse('unknown_request');

  let profile: Profile | null;
  try {
    ({ profile } = await (
      await samlFor(db, config, settings)
    ).validatePostResponseAsync({
      SAMLResponse: samlResponse,
    }));
  } catch (error) {
    // A failed answer uses the request up: the person starts again.
    await repo.consumeRequest(db, requestId);
    // node-saml's reason (no personal data: signature, audience, times) helps the admin.
    const why = error instanceof Error ? error.message.slice(0, 200) : 'unknown';
    throw await refuse('invalid_response', { error: why });
  }
  const facts = profile && assertionFacts(profile);
  if (!profile || !facts || profile.issuer !== settings.idp_entity_id) {
    await repo.consumeRequest(db, requestId);
    throw await refuse('invalid_response', { error: 'no assertion from the configured IdP' });
  }
  // Use the request and the assertion up, each once only across all instances.
  if (!(await repo.consumeRequest(db, requestId))) throw await refuse('replayed');
  const first = await repo.recordAssertion(db, {
    issuer: settings.idp_entity_id,
    id: facts.id,
    municipalityId: settings.municipality_id,
    expiresAt: facts.expiresAt,
  });
  if (!first) throw await refuse('replayed');

  const { email, name, named, role } = person(profile, settings);
  if (!email || !email.includes('@')) throw await refuse('no_email');
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!settings.email_domains.includes(domain)) {
    throw await refuse('domain_not_allowed', { domain });
  }
  const existing = await findUserInMunicipality(db, settings.municipality_id, email);
  if (!role) {
    // The named roles are role names from the IdP, not personal data; they show the admin
    // what to map.
    throw await refuse('no_role', { userId: existing?.id ?? null, roles: named.slice(0, 20) });
  }
  if (existing?.disabled_at) throw await refuse('disabled', { userId: existing.id });

  const token = randomBytes(32).toString('base64url');
  const userId = await db.transaction().execute(async (trx) => {
    let id = existing?.id;
    if (!existing) {
      const created = await insertSsoUser(trx, {
        municipalityId: settings.municipality_id,
        email,
        name: name || email.slice(0, email.indexOf('@')),
        role,
        passwordHash: NO_PASSWORD,
      });
      id = created.id;
      await recordAudit(trx, {
        municipalityId: settings.municipality_id,
        userId: id,
        action: 'create',
        entity: 'user',
        entityId: id,
        detail: { method: 'saml', role },
      });
    } else if (existing.role !== role) {
      await setUserRole(trx, existing.id, role);
      await recordAudit(trx, {
        municipalityId: settings.municipality_id,
        userId: existing.id,
        action: 'update',
        entity: 'user',
        entityId: existing.id,
        detail: { method: 'saml', role, previousRole: existing.role },
      });
    }
    await startSession(trx, { id: id!, municipality_id: settings.municipality_id }, token, now, {
      method: 'saml',
    });
    return id!;
  });
  return { token, userId, role };
}
