/** HTTP for consents: list with history, record, withdraw. */
import type { FastifyPluginAsync } from 'fastify';
import {
  consentListSchema,
  consentParams,
  consentSchema,
  newConsentInput,
  withdrawConsentInput,
} from '../../contract/consents.schema.js';
import { courseParams } from '../../contract/en-plan.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import * as service from './consent.service.js';
import { userRoutes } from '../kernel/route.js';

const tags = ['consents'];

export const consentRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const route = userRoutes(plugin, tags);

  route.get('/api/courses/:id/consents', {
    summary: "The course's consents, withdrawn ones included",
    params: courseParams,
    response: { 200: consentListSchema },
    handler: async (user, { params }) => ({
      consents: await service.listCourseConsents(deps, user, params.id),
    }),
  });

  route.post('/api/courses/:id/consents', {
    summary: 'Record a consent',
    params: courseParams,
    body: newConsentInput,
    response: { 201: consentSchema },
    handler: (user, { params, body }) => service.recordConsent(deps, user, params.id, body),
  });

  route.post('/api/courses/:id/consents/:consentId/withdraw', {
    summary: 'Withdraw a consent (effective on the next request; kept in the history)',
    params: consentParams,
    body: withdrawConsentInput,
    response: { 200: consentSchema },
    handler: (user, { params, body }) =>
      service.withdrawConsent(deps, user, params.id, params.consentId, body?.reason),
  });
};
