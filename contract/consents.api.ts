/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/consents/consent.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  consentListSchema,
  consentParams,
  consentSchema,
  newConsentInput,
  withdrawConsentInput,
} from './consents.schema.js';
import { courseParams } from './en-plan.schema.js';

export const consentsApi = operations({
  listCourseConsents: {
    method: 'GET',
    path: '/api/courses/:id/consents',
    summary: "The course's consents, withdrawn ones included",
    params: courseParams,
    response: { 200: consentListSchema },
  },
  recordConsent: {
    method: 'POST',
    path: '/api/courses/:id/consents',
    summary: 'Record a consent',
    params: courseParams,
    body: newConsentInput,
    response: { 201: consentSchema },
  },
  withdrawConsent: {
    method: 'POST',
    path: '/api/courses/:id/consents/:consentId/withdraw',
    summary: 'Withdraw a consent (effective on the next request; kept in the history)',
    params: consentParams,
    body: withdrawConsentInput,
    response: { 200: consentSchema },
  },
});
