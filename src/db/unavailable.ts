/**
 * Telling a database outage apart from a bug: a lost or refused connection is the
 * database being away (restart, failover, network), which the client should retry.
 * Classified by error class and code, never by message text.
 */

/** The database could not be reached, or the connection broke during the statement. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The database is unavailable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * SQLSTATEs of a connection that is gone or refused: class 08 (connection exception),
 * 57P01–57P03 (admin/crash shutdown, cannot connect now) and 53300 (too many connections).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors from Node when the server is down or the connection drops. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function isOutageCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return code.startsWith('08') || SQLSTATES.has(code) || SOCKET_CODES.has(code);
}

/** True when `error` (or an error it wraps) means the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (isOutageCode((e as { code?: unknown }).code)) return true;
    e = e.cause;
  }
  return false;
}
