/**
 * Signing in through a municipality's OpenID Connect provider: staff through their own
 * identity provider (Entra ID, AD FS, …), citizens with MitID through a broker. Also the
 * admin's provider settings (settings page and `samspil sso-oidc`).
 *
 * Staff: the e-mail claim names the login within the provider's municipality; the role
 * claim, through the role mapping, gives the role at every sign-in. A first sign-in with a
 * mapped role creates the login; one without a mapped role, outside the allowed domains or
 * of a disabled login is refused. Citizens: the CPR claim is hashed like a course's CPR and
 * matched against that municipality's open courses with a valid consent. Every sign-in and
 * every refusal is audited, naming no person beyond a user or member id.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit, recordUserAudit } from '../../audit/audit.repository.js';
import { listConsents } from '../../consents/consent.repository.js';
import { consentValid, danishToday } from '../../courses/course-access.js';
import { findCoursesByCprHash } from '../../courses/course.repository.js';
import { parseCpr, type CprVault } from '../../courses/cpr.js';
import type { Database } from '../../db/schema.js';
import type { OidcProvider, OidcPurpose } from '../../db/tables/oidc-provider.table.js';
import type { UserRole } from '../../db/tables/user.table.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { CITIZEN_SESSION_MS } from '../../citizen-view/citizen-view.service.js';
import * as citizenRepo from '../../citizen-view/citizen-view.repository.js';
import { openSession, type AuthUser } from '../auth.service.js';
import {
  authorizationRequest,
  openLoginState,
  providerConfiguration,
  redeemCode,
  sealLoginState,
} from './oidc-client.js';
import * as repo from './oidc.repository.js';
import { providerInputSchema, type ProviderInput } from '../../../contract/oidc.schema.js';
import { requirePermission } from '../../kernel/request-context.js';
import { findUserInMunicipality, insertSsoUser, setUserRole } from '../sso-user.js';

export type { ProviderInput };

/** What signing in through OpenID Connect needs. */
export interface OidcDeps {
  db: Kysely<Database>;
  vault: CprVault;
  /** Base of the callback URL registered at the provider. */
  publicUrl: string;
  /** Signs the sign-in state cookie. */
  sessionSecret: string;
  /** Outside production a provider may speak plain http (tests, a local provider). */
  production: boolean;
}

/** The callback every provider sends the browser back to (register it at the provider). */
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** Which roles win when the role claim maps to several: the widest first. */
const ROLE_ORDER: readonly UserRole[] = ['admin', 'analytiker', 'leder', 'sagsbehandler'];

/** A provider setting as shown to the admin: never the secret. */
export interface ProviderView extends Omit<
  repo.OidcProviderInput,
  'municipalityId' | 'clientSecretSealed'
> {
  hasSecret: true;
  callbackUrl: string;
  updatedAt: string;
}

function view(row: OidcProvider, publicUrl: string): ProviderView {
  return {
    purpose: row.purpose,
    issuer: row.issuer,
    clientId: row.client_id,
    hasSecret: true,
    emailClaim: row.email_claim,
    roleClaim: row.role_claim,
    roleMap: row.role_map,
    domains: row.domains,
    passwordsAllowed: row.passwords_allowed,
    cprClaim: row.cpr_claim,
    callbackUrl: `${publicUrl}${CALLBACK_PATH}`,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The municipality's provider for one purpose (admins), or null. */
export async function getProvider(
  deps: OidcDeps,
  user: AuthUser,
  purpose: OidcPurpose,
): Promise<ProviderView | null> {
  requirePermission(user, 'signIn.manage');
  const row = await repo.findProvider(deps.db, user.municipalityId, purpose);
  return row ? view(row, deps.publicUrl) : null;
}

/**
 * Save a provider setting for a municipality (the settings page as an admin, or the CLI
 * with no user). Takes effect at the next sign-in on every instance.
 */
export async function saveProvider(
  deps: OidcDeps,
  municipalityId: string,
  userId: string | null,
  purpose: OidcPurpose,
  raw: ProviderInput,
): Promise<ProviderView> {
  const parsed = providerInputSchema.safeParse(raw);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]!;
    throw new AppError(
      400,
      'validation_failed',
      {
        da: `Ugyldig indstilling (${problem.path.join('.')}): ${problem.message}`,
        en: `Invalid setting (${problem.path.join('.')}): ${problem.message}`,
      },
      { issues: parsed.error.issues },
    );
  }
  const input = parsed.data;
  if (deps.production && new URL(input.issuer).protocol !== 'https:') {
    throw new AppError(400, 'validation_failed', {
      da: 'Udstederens adresse skal begynde med https://.',
      en: 'The issuer URL must start with https://.',
    });
  }
  const existing = await repo.findProvider(deps.db, municipalityId, purpose);
  if (input.clientSecret === undefined && !existing) {
    throw new AppError(400, 'validation_failed', {
      da: 'Angiv klienthemmeligheden (client secret).',
      en: 'Give the client secret.',
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertProvider(trx, {
      municipalityId,
      purpose,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretSealed:
        input.clientSecret === undefined
          ? existing!.client_secret_sealed
          : deps.vault.seal(input.clientSecret),
      emailClaim: input.emailClaim,
      roleClaim: input.roleClaim,
      roleMap: input.roleMap,
      domains: [...new Set(input.domains)],
      passwordsAllowed: input.passwordsAllowed,
      cprClaim: input.cprClaim,
    });
    await recordAudit(trx, {
      municipalityId,
      userId,
      action: 'sso-oidc.save',
      entity: 'municipality',
      entityId: municipalityId,
      detail: { purpose, issuer: input.issuer, secretChanged: input.clientSecret !== undefined },
    });
  });
  return view((await repo.findProvider(deps.db, municipalityId, purpose))!, deps.publicUrl);
}

/** Remove the municipality's provider for one purpose (admins). */
export async function removeProvider(
  deps: OidcDeps,
  user: AuthUser,
  purpose: OidcPurpose,
): Promise<void> {
  requirePermission(user, 'signIn.manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteProvider(trx, user.municipalityId, purpose))) throw notFound();
    await recordUserAudit(trx, user, 'sso-oidc.delete', 'municipality', user.municipalityId, {
      purpose,
    });
  });
}

// ---------- signing in ----------

const noProvider = () =>
  notFound({
    da: 'Kommunen har ikke sat login op her. Brug din e-mail og adgangskode.',
    en: 'The municipality has not set up this sign-in. Use your e-mail and password.',
  });

function configurationOf(deps: OidcDeps, row: OidcProvider) {
  return providerConfiguration(row, deps.vault.unseal(row.client_secret_sealed), !deps.production);
}

/**
 * Start a sign-in at the provider of the municipality with this slug (or, for staff, of
 * this e-mail's domain): the URL to send the browser to and the state cookie's value.
 */
export async function startSignIn(
  deps: OidcDeps,
  purpose: OidcPurpose,
  by: { slug?: string | undefined; email?: string | undefined },
): Promise<{ url: string; cookie: string }> {
  let row;
  if (by.slug) row = await repo.findProviderBySlug(deps.db, by.slug, purpose);
  else if (by.email && purpose === 'staff') {
    const rows = await repo.findStaffProvidersByDomain(deps.db, emailDomain(by.email));
    row = rows.length === 1 ? rows[0] : undefined;
  }
  if (!row) throw noProvider();
  const configuration = await configurationOf(deps, row).catch(() => {
    throw providerDown();
  });
  const scope = purpose === 'staff' ? 'openid email profile' : 'openid';
  const { url, state } = await authorizationRequest(
    configuration,
    row,
    `${deps.publicUrl}${CALLBACK_PATH}`,
    scope,
  );
  return { url: url.href, cookie: sealLoginState(deps.sessionSecret, state) };
}

const providerDown = () =>
  new AppError(503, 'unavailable', {
    da: 'Kommunens login svarer ikke lige nu. Prøv igen om lidt.',
    en: "The municipality's sign-in does not answer right now. Try again shortly.",
  });

/** The lower-case domain of an e-mail address ('' when there is none). */
export const emailDomain = (email: string) => {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
};

/** Why a sign-in was refused; the login pages explain each in plain words. */
export type RefusalReason =
  | 'state'
  | 'expired'
  | 'provider'
  | 'email'
  | 'domain'
  | 'no-role'
  | 'disabled'
  | 'cpr'
  | 'no-course'
  | 'no-consent';

/** The end of a sign-in: a staff session, a citizen session, or a refusal. */
export type SignInResult =
  | { kind: 'staff'; token: string; user: AuthUser }
  | { kind: 'citizen'; session: string; expiresAt: Date; slug: string }
  | { kind: 'refused'; purpose: OidcPurpose; reason: RefusalReason; slug: string | null };

/**
 * Finish a sign-in at the callback: check the state cookie, redeem the code, then let the
 * staff member or citizen in (or refuse, audited).
 */
export async function finishSignIn(
  deps: OidcDeps,
  cookie: string | undefined,
  query: string,
  now = new Date(),
): Promise<SignInResult> {
  const opened = openLoginState(deps.sessionSecret, cookie, now.getTime());
  if (opened === undefined) {
    return { kind: 'refused', purpose: 'staff', reason: 'state', slug: null };
  }
  const { login } = opened;
  const row = await repo.findProvider(deps.db, login.municipalityId, login.purpose);
  if (!row) return { kind: 'refused', purpose: login.purpose, reason: 'provider', slug: null };
  const refuse = async (reason: RefusalReason, entityId: string | null = null) => {
    await recordAudit(deps.db, {
      municipalityId: row.municipality_id,
      userId: null,
      action: login.purpose === 'staff' ? 'login-refused' : 'citizen.login-refused',
      entity: login.purpose === 'staff' ? 'user' : 'course',
      entityId,
      detail: { method: login.purpose === 'staff' ? 'oidc' : 'mitid', reason },
    });
    return { kind: 'refused' as const, purpose: login.purpose, reason, slug: row.slug };
  };
  if (opened.expired) return refuse('expired');
  const params = new URLSearchParams(query);
  if (params.get('state') !== login.state) return refuse('state');
  let claims: Record<string, unknown>;
  try {
    const configuration = await configurationOf(deps, row);
    const wanted =
      login.purpose === 'staff'
        ? [row.email_claim, ...(row.role_claim ? [row.role_claim] : [])]
        : [row.cpr_claim];
    claims = await redeemCode(
      configuration,
      new URL(`${deps.publicUrl}${CALLBACK_PATH}?${params.toString()}`),
      login,
      wanted,
    );
  } catch {
    // A refused code (replayed, expired), a bad ID token or an error from the provider:
    // the reason stays out of the log and the audit, which need no more than this.
    return refuse('provider');
  }
  return login.purpose === 'staff'
    ? staffSignIn(deps, row, claims, refuse, now)
    : citizenSignIn(deps, row, claims, refuse, now);
}

/** The mapped roles of a claim value (a string or a list of strings), widest first. */
export function mappedRole(value: unknown, map: Record<string, UserRole>): UserRole | null {
  const values = Array.isArray(value) ? value : [value];
  const roles = new Set(
    values.filter((v): v is string => typeof v === 'string').map((v) => map[v]),
  );
  return ROLE_ORDER.find((role) => roles.has(role)) ?? null;
}

type Refuse = (
  reason: RefusalReason,
  entityId?: string | null,
) => Promise<Extract<SignInResult, { kind: 'refused' }>>;

async function staffSignIn(
  deps: OidcDeps,
  row: OidcProvider,
  claims: Record<string, unknown>,
  refuse: Refuse,
  now: Date,
): Promise<SignInResult> {
  const raw = claims[row.email_claim];
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254) return refuse('email');
  if (row.domains.length > 0 && !row.domains.includes(emailDomain(email))) {
    return refuse('domain');
  }
  const role = row.role_claim ? mappedRole(claims[row.role_claim], row.role_map) : null;
  const existing = await findUserInMunicipality(deps.db, row.municipality_id, email);
  if (existing?.disabled_at) return refuse('disabled', existing.id);
  // With a role claim the provider decides the role at every sign-in; without one, only
  // logins that exist already get in, keeping their role.
  if (row.role_claim && role === null) return refuse('no-role', existing?.id ?? null);
  let user = existing;
  if (!user) {
    if (role === null) return refuse('no-role');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    user = await deps.db.transaction().execute(async (trx) => {
      const created = await insertSsoUser(trx, {
        municipalityId: row.municipality_id,
        email,
        name: name.slice(0, 200),
        role,
        // No password: this login signs in through the provider only.
        passwordHash: '!sso',
      });
      await recordAudit(trx, {
        municipalityId: row.municipality_id,
        userId: null,
        action: 'user.create',
        entity: 'user',
        entityId: created.id,
        detail: { method: 'oidc', role },
      });
      return created;
    });
  } else if (role !== null && role !== user.role) {
    const from = user.role;
    await deps.db.transaction().execute(async (trx) => {
      await setUserRole(trx, user!.id, role);
      await recordAudit(trx, {
        municipalityId: row.municipality_id,
        userId: null,
        action: 'user.role',
        entity: 'user',
        entityId: user!.id,
        detail: { method: 'oidc', from, to: role },
      });
    });
  }
  const opened = await openSession(deps.db, user, { method: 'oidc' }, now);
  return { kind: 'staff', ...opened };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

async function citizenSignIn(
  deps: OidcDeps,
  row: OidcProvider & { slug: string },
  claims: Record<string, unknown>,
  refuse: Refuse,
  now: Date,
): Promise<SignInResult> {
  const raw = claims[row.cpr_claim];
  const cpr = typeof raw === 'string' ? parseCpr(raw, now) : null;
  if (!cpr) return refuse('cpr');
  const found = (
    await findCoursesByCprHash(deps.db, row.municipality_id, deps.vault.hash(cpr))
  ).filter((c) => c.status === 'open');
  if (found.length === 0) return refuse('no-course');
  // The citizen's own plan is shown only under a consent that covers them now.
  const today = danishToday(now);
  const consents = await listConsents(
    deps.db,
    row.municipality_id,
    found.map((c) => c.id),
  );
  const usable = found.find((c) =>
    consents.some(
      (consent) =>
        consent.course_id === c.id &&
        consentValid(consent, today) &&
        consent.member_ids.includes(c.citizen_id),
    ),
  );
  if (!usable) return refuse('no-consent', found[0]!.id);
  const session = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CITIZEN_SESSION_MS);
  await deps.db.transaction().execute(async (trx) => {
    // A link of its own, never sent anywhere, so the citizen session works as the
    // link-and-code one does (and staff can end it by revoking the link).
    const link = await citizenRepo.insertLink(trx, {
      municipality_id: row.municipality_id,
      course_id: usable.id,
      member_id: usable.citizen_id,
      token_hash: sha256(randomBytes(32).toString('base64url')),
      expires_at: expiresAt,
      code_hash: null,
      code_expires_at: null,
      locked_at: null,
      revoked_at: null,
      created_by: null,
      via: 'mitid',
    });
    await citizenRepo.insertSession(trx, {
      id_hash: sha256(session),
      link_id: link.id,
      municipality_id: row.municipality_id,
      course_id: usable.id,
      member_id: usable.citizen_id,
      expires_at: expiresAt,
    });
    await recordAudit(trx, {
      municipalityId: row.municipality_id,
      userId: null,
      action: 'citizen.login',
      entity: 'course',
      entityId: usable.id,
      citizenId: usable.citizen_id,
      detail: { actor: 'citizen', method: 'mitid', linkId: link.id },
    });
  });
  return { kind: 'citizen', session, expiresAt, slug: row.slug };
}
