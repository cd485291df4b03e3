/**
 * HTTP for answering a survey by personal link. No login and no cookie: the token in
 * the path is the credential, so CSRF does not apply; the routes are rate-limited.
 * Tokens never reach the logs (the request logger redacts /api/survey/ paths).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  saveAnswersBody,
  saveGroupsBody,
  savedAnswersSchema,
  savedGroupsSchema,
  submittedSchema,
  surveyParams as params,
  surveySchema,
} from '../../contract/measurements.schema.js';
import type { Database } from '../db/schema.js';
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
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/survey/:measurementId/:token',
    {
      config: surveyLimits,
      schema: {
        tags: ['survey'],
        summary: 'The survey behind a personal link',
        params,
        response: { 200: surveySchema },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.getSurvey(db, request.params.measurementId, request.params.token);
    },
  );

  app.put(
    '/api/survey/:measurementId/:token/groups',
    {
      config: surveyLimits,
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['survey'],
        summary: 'Save the groups the respondent works with',
        params,
        // Group keys: unit ids, or professions when the groups are professions.
        body: saveGroupsBody,
        response: { 200: savedGroupsSchema },
      },
    },
    async (request) =>
      service.saveGroups(
        db,
        request.params.measurementId,
        request.params.token,
        request.body.unitIds,
      ),
  );

  app.put(
    '/api/survey/:measurementId/:token/answers',
    {
      config: surveyLimits,
      bodyLimit: 256 * 1024,
      schema: {
        tags: ['survey'],
        summary: 'Save answers (idempotent; the last write for an item wins; null clears)',
        params,
        body: saveAnswersBody,
        response: { 200: savedAnswersSchema },
      },
    },
    async (request) =>
      service.saveAnswers(
        db,
        request.params.measurementId,
        request.params.token,
        request.body.answers,
      ),
  );

  app.post(
    '/api/survey/:measurementId/:token/submit',
    {
      config: surveyLimits,
      schema: {
        tags: ['survey'],
        summary: 'Submit (idempotent)',
        params,
        response: { 200: submittedSchema },
      },
    },
    async (request) => service.submitSurvey(db, request.params.measurementId, request.params.token),
  );
};
