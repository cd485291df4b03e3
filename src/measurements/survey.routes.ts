/**
 * HTTP for answering a survey by personal link. No login and no cookie: the token in
 * the path is the credential, so CSRF does not apply; the routes are rate-limited.
 * Tokens never reach the logs (the request logger redacts /api/survey/ paths).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { routes } from '../kernel/route.js';
import { surveyApi } from '../../contract/survey.api.js';
import * as service from './survey.service.js';
/**
 * Limits per link, not per IP: a whole office may answer from one address. Guessing is
 * hopeless anyway (256-bit tokens); the limit stops a runaway client hammering one link.
 */
export const surveyLimits = {
  rateLimit: {
    max: 600,
    timeWindow: '1 minute',
    keyGenerator: (request: { url: string }) =>
      `survey:${request.url.split('/').slice(0, 5).join('/')}`,
  },
  csrf: false,
  // Respondents of every municipality answer through here; the token decides what they see.
  tenant: false,
} as const;

export const surveyRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const route = routes(plugin, ['survey']);

  route(
    surveyApi.getSurvey,
    ({ params: link }, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.getSurvey(db, link.measurementId, link.token);
    },
    { config: surveyLimits },
  );

  route(
    surveyApi.saveGroups,
    ({ params: link, body }) =>
      service.saveGroups(db, link.measurementId, link.token, body.unitIds),
    { config: surveyLimits, bodyLimit: 64 * 1024 },
  );

  route(
    surveyApi.saveAnswers,
    ({ params: link, body }) =>
      service.saveAnswers(db, link.measurementId, link.token, body.answers),
    { config: surveyLimits, bodyLimit: 256 * 1024 },
  );

  route(
    surveyApi.submitSurvey,
    ({ params: link }) => service.submitSurvey(db, link.measurementId, link.token),
    { config: surveyLimits },
  );
};
