/**
 * Text PostgreSQL cannot store: a NUL character, or a lone UTF-16 surrogate (which has no
 * UTF-8 form). Caught once for every request's JSON body and query, so every endpoint
 * answers 400 naming the field instead of failing in the database.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const unstorable = (s: string) => s.includes('\u0000') || s.match(LONE_SURROGATE) !== null;

/** The path (`a.b.0.c`) of the first string or key in a value that cannot be stored, if any. */
export function findUnstorableText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return unstorable(value) ? path || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path === '' ? String(key) : `${path}.${String(key)}`;
    // A bad key is named by its position, since the key itself cannot be shown.
    if (typeof key === 'string' && unstorable(key)) return path || '(body)';
    const found = findUnstorableText(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A `preValidation` hook: refuse a body or query holding text that cannot be stored. */
export async function rejectUnstorableText(request: FastifyRequest): Promise<void> {
  const field = findUnstorableText(request.body) ?? findUnstorableText(request.query);
  if (field === undefined) return;
  throw new AppError(
    400,
    'validation_failed',
    {
      da: `Feltet ${field} indeholder et tegn, der ikke kan gemmes (et NUL-tegn eller ugyldig Unicode).`,
      en: `The field ${field} contains a character that cannot be stored (a NUL character or invalid Unicode).`,
    },
    { issues: [{ path: field, message: 'unstorable character' }] },
  );
}
