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
import type { CookieSerializeOptions } from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  health,
  notReady,
  openapiDocument,
  ready,
  type OpenapiDocument,
} from '../../contract/server.schema.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { authRoutes } from '../auth/auth.routes.js';
import { oidcRoutes } from '../auth/oidc/oidc.routes.js';
import { samlRoutes } from '../auth/saml/saml.routes.js';
import { ssoDiscoveryRoutes } from '../auth/sso-discovery.routes.js';
import { consentRoutes } from '../consents/consent.routes.js';
import { courseRoutes } from '../courses/course.routes.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { CprVault } from '../courses/cpr.js';
import { planRoutes } from '../plans/plan.routes.js';
import { meetingRoutes } from '../meetings/meeting.routes.js';
import { progressionRoutes } from '../progression/progression.routes.js';
import { fidelityRoutes } from '../fidelity/fidelity.routes.js';
import { outcomeRoutes } from '../outcomes/outcome.routes.js';
import { journalRoutes } from '../journal/journal.routes.js';
import { implementationRoutes } from '../implementation/implementation.routes.js';
import { citizenViewRoutes } from '../citizen-view/citizen-view.routes.js';
import { lookupSession } from '../auth/auth.service.js';
import type { PoolStats } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { asTenant } from '../db/tenant.js';
import type { MailTransport } from '../mail/mail-transport.js';
import { smsTransportFor, type SmsTransport } from '../mail/sms-transport.js';
import { devMailRoutes } from '../mail/dev-mail.routes.js';
import { mailRoutes } from '../mail/mail.routes.js';
import type { MeasurementDeps } from '../measurements/measurement.service.js';
import { measurementRoutes } from '../measurements/measurement.routes.js';
import { surveyRoutes } from '../measurements/survey.routes.js';
import { surveyPageRoutes } from '../measurements/survey-page.routes.js';
import { orgRoutes } from '../org/org.routes.js';
import { exportRoutes } from '../reports/export.routes.js';
import { mapPositionRoutes } from '../results/map-position.routes.js';
import { resultsRoutes } from '../results/results.routes.js';
import { analysisExtrasRoutes } from '../results/analysis-extras.routes.js';
import { benchmarkRoutes } from '../results/benchmark.routes.js';
import { municipalityRoutes } from '../municipality/municipality.routes.js';
import { usersRoutes } from '../users/users.routes.js';
import type { Notifier } from '../realtime/notifier.js';
import type { WorkshopDeps } from '../workshops/workshop.service.js';
import { workshopRoutes } from '../workshops/workshop.routes.js';
import { interventionRoutes } from '../interventions/intervention.routes.js';
import { overviewRoutes } from '../overview/overview.routes.js';
import { caseAnalysisRoutes } from '../case-analysis/case-analysis.routes.js';
import { allocationRoutes } from '../allocations/allocation.routes.js';
import type { Config } from './config.js';
import { cookieSettings, type CookieSettings } from '../kernel/cookies.js';
import { CSRF_HEADER, csrfValid, isUnsafeMethod } from '../kernel/csrf.js';
import { AppError, errorHandler, RETRY_AFTER_SECONDS } from '../kernel/errors.js';
import { loggerOptions } from './logging.js';
import { registerMetrics } from './metrics.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { rejectUnstorableText } from './text-guard.js';
import '../kernel/request-context.js';
import { MAX_UPLOAD_BYTES } from '../kernel/upload.js';

/** What the app is built from. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  /** Where mail goes: SMTP, or the outbox. */
  mail: MailTransport;
  /** Where SMS goes: the gateway, the outbox, or nowhere; defaults to what `config` says. */
  sms?: SmsTransport;
  /** Live events across app instances (the database handle's LISTEN/NOTIFY). */
  notifier: Notifier;
  /** Log requests as JSON at `config.logLevel` (off in tests). */
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write: (line: string) => void };
  /** PostgreSQL pool use for `/metrics` (the database handle's). */
  poolStats?: () => PoolStats;
  /** Directory of the built web front end; defaults to `dist/web`. */
  webDir?: string;
  /** The survey page's server renderer; defaults to `web-ssr/survey-server.js` beside `webDir`. */
  surveyRendererFile?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** `dist/web` seen from both `src/server` (tsx) and `dist/src/server` (built). */
function defaultWebDir(): string {
  const candidates = [path.resolve(here, '../../dist/web'), path.resolve(here, '../../web')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

export { redactTokens } from './logging.js';

/** How long readiness waits for the database before calling it unavailable. */
const READY_TIMEOUT_MS = 2000;

/** True when the database answers a trivial query within `READY_TIMEOUT_MS`. */
async function databaseReady(db: Kysely<Database>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    const probe = sql`SELECT 1`.execute(db).then(
      () => true,
      () => false,
    );
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The HTML page served for each light path; everything else gets the staff app's `index.html`. */
const LIGHT_PAGES = [
  { pattern: /^\/s\/[^/]+\/[^/]+\/?$/, file: 'survey.html' },
  { pattern: /^\/borger\/[^/]+\/[^/]+\/?$/, file: 'citizen.html' },
  // `/was` too: the short address Digitaliseringsstyrelsen asks public sites to give it.
  { pattern: /^\/(tilgaengelighed|was)\/?$/, file: 'tilgaengelighed.html' },
];

/**
 * Hashed build output under `assets/` never changes, so browsers keep it for a year;
 * everything else (the HTML pages, the favicon) is revalidated on every visit.
 */
function cacheControlFor(webDir: string, filePath: string): string {
  const hashed = path.relative(webDir, filePath).startsWith(`assets${path.sep}`);
  return hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * What every route plugin is registered with, built once per app. Each plugin declares the
 * part it uses (`{ db }`, `{ deps }`, …); `deps` serves every service's dependencies at once.
 */
export interface AppContext {
  db: Kysely<Database>;
  config: Config;
  cookies: CookieSettings;
  deps: CourseDeps & MeasurementDeps & WorkshopDeps;
  /** Mail goes out through SMTP (otherwise to the outbox). */
  smtp: boolean;
  /** The development mail viewer (`/dev/mail`) runs on this server. */
  devMailViewer: boolean;
  /** The citizen view's session cookie. */
  cookieName: string;
  cookieOptions: CookieSerializeOptions;
}

/** The route plugins, registered in this order (`devMailRoutes` only with the dev mail viewer). */
const ROUTES: FastifyPluginAsync<AppContext>[] = [
  authRoutes,
  ssoDiscoveryRoutes,
  oidcRoutes,
  samlRoutes,
  orgRoutes,
  usersRoutes,
  auditRoutes,
  devMailRoutes,
  mailRoutes,
  measurementRoutes,
  surveyRoutes,
  resultsRoutes,
  exportRoutes,
  mapPositionRoutes,
  courseRoutes,
  planRoutes,
  consentRoutes,
  meetingRoutes,
  progressionRoutes,
  fidelityRoutes,
  outcomeRoutes,
  journalRoutes,
  implementationRoutes,
  citizenViewRoutes,
  workshopRoutes,
  interventionRoutes,
  overviewRoutes,
  analysisExtrasRoutes,
  benchmarkRoutes,
  municipalityRoutes,
  caseAnalysisRoutes,
  allocationRoutes,
];

/** Build the Fastify app; call `listen` on the result, or `inject` in tests. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const cookies = cookieSettings(config);
  const app = Fastify({
    logger: deps.logger ? loggerOptions(config.logLevel, deps.logStream) : false,
    bodyLimit: 1024 * 1024,
    // Forwarded headers are believed only from the configured proxies (TRUST_PROXY); a hop
    // count trusts that many proxies nearest the app, as Fastify's numeric trustProxy does.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
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
  // Counted in the database, so every instance on one PostgreSQL shares the limits.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });
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
          request.cookies[cookies.session],
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

  // NUL and lone surrogates: one 400 naming the field, for every endpoint.
  app.addHook('preValidation', rejectUnstorableText);
  // A staff user's request sees only their municipality's rows (row-level security), so a
  // query that forgets its filter finds nothing of another. Entered with a callback, not
  // in the async hook above, because only then does the handler run inside the scope.
  app.addHook('preHandler', (request, _reply, done) => {
    const user = request.authUser;
    if (user === undefined || request.routeOptions.config.tenant === false) done();
    else asTenant(user.municipalityId, done);
  });

  // These describe the app rather than belong to its API: hidden from the description,
  // but each still declares what it returns.
  app.get(
    '/api/openapi.json',
    { schema: { hide: true, response: { 200: openapiDocument } } },
    // Always OpenAPI 3 here (the swagger plugin's type also allows Swagger 2).
    async () => app.swagger() as OpenapiDocument,
  );
  // Liveness: the process answers. It never touches the database, so a database
  // outage does not get healthy instances restarted.
  app.get('/api/health', { schema: { hide: true, response: { 200: health } } }, async () => ({
    ok: true as const,
  }));
  // Readiness: the database answers too; a load balancer sends no traffic until it does.
  const readiness = { 200: ready, 503: notReady };
  app.get(
    '/api/ready',
    { schema: { hide: true, response: readiness } },
    async (_request, reply) => {
      if (await databaseReady(db)) return { ready: true as const };
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ ready: false as const });
    },
  );
  if (config.metricsToken !== undefined) {
    registerMetrics(app, { token: config.metricsToken, db, poolStats: deps.poolStats });
  }

  // The demo's mailbox on the machine itself, only for trying Samspil without SMTP.
  const devMailViewer = !config.production && deps.mail.kind === 'outbox';
  const context: AppContext = {
    db,
    config,
    cookies,
    deps: {
      db,
      mail: deps.mail,
      sms: deps.sms ?? smsTransportFor(config),
      notifier: deps.notifier,
      vault: new CprVault(config.cprKey),
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
      defaultMinGroup: config.minGroupSize,
      auditRetentionDays: config.auditRetentionDays,
    },
    smtp: deps.mail.kind === 'smtp',
    devMailViewer,
    cookieName: config.secureCookies ? '__Host-borger' : 'samspil-borger',
    cookieOptions: cookies.options,
  };
  for (const routes of ROUTES) {
    if (routes === devMailRoutes && !devMailViewer) continue;
    await app.register(routes, context);
  }

  const webDir = deps.webDir ?? defaultWebDir();
  const haveWeb = existsSync(path.join(webDir, 'index.html'));
  if (haveWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file (web/vite.config.ts); send picks one
      // by Accept-Encoding, and they need no routes of their own.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', cacheControlFor(webDir, filePath));
      },
    });
  }
  // The survey link's page comes with its data and first screen (plain survey.html below
  // is the fallback for a link with a trailing slash).
  if (existsSync(path.join(webDir, 'survey.html'))) {
    await app.register(surveyPageRoutes, {
      db,
      webDir,
      rendererFile:
        deps.surveyRendererFile ?? path.join(webDir, '..', 'web-ssr', 'survey-server.js'),
    });
  }
  // The survey and the citizen view have their own light pages (no staff app in them).
  const lightPages = LIGHT_PAGES.filter(({ file }) => existsSync(path.join(webDir, file)));
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
    const pathname = request.url.split('?', 1)[0]!;
    const page = lightPages.find(({ pattern }) => pattern.test(pathname))?.file ?? 'index.html';
    return reply.type('text/html; charset=utf-8').sendFile(page);
  });

  return app;
}
