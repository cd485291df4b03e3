/** HTTP for consents: list with history, record, withdraw. */
import {
  consentListSchema,
  consentParams,
  consentSchema,
  newConsentInput,
  withdrawConsentInput,
} from '../../contract/consents.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { userPlugin } from '../kernel/route.js';
import * as service from './consent.service.js';

const tags = ['consents'];

export const consentRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course.get('/consents', {
    summary: "The course's consents, withdrawn ones included",
    response: { 200: consentListSchema },
    handler: async (user, id) => ({ consents: await service.listCourseConsents(deps, user, id) }),
  });

  course.post('/consents', {
    summary: 'Record a consent',
    body: newConsentInput,
    response: { 201: consentSchema },
    handler: (user, id, { body }) => service.recordConsent(deps, user, id, body),
  });

  course.post('/consents/:consentId/withdraw', {
    summary: 'Withdraw a consent (effective on the next request; kept in the history)',
    params: consentParams,
    body: withdrawConsentInput,
    response: { 200: consentSchema },
    handler: (user, id, { params, body }) =>
      service.withdrawConsent(deps, user, id, params.consentId, body?.reason),
  });
});
