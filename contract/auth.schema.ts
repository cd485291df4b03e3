/**
 * Login, logout, the session and your own password (`/api/session`, `/api/auth/…`,
 * `/api/me…`): requests and success responses as zod schemas, and the response types
 * the web and tests use (`import type` only).
 */
import { z } from 'zod';
import { MAX_EMAIL_LENGTH } from './org.js';
import { MAX_PASSWORD_LENGTH, USER_ROLES } from './users.js';

/** `POST /api/auth/login`. */
export const loginBody = z.object({
  email: z.string().trim().min(1).max(MAX_EMAIL_LENGTH),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** `POST /api/me/password`: the new password is checked for strength by the server. */
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});

/** The logged-in user (`GET /api/me`, and inside the session and login answers). */
export const sessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
  municipality: z.object({ id: z.string(), name: z.string() }),
  /**
   * The person the login is linked to (a leader's unit comes from it), or null: the web
   * then tells a leader to ask for the link rather than ask for what would be refused.
   */
  personId: z.string().nullable(),
});
/** The logged-in user as the API returns them. */
export type SessionUser = z.infer<typeof sessionUser>;

/** `GET /api/session`: the user (null when nobody is logged in) and the CSRF token. */
export const sessionResponse = z.object({ user: sessionUser.nullable(), csrfToken: z.string() });
/** The session as the API returns it. */
export type SessionResponse = z.infer<typeof sessionResponse>;

/** `POST /api/auth/login`: the user now logged in and the CSRF token bound to the new session. */
export const loginResponse = z.object({ user: sessionUser, csrfToken: z.string() });
/** A successful login as the API returns it. */
export type LoginResponse = z.infer<typeof loginResponse>;

/** `POST /api/auth/logout`: no body. */
export const loggedOut = z
  .null()
  .describe('Logged out: the session is ended and its cookie cleared');

/** `POST /api/me/password`: no body. */
export const passwordChanged = z
  .null()
  .describe('Password changed: your other sessions are ended, this one stays');
