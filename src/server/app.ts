/**
 * Assembling the HTTP app: plugins, security, sessions, routes and the web front end.
 * Dependencies come in as arguments; nothing here reads the environment.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditRoutes } from '../audit/audit.routes.js';
import { authRoutes } from '../auth/auth.routes.js';
import { consentRoutes } from '../consents/consent.routes.js';
import { courseRoutes } from '../courses/course.routes.js';
import { CprVault } from '../courses/cpr.js';
import { planRoutes } from '../plans/plan.routes.js';
import { meetingRoutes } from '../meetings/meeting.routes.js';
import { progressionRoutes } from '../progression/progression.routes.js';
import { citizenViewRoutes } from '../citizen-view/citizen-view.routes.js';
import { lookupSession } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { asTenant } from '../db/tenant.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { mailRoutes } from '../mail/mail.routes.js';
import { measurementRoutes } from '../measurements/measurement.routes.js';
import { surveyRoutes } from '../measurements/survey.routes.js';
import { orgRoutes } from '../org/org.routes.js';
import { exportRoutes } from '../reports/export.routes.js';
import { mapPositionRoutes } from '../results/map-position.routes.js';
import { resultsRoutes } from '../results/results.routes.js';
import { analysisExtrasRoutes } from '../results/analysis-extras.routes.js';
import { benchmarkRoutes } from '../results/benchmark.routes.js';
import { municipalityRoutes } from '../municipality/municipality.routes.js';
import { usersRoutes } from '../users/users.routes.js';
import type { Notifier } from '../realtime/notifier.js';
import { workshopRoutes } from '../workshops/workshop.routes.js';
import { interventionRoutes } from '../interventions/intervention.routes.js';
import { overviewRoutes } from '../overview/overview.routes.js';
import { caseAnalysisRoutes } from '../case-analysis/case-analysis.routes.js';
import type { Config } from './config.js';
import { cookieSettings } from './cookies.js';
import { CSRF_HEADER, csrfValid, isUnsafeMethod } from './csrf.js';
import { AppError, errorHandler } from './errors.js';
import './request-context.js';
import { MAX_UPLOAD_BYTES } from './upload.js';

/** What the app is built from. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  /** Where mail goes: SMTP, or the outbox. */
  mail: MailTransport;
  /** Live events across app instances (the database handle's LISTEN/NOTIFY). */
  notifier: Notifier;
  /** Log requests (off in tests). */
  logger?: boolean;
  /** Directory of the built web front end; defaults to `dist/web`. */
  webDir?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** `dist/web` seen from both `src/server` (tsx) and `dist/server/server` (built). */
function defaultWebDir(): string {
  const candidates = [path.resolve(here, '../../dist/web'), path.resolve(here, '../../web')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

/** Personal survey and citizen links carry their token in the path: keep it out of logs. */
export const redactTokens = (url: string) =>
  url
    .replace(/\/(survey|s|borger)\/([^/]+)\/[^/?]+/, '/$1/$2/[token]')
    // CPR numbers never reach the log (the citizen lookup takes one in its query).
    .replace(/([?&]cpr=)[^&]*/g, '$1[cpr]');

/** Build the Fastify app; call `listen` on the result, or `inject` in tests. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const cookies = cookieSettings(config);
  const app = Fastify({
    logger: deps.logger
      ? { serializers: { req: (req) => ({ method: req.method, url: redactTokens(req.url) }) } }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.production,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Samspil API',
        description: 'Relational capacity and one plan (Én plan) for Danish municipalities.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('authUser', undefined);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (isUnsafeMethod(request.method) && request.routeOptions.config.csrf !== false) {
      if (
        !csrfValid(
          config.sessionSecret,
          request.cookies[cookies.csrf],
          request.headers[CSRF_HEADER],
        )
      ) {
        throw new AppError(403, 'csrf_failed', {
          da: 'Sikkerhedstjek fejlede. Genindlæs siden, og prøv igen.',
          en: 'Security check failed. Reload the page and try again.',
        });
      }
    }
    const token = request.cookies[cookies.session];
    if (token === undefined) return;
    const session = await lookupSession(db, token);
    if (session.status === 'valid') request.authUser = session.user;
    else request.sessionExpired = true;
  });

  // A staff user's request sees only their municipality's rows (row-level security), so a
  // query that forgets its filter finds nothing of another. Entered with a callback, not
  // in the async hook above, because only then does the handler run inside the scope.
  app.addHook('preHandler', (request, _reply, done) => {
    const user = request.authUser;
    if (user === undefined || request.routeOptions.config.tenant === false) done();
    else asTenant(user.municipalityId, done);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));

  await app.register(authRoutes, { db, config, cookies });
  await app.register(orgRoutes, { db });
  await app.register(usersRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(mailRoutes, { db, smtp: deps.mail.kind === 'smtp' });
  await app.register(measurementRoutes, {
    deps: {
      db,
      mail: deps.mail,
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
      defaultMinGroup: config.minGroupSize,
    },
  });
  await app.register(surveyRoutes, { db });
  await app.register(resultsRoutes, { db });
  await app.register(exportRoutes, { db });
  await app.register(mapPositionRoutes, { db });
  const courseDeps = {
    db,
    mail: deps.mail,
    vault: new CprVault(config.cprKey),
    publicUrl: config.publicUrl,
    auditRetentionDays: config.auditRetentionDays,
  };
  await app.register(courseRoutes, { deps: courseDeps });
  await app.register(planRoutes, { deps: courseDeps });
  await app.register(consentRoutes, { deps: courseDeps });
  await app.register(meetingRoutes, { deps: courseDeps });
  await app.register(progressionRoutes, { deps: courseDeps });
  await app.register(citizenViewRoutes, {
    deps: courseDeps,
    cookieName: config.secureCookies ? '__Host-borger' : 'samspil-borger',
    cookieOptions: cookies.options,
  });
  await app.register(workshopRoutes, { deps: { db, notifier: deps.notifier } });
  await app.register(interventionRoutes, { db });
  await app.register(overviewRoutes, { db });
  await app.register(analysisExtrasRoutes, { db });
  await app.register(benchmarkRoutes, { db });
  await app.register(municipalityRoutes, { db });
  await app.register(caseAnalysisRoutes, {
    deps: {
      db,
      mail: deps.mail,
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
      defaultMinGroup: config.minGroupSize,
    },
  });

  const webDir = deps.webDir ?? defaultWebDir();
  const haveWeb = existsSync(path.join(webDir, 'index.html'));
  if (haveWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      throw new AppError(404, 'not_found', { da: 'Siden findes ikke.', en: 'Not found.' });
    }
    if (!haveWeb) {
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="da"><title>Samspil</title><p>Samspil kører. Webdelen er ikke bygget: kør <code>npm run build</code>.</p></html>',
        );
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  return app;
}
