/**
 * HTTP for signing in through OpenID Connect: the start redirects (staff and MitID), the
 * one callback, and the admin's provider settings.
 * Everything before the sign-in runs outside any municipality's scope (`tenant: false`).
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../server/config.js';
import type { CookieSettings } from '../../kernel/cookies.js';
import { newCsrfCookie } from '../../kernel/csrf.js';
import { requirePermission } from '../../kernel/request-context.js';
import { routes, userRoutes } from '../../kernel/route.js';
import { logout } from '../auth.service.js';
import { LOGIN_STATE_TTL_MS } from './oidc-client.js';
import {
  finishSignIn,
  getProvider,
  providerInputSchema,
  removeProvider,
  saveProvider,
  startSignIn,
  type OidcDeps,
} from './oidc.service.js';
import {
  oidcProviderAnswer,
  oidcProviderView,
  oidcPurpose,
} from '../../../contract/oidc.schema.js';

/** What the sign-in routes take from the app's context (`src/server/app.ts`). */
export interface OidcRouteOptions {
  db: OidcDeps['db'];
  config: Pick<Config, 'publicUrl' | 'sessionSecret' | 'production'>;
  deps: Pick<OidcDeps, 'vault'>;
  cookies: CookieSettings;
  /** The citizen session cookie's name (as the citizen view's routes use it). */
  cookieName: string;
}

const redirect = { 302: z.null().describe('redirect (to the provider, or back into Samspil)') };
const beforeLogin = { rateLimit: { max: 30, timeWindow: '1 minute' }, tenant: false };
const purposeParams = z.object({ purpose: oidcPurpose });

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

  route.get('/api/auth/oidc/start', {
    config: beforeLogin,
    summary: "Start a staff sign-in at the municipality's OpenID Connect provider",
    querystring: z
      .object({
        municipality: z.string().max(100).optional(),
        email: z.string().max(254).optional(),
      })
      .refine((q) => q.municipality || q.email, 'municipality or email'),
    response: redirect,
    handler: async ({ query }, reply) =>
      toProvider(
        reply,
        await startSignIn(deps, 'staff', { slug: query.municipality, email: query.email }),
      ),
  });

  route.get('/api/auth/mitid/start', {
    config: beforeLogin,
    summary: "Start a citizen's MitID sign-in at the municipality's broker",
    querystring: z.object({ municipality: z.string().min(1).max(100) }),
    response: redirect,
    handler: async ({ query }, reply) =>
      toProvider(reply, await startSignIn(deps, 'citizen', { slug: query.municipality })),
  });

  route.get('/api/auth/oidc/callback', {
    config: beforeLogin,
    summary: 'Where the provider sends the browser back; opens the session',
    response: redirect,
    handler: async (request, reply) => {
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
  });

  userRoute.get('/api/municipality/oidc/:purpose', {
    summary: "The municipality's OpenID Connect provider for staff or citizens (admins)",
    params: purposeParams,
    response: { 200: oidcProviderAnswer },
    handler: async (user, { params }) => ({
      provider: await getProvider(deps, user, params.purpose),
    }),
  });

  userRoute.put('/api/municipality/oidc/:purpose', {
    summary: 'Set the OpenID Connect provider (admins); used from the next sign-in on',
    params: purposeParams,
    body: providerInputSchema,
    response: { 200: z.object({ provider: oidcProviderView }) },
    handler: async (user, { params, body }) => {
      requirePermission(user, 'signIn.manage');
      return {
        provider: await saveProvider(deps, user.municipalityId, user.userId, params.purpose, body),
      };
    },
  });

  userRoute.delete('/api/municipality/oidc/:purpose', {
    summary: 'Remove the OpenID Connect provider (admins)',
    params: purposeParams,
    response: { 204: z.null().describe('removed') },
    handler: async (user, { params }) => {
      await removeProvider(deps, user, params.purpose);
      return null;
    },
  });
};
