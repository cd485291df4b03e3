/**
 * A small typed client for the Samspil API.
 *
 * Sends the CSRF token on every state-changing request, turns the server's JSON error
 * bodies into `ApiError`, and tells the session when the server says the user is no
 * longer logged in.
 */
import type { ErrorCode, Message } from '../../../contract/errors.js';

export type { Message };

/** The server's error codes, plus `network` when the server could not be reached. */
export type ApiErrorCode = ErrorCode | 'network';

/** An error from the API: HTTP status, stable code and a message in Danish and English. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    /** The human message in both languages; show the one of the current language. */
    readonly messages: Message,
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'ApiError';
  }
}

const CSRF_HEADER = 'x-csrf-token';
let csrfToken = '';
let sessionLost: ((error: ApiError) => void) | undefined;

/** Remember the CSRF token from `GET /api/session` or a login. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Be told when a request comes back 401 `session_expired` or `unauthenticated`. */
export function onSessionLost(handler: ((error: ApiError) => void) | undefined): void {
  sessionLost = handler;
}

const networkError = () =>
  new ApiError(0, 'network', {
    da: 'Kunne ikke få forbindelse til serveren. Tjek din forbindelse, og prøv igen.',
    en: 'Could not reach the server. Check your connection and try again.',
  });

/** Whether a value is a `{ da, en }` message, as the API sends in its errors. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Message).da === 'string' &&
    typeof (value as Message).en === 'string'
  );
}

function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { code, message, details } = body as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    if (typeof code === 'string' && isMessage(message)) {
      return new ApiError(status, code as ErrorCode, message, details);
    }
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'bad_request', {
    da: `Serveren svarede med en uventet fejl (${status}).`,
    en: `The server answered with an unexpected error (${status}).`,
  });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers[CSRF_HEADER] = csrfToken;
  try {
    return await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body);
  if (response.status === 403 && method !== 'GET') {
    // The CSRF cookie may have been renewed in another tab: fetch the token once and retry.
    const error = toApiError(
      403,
      await response
        .clone()
        .json()
        .catch(() => undefined),
    );
    if (error.code === 'csrf_failed') {
      await refreshCsrfToken();
      response = await send(method, path, body);
    }
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = toApiError(response.status, data);
    if (error.code === 'session_expired' || error.code === 'unauthenticated') sessionLost?.(error);
    throw error;
  }
  return data as T;
}

/**
 * Fetch the CSRF token unless one is held: pages without a staff session (the citizen
 * view) call this before their first change, so it is not refused (an error in the
 * browser's console) and retried.
 */
export async function ensureCsrfToken(): Promise<void> {
  if (csrfToken === '') await refreshCsrfToken();
}

async function refreshCsrfToken(): Promise<void> {
  const response = await send('GET', '/api/session', undefined);
  if (!response.ok) return;
  const data = (await response.json()) as { csrfToken?: unknown };
  if (typeof data.csrfToken === 'string') csrfToken = data.csrfToken;
}

/** Typed calls to `/api/...`; every failure rejects with an `ApiError`. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  /** Send one file as the multipart field `file`. */
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<T>('POST', path, form);
  },
};

/** Turn anything thrown into an `ApiError`, so the interface has one kind of error to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'internal', {
    da: 'Der skete en uventet fejl. Prøv igen.',
    en: 'An unexpected error occurred. Please try again.',
  });
}
