/**
 * The error contract: every 4xx/5xx leaves the server as JSON
 * `{ statusCode, code, message: { da, en }, details? }`, and clients decide by `code` only.
 */

/** A human message in both of the product's languages. */
export interface Message {
  da: string;
  en: string;
}

/** The stable codes an error response carries. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'session_expired'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_file'
  | 'import_invalid'
  | 'invalid_credentials'
  | 'account_locked'
  | 'rate_limited'
  | 'closed'
  | 'unavailable'
  | 'measurement_open'
  | 'wrong_measurement_kind'
  | 'internal';
