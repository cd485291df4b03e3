/**
 * CSRF protection: a signed double-submit token.
 *
 * The server sets an HttpOnly cookie holding `nonce.hmac(nonce)` and hands the same
 * value to the page in `GET /api/session`. Every state-changing request must echo it
 * in the `x-csrf-token` header. A cross-site page can neither read the value nor
 * forge a signed one.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';

/** Make a new signed token. */
export function newCsrfToken(secret: string): string {
  const nonce = randomBytes(24).toString('base64url');
  return `${nonce}.${sign(secret, nonce)}`;
}

function sign(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');
}

/** True when the header equals the cookie and the cookie carries our signature. */
export function csrfValid(secret: string, cookie: string | undefined, header: unknown): boolean {
  if (typeof header !== 'string' || cookie === undefined) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
  const [nonce, mac] = cookie.split('.');
  if (!nonce || !mac) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** True for methods that change state. */
export const isUnsafeMethod = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
