/** Login, logout and the current session. Validation and HTTP mapping only. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { type SessionUser } from '../../contract/auth.schema.js';
import type { Database } from '../db/schema.js';
import type { Config } from '../server/config.js';
import type { CookieSettings } from '../kernel/cookies.js';
import { csrfCookieNonce, csrfToken, newCsrfCookie } from '../kernel/csrf.js';
import { AppError } from '../kernel/errors.js';
import { routes, userRoutes } from '../kernel/route.js';
import { authApi } from '../../contract/auth.api.js';
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

  route(authApi.getSession, (request, reply) => {
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
  });

  route(
    authApi.login,
    async (request, reply) => {
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
    {
      // Finds the user among every municipality's, whoever was logged in before.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' }, tenant: false },
    },
  );

  route(authApi.logout, async (request, reply) => {
    await logout(db, request.cookies[cookies.session]);
    void reply.clearCookie(cookies.session, cookies.options);
    return null;
  });

  userRoute(authApi.getMe, (user) => toUser(user));

  userRoute(
    authApi.changeOwnPassword,
    async (user, request) => {
      const { currentPassword, newPassword } = request.body;
      const session = request.cookies[cookies.session];
      await changeOwnPassword(db, user, session, currentPassword, newPassword, request.ip);
      return null;
    },
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
  );
};
