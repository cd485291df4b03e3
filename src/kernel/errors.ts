/**
 * One error class for HTTP and one place that maps every error to a response.
 *
 * Every 4xx/5xx leaves the server as JSON `{ statusCode, code, message: { da, en }, details? }`.
 * Services throw `AppError`; nothing decides anything from an error's message text.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, Message } from '../../contract/errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

export type { ErrorCode, Message };

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: Message;
  details?: unknown;
}

/** An error meant for the client: status, stable code, message in Danish and English. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly messages: Message,
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return {
      statusCode: this.statusCode,
      code: this.code,
      message: this.messages,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const notFound = (what: Message = { da: 'Findes ikke', en: 'Not found' }) =>
  new AppError(404, 'not_found', what);

export const forbidden = () =>
  new AppError(403, 'forbidden', {
    da: 'Du har ikke adgang til dette.',
    en: 'You do not have access to this.',
  });

export const badRequest = (message: Message, details?: unknown) =>
  new AppError(400, 'bad_request', message, details);

export const conflict = (message: Message, details?: unknown) =>
  new AppError(409, 'conflict', message, details);

interface ValidationIssue {
  path: string;
  message: string;
}

function fieldName(path: string): string {
  return path.replace(/^\//, '').replace(/\//g, '.') || '(body)';
}

/** Seconds a client is told to wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** The answer while the database is away (a restart, a failover): retry shortly. */
export const databaseUnavailable = () =>
  new AppError(503, 'unavailable', {
    da: 'Databasen er midlertidigt utilgængelig. Prøv igen om lidt.',
    en: 'The database is temporarily unavailable. Please try again shortly.',
  });

/** Map any thrown error to the JSON error body; the single place that does so. */
export function errorHandler(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = toErrorBody(error);
  // The error goes through the logger's `err` serializer, which keeps SQL values out.
  if (body.code === 'unavailable') {
    request.log.warn({ err: error }, 'database unavailable');
    void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  } else if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  void reply.status(body.statusCode).send(body);
}

function toErrorBody(error: FastifyError | AppError | Error): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  if (isDatabaseUnavailable(error)) return databaseUnavailable().toBody();
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: ValidationIssue[] = error.validation.map((issue) => ({
      path: fieldName(issue.instancePath),
      message: issue.message ?? 'invalid',
    }));
    const fields = [...new Set(issues.map((i) => i.path))].join(', ');
    return {
      statusCode: 400,
      code: 'validation_failed',
      message: {
        da: `Ugyldige oplysninger i: ${fields}.`,
        en: `Invalid input in: ${fields}.`,
      },
      details: { issues },
    };
  }
  const statusCode =
    'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  const fastifyCode = 'code' in error ? String(error.code) : '';
  if (statusCode === 413 || fastifyCode === 'FST_REQ_FILE_TOO_LARGE') {
    return {
      statusCode: 413,
      code: 'payload_too_large',
      message: {
        da: 'Filen eller forespørgslen er for stor.',
        en: 'The file or request is too large.',
      },
    };
  }
  if (statusCode === 429) {
    return {
      statusCode: 429,
      code: 'rate_limited',
      message: {
        da: 'For mange forsøg. Vent lidt, og prøv igen.',
        en: 'Too many attempts. Wait a moment and try again.',
      },
    };
  }
  if (statusCode === 415 || fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      statusCode: 415,
      code: 'bad_request',
      message: { da: 'Forkert indholdstype.', en: 'Unsupported content type.' },
    };
  }
  if (statusCode >= 400 && statusCode < 500) {
    return {
      statusCode,
      code: 'bad_request',
      message: { da: 'Forespørgslen kunne ikke læses.', en: 'The request could not be read.' },
    };
  }
  return {
    statusCode: 500,
    code: 'internal',
    message: {
      da: 'Der skete en fejl hos os. Prøv igen om lidt.',
      en: 'Something went wrong on our side. Please try again shortly.',
    },
  };
}
