/**
 * SAML sign-in over HTTP: our SP metadata, the start (HTTP-Redirect AuthnRequest), the
 * assertion consumer service (HTTP-POST), and the admin's settings. Validation and HTTP
 * mapping only.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { Config } from '../../server/config.js';
import type { CookieSettings } from '../../kernel/cookies.js';
import { newCsrfCookie } from '../../kernel/csrf.js';
import { AppError } from '../../kernel/errors.js';
import { routes, userRoutes } from '../../kernel/route.js';
import { logout } from '../auth.service.js';
import { deleteSamlSettings, getSamlSettings, saveSamlSettings } from './saml-settings.service.js';
import { samlSettingsInput, samlSettingsView } from '../../../contract/saml.schema.js';
import {
  finishSamlLogin,
  REQUEST_MAX_AGE_MS,
  serviceProviderMetadata,
  startSamlLogin,
} from './saml.service.js';

const html = z.string().describe('A page saying why, in Danish and English (text/html)');

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
  route.get('/api/auth/saml/metadata', {
    config: { tenant: false },
    summary: "Samspil's SAML service provider metadata (one SP for all municipalities)",
    response: { 200: z.string().describe('SP metadata (application/samlmetadata+xml)') },
    handler: async (_request, reply) =>
      reply
        .type('application/samlmetadata+xml; charset=utf-8')
        .send(await serviceProviderMetadata(config)),
  });

  route.get('/api/auth/saml/login', {
    config: { tenant: false, rateLimit: { max: 120, timeWindow: '1 minute' } },
    summary: "Start a staff sign-in at the municipality's SAML identity provider",
    querystring: z.object({ municipality: z.string().trim().min(1).max(100) }),
    response: {
      302: z.null().describe('To the IdP with an AuthnRequest (HTTP-Redirect binding)'),
    },
    errors: { 404: html },
    handler: async ({ query }, reply) => {
      try {
        const { url, requestId } = await startSamlLogin(db, config, query.municipality);
        if (binding) void reply.setCookie(binding.name, requestId, binding.options);
        return await reply.header('cache-control', 'no-store').redirect(url, 302);
      } catch (error) {
        return refusalPage(reply, error);
      }
    },
  });

  route.post('/api/auth/saml/acs', {
    // A cross-site form POST from the IdP: no CSRF token can come along. The signed
    // assertion answering our own stored request (and the binding cookie) takes its place.
    config: { tenant: false, csrf: false, rateLimit: { max: 120, timeWindow: '1 minute' } },
    summary: 'Assertion consumer service (HTTP-POST binding): checks the answer, opens a session',
    consumes: ['application/x-www-form-urlencoded'],
    body: z.object({
      SAMLResponse: z.string().min(1).max(1_000_000),
      RelayState: z.string().max(1000).optional(),
    }),
    response: { 303: z.null().describe('Signed in: to the app') },
    errors: { 403: html },
    handler: async (request, reply) => {
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
  });

  const settings = userRoutes(plugin, ['municipality']);
  settings.get('/api/municipality/saml', {
    summary: "The municipality's SAML sign-in settings and our SP's facts (admins)",
    response: { 200: samlSettingsView },
    handler: (user) => getSamlSettings(db, config, user),
  });

  settings.put('/api/municipality/saml', {
    summary: 'Set up or change SAML sign-in (admins); takes effect at once',
    body: samlSettingsInput,
    response: { 200: samlSettingsView },
    handler: (user, { body }) => saveSamlSettings(db, config, user, body),
  });

  settings.delete('/api/municipality/saml', {
    summary: 'Turn SAML sign-in off and forget its settings (admins)',
    response: { 204: z.null() },
    handler: async (user) => {
      await deleteSamlSettings(db, user);
      return null;
    },
  });
};
