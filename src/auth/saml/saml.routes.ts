/**
 * SAML sign-in over HTTP: our SP metadata, the start (HTTP-Redirect AuthnRequest), the
 * assertion consumer service (HTTP-POST), and the admin's settings. Validation and HTTP
 * mapping only.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Config } from '../../server/config.js';
import type { CookieSettings } from '../../kernel/cookies.js';
import { newCsrfCookie } from '../../kernel/csrf.js';
import { AppError } from '../../kernel/errors.js';
import { routes, userRoutes } from '../../kernel/route.js';
import { samlApi } from '../../../contract/saml.api.js';
import { logout } from '../auth.service.js';
import { deleteSamlSettings, getSamlSettings, saveSamlSettings } from './saml-settings.service.js';
import {
  finishSamlLogin,
  REQUEST_MAX_AGE_MS,
  serviceProviderMetadata,
  startSamlLogin,
} from './saml.service.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refused browser step as a small page, since the person arrives by navigation, not fetch. */
function refusalPage(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
  const { da, en } = error.messages;
  return reply
    .status(error.statusCode)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Login afvist – Samspil</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>` +
        `<h1>Login afvist</h1><p>${escape(da)}</p><p lang="en">${escape(en)}</p>` +
        `<p><a href="/">Til Samspil</a> · <a href="/" lang="en">To Samspil</a></p></main></body></html>`,
    );
}

export const samlRoutes: FastifyPluginAsync<{
  db: Kysely<Database>;
  config: Config;
  cookies: CookieSettings;
}> = async (plugin, { db, config, cookies }) => {
  // The binding cookie ties an answer to the browser that asked. It must come along on the
  // IdP's cross-site POST, which only SameSite=None (hence Secure, hence https) allows.
  const binding = config.secureCookies
    ? {
        name: '__Host-saml',
        options: {
          path: '/',
          httpOnly: true,
          secure: true,
          sameSite: 'none' as const,
          maxAge: REQUEST_MAX_AGE_MS / 1000,
        },
      }
    : undefined;

  // The IdP posts the SAMLResponse as a form; this parser serves only this plugin's routes.
  plugin.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const route = routes(plugin, ['auth']);
  route(
    samlApi.getSamlMetadata,
    async (_request, reply) =>
      reply
        .type('application/samlmetadata+xml; charset=utf-8')
        .send(await serviceProviderMetadata(config)),
    { config: { tenant: false } },
  );

  route(
    samlApi.startSamlLogin,
    async ({ query }, reply) => {
      try {
        const { url, requestId } = await startSamlLogin(db, config, query.municipality);
        if (binding) void reply.setCookie(binding.name, requestId, binding.options);
        return await reply.header('cache-control', 'no-store').redirect(url, 302);
      } catch (error) {
        return refusalPage(reply, error);
      }
    },
    { config: { tenant: false, rateLimit: { max: 120, timeWindow: '1 minute' } } },
  );

  route(
    samlApi.finishSamlLogin,
    async (request, reply) => {
      try {
        const bound = binding ? (request.cookies[binding.name] ?? '') : null;
        const { token } = await finishSamlLogin(db, config, request.body.SAMLResponse, bound);
        await logout(db, request.cookies[cookies.session]);
        if (binding) void reply.clearCookie(binding.name, binding.options);
        // A top-level navigation may set SameSite=Strict cookies even when it comes from
        // another site; the page then loads its session with a same-site fetch.
        void reply.setCookie(cookies.session, token, cookies.options);
        void reply.setCookie(cookies.csrf, newCsrfCookie(config.sessionSecret), cookies.options);
        return await reply.header('cache-control', 'no-store').redirect('/', 303);
      } catch (error) {
        return refusalPage(reply, error);
      }
    },
    {
      // A cross-site form POST from the IdP: no CSRF token can come along. The signed
      // assertion answering our own stored request (and the binding cookie) takes its place.
      config: { tenant: false, csrf: false, rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
  );

  const settings = userRoutes(plugin, ['municipality']);
  settings(samlApi.getSamlSettings, (user) => getSamlSettings(db, config, user));

  settings(samlApi.saveSamlSettings, (user, { body }) => saveSamlSettings(db, config, user, body));

  settings(samlApi.deleteSamlSettings, async (user) => {
    await deleteSamlSettings(db, user);
    return null;
  });
};
