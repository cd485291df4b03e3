/** Login, logout and the current session. Validation and HTTP mapping only. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import {
  changePasswordBody,
  loggedOut,
  loginBody,
  loginResponse,
  passwordChanged,
  sessionResponse,
  sessionUser,
  type SessionUser,
} from '../../contract/auth.schema.js';
import type { Database } from '../db/schema.js';
import type { Config } from '../server/config.js';
import type { CookieSettings } from '../kernel/cookies.js';
import { csrfCookieNonce, csrfToken, newCsrfCookie } from '../kernel/csrf.js';
import { AppError } from '../kernel/errors.js';
import { routes, userRoutes } from '../kernel/route.js';
import { changeOwnPassword, login, logout, type AuthUser } from './auth.service.js';

const toUser = (user: AuthUser): SessionUser => ({
  id: user.userId,
  name: user.name,
  email: user.email,
  role: user.role,
  municipality: { id: user.municipalityId, name: user.municipalityName },
  personId: user.personId,
});

export const authRoutes: FastifyPluginAsync<{
  db: Kysely<Database>;
  config: Config;
  cookies: CookieSettings;
}> = async (plugin, { db, config, cookies }) => {
  const route = routes(plugin, ['auth']);
  const userRoute = userRoutes(plugin, ['auth']);

  route.get('/api/session', {
    summary: 'The logged-in user (or null) and the CSRF token for state-changing requests',
    response: { 200: sessionResponse },
    handler: (request, reply) => {
      let cookie = request.cookies[cookies.csrf];
      let nonce = csrfCookieNonce(config.sessionSecret, cookie);
      if (nonce === undefined) {
        cookie = newCsrfCookie(config.sessionSecret);
        nonce = csrfCookieNonce(config.sessionSecret, cookie)!;
        void reply.setCookie(cookies.csrf, cookie, cookies.options);
      }
      void reply.header('cache-control', 'no-store');
      return {
        user: request.authUser ? toUser(request.authUser) : null,
        // Bound to the session cookie the browser holds now (none before login).
        csrfToken: csrfToken(config.sessionSecret, nonce, request.cookies[cookies.session]),
      };
    },
  });

  route.post('/api/auth/login', {
    // Finds the user among every municipality's, whoever was logged in before.
    config: { rateLimit: { max: 10, timeWindow: '1 minute' }, tenant: false },
    summary: 'Log in with e-mail and password; sets the session cookie',
    body: loginBody,
    response: { 200: loginResponse },
    handler: async (request, reply) => {
      await logout(db, request.cookies[cookies.session]);
      const { token, user } = await login(db, { ...request.body, address: request.ip }).catch(
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'rate_limited') {
            const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
            void reply.header('retry-after', String(retryAfterSeconds));
          }
          throw error;
        },
      );
      // A fresh CSRF cookie and a token bound to the new session: no token from before
      // the login (or from another session) works after it.
      const cookie = newCsrfCookie(config.sessionSecret);
      void reply.setCookie(cookies.session, token, cookies.options);
      void reply.setCookie(cookies.csrf, cookie, cookies.options);
      const nonce = csrfCookieNonce(config.sessionSecret, cookie)!;
      return { user: toUser(user), csrfToken: csrfToken(config.sessionSecret, nonce, token) };
    },
  });

  route.post('/api/auth/logout', {
    summary: 'End the session',
    response: { 204: loggedOut },
    handler: async (request, reply) => {
      await logout(db, request.cookies[cookies.session]);
      void reply.clearCookie(cookies.session, cookies.options);
      return null;
    },
  });

  userRoute.get('/api/me', {
    summary: 'The logged-in user',
    response: { 200: sessionUser },
    handler: (user) => toUser(user),
  });

  userRoute.post('/api/me/password', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    summary: 'Change your own password (ends your other sessions)',
    body: changePasswordBody,
    response: { 204: passwordChanged },
    handler: async (user, request) => {
      const { currentPassword, newPassword } = request.body;
      const session = request.cookies[cookies.session];
      await changeOwnPassword(db, user, session, currentPassword, newPassword, request.ip);
      return null;
    },
  });
};
