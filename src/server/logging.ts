/**
 * The JSON log (Fastify's pino): what a request line holds, what is redacted by path,
 * and how errors are written so that no SQL value or personal data reaches the log.
 */
import type { FastifyServerOptions } from 'fastify';
import { messages as pglite } from '@electric-sql/pglite';
import pg from 'pg';
import type { LogLevel } from './config.js';

/** Personal survey and citizen links carry their token in the path: keep it out of logs. */
export const redactTokens = (url: string) =>
  url
    .replace(/\/(survey|s|borger)\/([^/]+)\/[^/?]+/, '/$1/$2/[token]')
    // CPR numbers never reach the log (the citizen lookup takes one in its query).
    .replace(/([?&]cpr=)[^&]*/g, '$1[cpr]')
    // The OpenID Connect callback's code and state, and an e-mail to start a sign-in with.
    .replace(/([?&](?:code|state|email)=)[^&]*/g, '$1[redacted]');

/**
 * Paths censored wherever they appear in a log line: credentials in headers, and any
 * body or personal field someone might log by mistake (bodies are never logged on purpose).
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
  'payload',
  '*.password',
  '*.cpr',
  '*.email',
  '*.name',
  '*.token',
];

/** Fields of a PostgreSQL error that name things, never values (unlike message and detail). */
const PG_SAFE_FIELDS = [
  'code',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

/** The stack without its first line, which repeats the message. */
const frames = (error: Error) => error.stack?.split('\n').slice(1).join('\n') ?? '';

/** An error as the log writes it. */
export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/**
 * An error as the log sees it. A PostgreSQL error's message, detail and where can
 * quote the statement's values ("Failing row contains (…)", "invalid input syntax …:
 * "Jens""), so only its code and the names of what failed are kept; causes likewise.
 * PGlite throws its own copy of the same class.
 */
export function safeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  if (error instanceof pg.DatabaseError || error instanceof pglite.DatabaseError) {
    const fields: LoggedError = {
      type: 'DatabaseError',
      message: `PostgreSQL error ${error.code ?? ''}`.trim(),
      stack: frames(error),
    };
    for (const key of PG_SAFE_FIELDS) if (error[key] !== undefined) fields[key] = error[key];
    return fields;
  }
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    // Messages of our own and library errors do not carry SQL values; pg's are above.
    message: error.message,
    stack: frames(error),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: safeError(error.cause, depth + 1) } : {}),
  };
}

/** Fastify's logger options: JSON lines at `level`, redacted, to `stream` (stdout by default). */
export function loggerOptions(
  level: LogLevel,
  stream?: { write: (line: string) => void },
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req) => ({
        method: req.method,
        url: redactTokens(req.url),
        route: req.routeOptions.url,
      }),
      res: (res) => ({ statusCode: res.statusCode }),
      err: safeError,
    },
  };
}
