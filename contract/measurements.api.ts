/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/measurements/measurement.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import {
  importQuery,
  invitationParams,
  invitationsResultSchema,
  measurementChangeSchema,
  measurementDetailSchema,
  measurementInputSchema,
  measurementParams,
  measurementSchema,
  openResultSchema,
  remindResultSchema,
  responseImportReportSchema,
  responseRatesSchema,
  withdrawInvitationsBody,
  withdrawnSchema,
} from './measurements.schema.js';
import { PERSON_ROLES } from './org.js';
import { operations } from './operation.js';
import { z } from 'zod';

export const measurementsApi = operations({
  listMeasurements: {
    method: 'GET',
    path: '/api/measurements',
    summary: 'All measurements',
    response: { 200: z.array(measurementSchema) },
  },
  createMeasurement: {
    method: 'POST',
    path: '/api/measurements',
    summary: 'Create a measurement (draft)',
    body: measurementInputSchema,
    response: { 201: measurementSchema },
  },
  getMeasurement: {
    method: 'GET',
    path: '/api/measurements/:id',
    summary: 'A measurement with its groups',
    params: measurementParams,
    response: { 200: measurementDetailSchema },
  },
  updateMeasurement: {
    method: 'PATCH',
    path: '/api/measurements/:id',
    summary: 'Edit a draft; extend or rename an open measurement',
    params: measurementParams,
    body: measurementChangeSchema,
    response: { 200: measurementSchema },
  },
  addInvitations: {
    method: 'POST',
    path: '/api/measurements/:id/invitations',
    summary: 'Invite people by unit, role, id or e-mail (open measurements send at once)',
    params: measurementParams,
    body: z.object({
      unitIds: z.array(z.uuid()).max(500).optional(),
      roles: z.array(z.enum(PERSON_ROLES)).optional(),
      personIds: z.array(z.uuid()).max(20_000).optional(),
      emails: z.array(z.string().trim().email()).max(20_000).optional(),
    }),
    response: { 200: invitationsResultSchema },
  },
  withdrawInvitations: {
    method: 'POST',
    path: '/api/measurements/:id/invitations/withdraw',
    summary: "Withdraw a group's invitations while nobody of it has answered (409 says why not)",
    params: measurementParams,
    body: withdrawInvitationsBody,
    response: { 200: withdrawnSchema },
  },
  removeInvitation: {
    method: 'DELETE',
    path: '/api/measurements/:id/invitations/:invitationId',
    summary: 'Remove an invitation not yet sent',
    params: invitationParams,
    response: { 204: z.null().describe('Removed; no body') },
  },
  openMeasurement: {
    method: 'POST',
    path: '/api/measurements/:id/open',
    summary: 'Open: lock the items and send the invitations',
    params: measurementParams,
    response: { 200: openResultSchema },
  },
  closeMeasurement: {
    method: 'POST',
    path: '/api/measurements/:id/close',
    summary: 'Close now',
    params: measurementParams,
    response: { 200: measurementSchema },
  },
  remindUnfinished: {
    method: 'POST',
    path: '/api/measurements/:id/remind',
    summary: 'Remind everyone who has not finished (at most once a day each)',
    params: measurementParams,
    response: { 200: remindResultSchema },
  },
  responseRates: {
    method: 'GET',
    path: '/api/measurements/:id/responses',
    summary:
      'Response rates per group: unit, or profession. While open, finished counts are rounded down to steps of the minimum group (`step`); once closed they are exact and hidden as the analysis hides them (`suppressedReason`: small or complementary).',
    params: measurementParams,
    response: { 200: responseRatesSchema },
  },
  importResponses: {
    method: 'POST',
    path: '/api/measurements/:id/import',
    summary:
      'Import answers as the long CSV (multipart field "file"); all or nothing. Replaces earlier imported answers.',
    params: measurementParams,
    querystring: importQuery,
    response: { 200: responseImportReportSchema },
  },
});
