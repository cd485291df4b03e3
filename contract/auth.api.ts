/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/auth/auth.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  changePasswordBody,
  loggedOut,
  loginBody,
  loginResponse,
  passwordChanged,
  sessionResponse,
  sessionUser,
} from './auth.schema.js';

export const authApi = operations({
  getSession: {
    method: 'GET',
    path: '/api/session',
    summary: 'The logged-in user (or null) and the CSRF token for state-changing requests',
    response: { 200: sessionResponse },
  },
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in with e-mail and password; sets the session cookie',
    body: loginBody,
    response: { 200: loginResponse },
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the session',
    response: { 204: loggedOut },
  },
  getMe: {
    method: 'GET',
    path: '/api/me',
    summary: 'The logged-in user',
    response: { 200: sessionUser },
  },
  changeOwnPassword: {
    method: 'POST',
    path: '/api/me/password',
    summary: 'Change your own password (ends your other sessions)',
    body: changePasswordBody,
    response: { 204: passwordChanged },
  },
});
