/**
 * CSRF protection: a signed double-submit token bound to the session.
 *
 * The server sets an HttpOnly cookie holding `nonce.hmac(nonce)`. The page gets a token
 * `nonce.hmac(nonce, session)` from `GET /api/session` (and from the login) and echoes it in
 * the `x-csrf-token` header of every state-changing request. The token is valid only with
 * the cookie of the same nonce *and* the session cookie it was made for, so a token seen
 * in one session (or before a login) is worthless in another. Before login the "session"
 * is empty, which keeps the login, the survey and the citizen view working.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';

/** Make the value of a new CSRF cookie. */
export function newCsrfCookie(secret: string): string {
  const nonce = randomBytes(24).toString('base64url');
  return `${nonce}.${mac(secret, `cookie:${nonce}`)}`;
}

/**
 * The nonce of a CSRF cookie we signed, or undefined for a missing or forged one.
 * A caller with no valid cookie sets a new one before handing out a token.
 */
export function csrfCookieNonce(secret: string, cookie: string | undefined): string | undefined {
  if (cookie === undefined) return undefined;
  const [nonce, signature, ...rest] = cookie.split('.');
  if (!nonce || !signature || rest.length > 0) return undefined;
  // Cookies made before tokens were bound to sessions were signed as `csrf:nonce`.
  const valid = [`cookie:${nonce}`, `csrf:${nonce}`].some((input) =>
    same(mac(secret, input), signature),
  );
  return valid ? nonce : undefined;
}

/** The token for the page: bound to the cookie's nonce and the session cookie's value. */
export function csrfToken(secret: string, nonce: string, session: string | undefined): string {
  return `${nonce}.${mac(secret, `token:${nonce}:${session ?? ''}`)}`;
}

/** True when the header is the token for this request's CSRF cookie and session cookie. */
export function csrfValid(
  secret: string,
  cookie: string | undefined,
  session: string | undefined,
  header: unknown,
): boolean {
  if (typeof header !== 'string') return false;
  const nonce = csrfCookieNonce(secret, cookie);
  if (nonce === undefined) return false;
  return same(csrfToken(secret, nonce, session), header);
}

function mac(secret: string, input: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True for methods that change state. */
export const isUnsafeMethod = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
