/** HTTP for consents: list with history, record, withdraw. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  consentListSchema,
  consentParams,
  consentSchema,
  newConsentInput,
  withdrawConsentInput,
} from '../../contract/consents.schema.js';
import { courseParams } from '../../contract/en-plan.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './consent.service.js';

const tags = ['consents'];

export const consentRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses/:id/consents',
    {
      schema: {
        tags,
        summary: "The course's consents, withdrawn ones included",
        params: courseParams,
        response: { 200: consentListSchema },
      },
    },
    async (request) => ({
      consents: await service.listCourseConsents(deps, requireUser(request), request.params.id),
    }),
  );

  app.post(
    '/api/courses/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent',
        params: courseParams,
        body: newConsentInput,
        response: { 201: consentSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordConsent(deps, requireUser(request), request.params.id, request.body),
        ),
  );

  app.post(
    '/api/courses/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent (effective on the next request; kept in the history)',
        params: consentParams,
        body: withdrawConsentInput,
        response: { 200: consentSchema },
      },
    },
    async (request) =>
      service.withdrawConsent(
        deps,
        requireUser(request),
        request.params.id,
        request.params.consentId,
        request.body?.reason,
      ),
  );
};
