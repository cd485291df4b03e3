/**
 * Logging in and out, and turning a session cookie into the acting user.
 *
 * Sessions live in the database under the SHA-256 of their cookie value. A session
 * ends after 30 idle minutes or 12 hours in all; every login makes a new session id.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit, recordUserAudit } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import type { UserRole } from '../../contract/users.js';
import { AppError } from '../kernel/errors.js';
import * as repo from './auth.repository.js';
import { passwordsRefused } from './oidc/oidc.repository.js';
import {
  FREE_ACCOUNT_FAILURES,
  KNOWN_ADDRESS_MS,
  THROTTLE_WINDOW_MS,
  throttleWait,
} from './login-throttle.js';
import { passwordlessMunicipalities as samlOnlyMunicipalities } from './saml/saml.repository.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password.js';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Refresh `last_seen_at` at most this often, to spare a write per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** The user a request acts as; the tenant comes from here and never from the request. */
export interface AuthUser {
  userId: string;
  municipalityId: string;
  municipalityName: string;
  role: UserRole;
  name: string;
  email: string;
  personId: string | null;
}

export type SessionLookup =
  { status: 'valid'; user: AuthUser } | { status: 'expired' } | { status: 'none' };

/** The stored form of a session cookie value (SAML sign-in opens sessions too). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', {
    da: 'Forkert e-mail eller adgangskode.',
    en: 'Wrong e-mail or password.',
  });

/** A right password in a municipality whose staff sign in only through its own provider. */
const passwordsOff = () =>
  new AppError(
    403,
    'forbidden',
    {
      da: 'Din kommune bruger sit eget login. Skriv din e-mail, og vælg "Log ind med kommunens login".',
      en: "Your municipality uses its own sign-in. Enter your e-mail and choose the municipality's sign-in.",
    },
    { reason: 'password_login_disabled' },
  );

/** A login refused by the throttle; `retryAfterSeconds` goes out as `Retry-After`. */
const throttled = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'rate_limited',
    {
      da: `For mange forkerte forsøg. Vent ${waitText(retryAfterSeconds, 'da')}, og prøv igen.`,
      en: `Too many failed attempts. Wait ${waitText(retryAfterSeconds, 'en')} and try again.`,
    },
    { retryAfterSeconds },
  );

function waitText(seconds: number, lang: 'da' | 'en'): string {
  if (seconds < 60) return lang === 'da' ? `${seconds} sekunder` : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return lang === 'da' ? `${minutes} minutter` : `${minutes} minutes`;
}

/**
 * Check the credentials and open a new session; returns the cookie value. Attempts are
 * throttled per account and per address (`login-throttle.ts`); `address` is the client's
 * address as the app sees it (request.ip, honouring only TRUST_PROXY).
 */
export async function login(
  db: Kysely<Database>,
  credentials: { email: string; password: string; address: string },
  now = new Date(),
): Promise<{ token: string; user: AuthUser }> {
  const { email, password, address } = credentials;
  // Count and record the attempt under a lock, before the (slow) password check, so
  // parallel attempts are counted against each other.
  const attempt = await db.transaction().execute(async (trx) => {
    await repo.lockLoginKeys(trx, email, address);
    const counts = await repo.throttleCounts(
      trx,
      email,
      address,
      THROTTLE_WINDOW_MS,
      KNOWN_ADDRESS_MS,
    );
    const held = throttleWait(counts);
    if (held) return { held: true as const, ms: held.ms };
    const id = await repo.recordLoginAttempt(trx, email, false, address);
    return { held: false as const, id, counts };
  });
  if (attempt.held) throw throttled(Math.max(1, Math.ceil(attempt.ms / 1000)));

  // One e-mail may have a login in several municipalities: the password decides which
  // (the most recently used when it fits more than one). Every candidate is checked, so
  // the time taken does not tell which of them is disabled.
  const candidates = await repo.findUsersByEmail(db, email);
  // Municipalities that sign in with SAML only have turned passwords off.
  const ssoOnly = await samlOnlyMunicipalities(db, [
    ...new Set(candidates.map((c) => c.municipality_id)),
  ]);
  let match: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    const valid = await verifyPassword(candidate.password_hash, password);
    if (valid && candidate.disabled_at === null && !ssoOnly.has(candidate.municipality_id)) {
      match ??= candidate;
    }
  }
  if (candidates.length === 0) await verifyPassword(await dummyHash, password);
  if (!match) {
    if (attempt.counts.accountFailures + 1 === FREE_ACCOUNT_FAILURES) {
      // The account is throttled from now on: say so once, with nothing but its id.
      for (const candidate of candidates) {
        await recordAudit(db, {
          municipalityId: candidate.municipality_id,
          userId: null,
          action: 'login-throttled',
          entity: 'user',
          entityId: candidate.id,
        });
      }
    }
    throw invalidCredentials();
  }
  const user = match;
  if (await passwordsRefused(db, user.municipality_id)) throw passwordsOff();
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await repo.markAttemptSucceeded(trx, attempt.id);
    await startSession(trx, user, token, now);
  });
  await repo.purgeLoginAttempts(db, KNOWN_ADDRESS_MS);
  const session = await lookupSession(db, token, now);
  if (session.status !== 'valid') throw invalidCredentials();
  return { token, user: session.user };
}

/**
 * Store a new session for `token`, mark the login and audit it (with `detail`: how the user
 * signed in, never personal data). Every way of signing in ends here, inside its transaction.
 */
export async function startSession(
  trx: Kysely<Database>,
  user: { id: string; municipality_id: string },
  token: string,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<void> {
  await repo.insertSession(trx, {
    idHash: hashToken(token),
    userId: user.id,
    municipalityId: user.municipality_id,
    now,
  });
  await repo.markLogin(trx, user.id, now);
  await recordAudit(trx, {
    municipalityId: user.municipality_id,
    userId: user.id,
    action: 'login',
    entity: 'session',
    ...(detail === undefined ? {} : { detail }),
  });
}

/**
 * Open a session for a user whose identity another system vouched for (single sign-on);
 * audited as a login with `detail` (the method, never personal data). Returns the cookie value.
 */
export async function openSession(
  db: Kysely<Database>,
  user: { id: string; municipality_id: string },
  detail: Record<string, unknown>,
  now = new Date(),
): Promise<{ token: string; user: AuthUser }> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute((trx) => startSession(trx, user, token, now, detail));
  const session = await lookupSession(db, token, now);
  if (session.status !== 'valid') throw invalidCredentials();
  return { token, user: session.user };
}

/** Resolve a cookie value to its user, ending sessions past their timeouts. */
export async function lookupSession(
  db: Kysely<Database>,
  token: string | undefined,
  now = new Date(),
): Promise<SessionLookup> {
  if (token === undefined || token === '' || token.length > 100) return { status: 'none' };
  const idHash = hashToken(token);
  const row = await repo.findSession(db, idHash);
  if (!row) return { status: 'expired' };
  const idle = now.getTime() - row.last_seen_at.getTime();
  const age = now.getTime() - row.created_at.getTime();
  if (idle > IDLE_TIMEOUT_MS || age > ABSOLUTE_TIMEOUT_MS || row.disabled_at !== null) {
    await repo.deleteSession(db, idHash);
    return { status: 'expired' };
  }
  if (idle > TOUCH_INTERVAL_MS) await repo.touchSession(db, idHash, now);
  return {
    status: 'valid',
    user: {
      userId: row.user_id,
      municipalityId: row.municipality_id,
      municipalityName: row.municipality_name,
      role: row.role,
      name: row.name,
      email: row.email,
      personId: row.person_id,
    },
  };
}

/**
 * Change one's own password: the current password must be right, the new one must
 * meet the rules. Every other session of the user ends; the current one stays.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  user: AuthUser,
  token: string | undefined,
  current: string,
  next: string,
  address: string,
): Promise<void> {
  const row = await repo.findUserById(db, user.userId);
  if (!row || !(await verifyPassword(row.password_hash, current))) {
    await repo.recordLoginAttempt(db, user.email, false, address);
    throw new AppError(400, 'invalid_credentials', {
      da: 'Den nuværende adgangskode er forkert.',
      en: 'The current password is wrong.',
    });
  }
  const problem = await passwordProblem(next, { email: user.email, name: user.name });
  if (problem) throw new AppError(400, 'bad_request', problem);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash })
      .where('id', '=', user.userId)
      .execute();
    await repo.deleteOtherSessions(trx, user.userId, token ? hashToken(token) : '');
    await recordUserAudit(trx, user, 'change-password', 'user', user.userId, {});
  });
}

/** End the session behind a cookie value. */
export async function logout(db: Kysely<Database>, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(db, hashToken(token));
}
