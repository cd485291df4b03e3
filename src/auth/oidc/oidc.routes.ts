/**
 * HTTP for signing in through OpenID Connect: the start redirects (staff and MitID), the
 * one callback, and the admin's provider settings.
 * Everything before the sign-in runs outside any municipality's scope (`tenant: false`).
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Config } from '../../server/config.js';
import type { CookieSettings } from '../../kernel/cookies.js';
import { newCsrfCookie } from '../../kernel/csrf.js';
import { requirePermission } from '../../kernel/request-context.js';
import { routes, userRoutes } from '../../kernel/route.js';
import { oidcApi } from '../../../contract/oidc.api.js';
import { logout } from '../auth.service.js';
import { LOGIN_STATE_TTL_MS } from './oidc-client.js';
import {
  finishSignIn,
  getProvider,
  removeProvider,
  saveProvider,
  startSignIn,
  type OidcDeps,
} from './oidc.service.js';

/** What the sign-in routes take from the app's context (`src/server/app.ts`). */
export interface OidcRouteOptions {
  db: OidcDeps['db'];
  config: Pick<Config, 'publicUrl' | 'sessionSecret' | 'production'>;
  deps: Pick<OidcDeps, 'vault'>;
  cookies: CookieSettings;
  /** The citizen session cookie's name (as the citizen view's routes use it). */
  cookieName: string;
}

const beforeLogin = { rateLimit: { max: 30, timeWindow: '1 minute' }, tenant: false };

export const oidcRoutes: FastifyPluginAsync<OidcRouteOptions> = async (
  plugin,
  { db, config, deps: { vault }, cookies, cookieName: citizenCookie },
) => {
  const route = routes(plugin, ['sign-in']);
  const userRoute = userRoutes(plugin, ['sign-in']);
  const deps: OidcDeps = {
    db,
    vault,
    publicUrl: config.publicUrl,
    sessionSecret: config.sessionSecret,
    production: config.production,
  };
  const stateCookie = cookies.session.startsWith('__Host-') ? '__Host-oidc' : 'samspil-oidc';
  // Lax, not Strict: the cookie must come back with the provider's redirect to the callback.
  const stateOptions: CookieSerializeOptions = {
    ...cookies.options,
    sameSite: 'lax',
    maxAge: LOGIN_STATE_TTL_MS / 1000,
  };

  const toProvider = (reply: FastifyReply, started: { url: string; cookie: string }) => {
    void reply.setCookie(stateCookie, started.cookie, stateOptions);
    void reply.header('cache-control', 'no-store');
    return reply.redirect(started.url, 302);
  };

  route(
    oidcApi.startSignIn,
    async ({ query }, reply) =>
      toProvider(
        reply,
        await startSignIn(deps, 'staff', { slug: query.municipality, email: query.email }),
      ),
    { config: beforeLogin },
  );

  route(
    oidcApi.startMitidSignIn,
    async ({ query }, reply) =>
      toProvider(reply, await startSignIn(deps, 'citizen', { slug: query.municipality })),
    { config: beforeLogin },
  );

  route(
    oidcApi.finishSignIn,
    async (request, reply) => {
      const query = request.url.includes('?')
        ? request.url.slice(request.url.indexOf('?') + 1)
        : '';
      const result = await finishSignIn(deps, request.cookies[stateCookie], query);
      // The state is used up, whatever the outcome.
      void reply.clearCookie(stateCookie, stateOptions);
      void reply.header('cache-control', 'no-store');
      if (result.kind === 'staff') {
        await logout(deps.db, request.cookies[cookies.session]);
        void reply.setCookie(cookies.session, result.token, cookies.options);
        // A fresh CSRF cookie: no token from before the sign-in works after it.
        void reply.setCookie(cookies.csrf, newCsrfCookie(deps.sessionSecret), cookies.options);
        return reply.redirect('/', 302);
      }
      if (result.kind === 'citizen') {
        void reply.setCookie(citizenCookie, result.session, {
          ...cookies.options,
          expires: result.expiresAt,
        });
        return reply.redirect(`/borger/mitid/${encodeURIComponent(result.slug)}`, 302);
      }
      const target =
        result.purpose === 'citizen' && result.slug
          ? `/borger/mitid/${encodeURIComponent(result.slug)}?fejl=${result.reason}`
          : `/login?sso=${result.reason}`;
      return reply.redirect(target, 302);
    },
    { config: beforeLogin },
  );

  userRoute(oidcApi.getProvider, async (user, { params }) => ({
    provider: await getProvider(deps, user, params.purpose),
  }));

  userRoute(oidcApi.saveProvider, async (user, { params, body }) => {
    requirePermission(user, 'signIn.manage');
    return {
      provider: await saveProvider(deps, user.municipalityId, user.userId, params.purpose, body),
    };
  });

  userRoute(oidcApi.removeProvider, async (user, { params }) => {
    await removeProvider(deps, user, params.purpose);
    return null;
  });
};
