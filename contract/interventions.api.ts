/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/interventions/intervention.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  coLeadersSchema,
  followUpInput,
  interventionAgreementInput,
  interventionChange,
  interventionInput,
  interventionListSchema,
  interventionMeetingInput,
  interventionMeetingParams,
  interventionParams as id,
  interventionSchema,
  interventionTemplateSchema,
} from './interventions.schema.js';

export const interventionsApi = operations({
  getInterventionsTemplate: {
    method: 'GET',
    path: '/api/interventions/template',
    summary: "The research's intervention format: meetings, checklist, follow-up",
    response: { 200: interventionTemplateSchema },
  },
  listCoLeaderCandidates: {
    method: 'GET',
    path: '/api/interventions/leaders',
    summary: 'Leaders who can share an intervention (co-leaders)',
    response: { 200: coLeadersSchema },
  },
  listVisibleInterventions: {
    method: 'GET',
    path: '/api/interventions',
    summary: 'The interventions you lead, or that involve your unit',
    response: { 200: interventionListSchema },
  },
  createIntervention: {
    method: 'POST',
    path: '/api/interventions',
    summary:
      'Plan an intervention for groups you (and your co-leaders) lead: two meetings, optionally the follow-up',
    body: interventionInput,
    response: { 201: interventionSchema },
  },
  getIntervention: {
    method: 'GET',
    path: '/api/interventions/:id',
    summary: 'One intervention with meetings, agreements and follow-up',
    params: id,
    response: { 200: interventionSchema },
  },
  updateIntervention: {
    method: 'PATCH',
    path: '/api/interventions/:id',
    summary: 'Change title, status or checklist (co-leaders only)',
    params: id,
    body: interventionChange,
    response: { 200: interventionSchema },
  },
  updateMeeting: {
    method: 'PUT',
    path: '/api/interventions/:id/meetings/:number',
    summary: 'Re-plan a network meeting or mark it held (45–60 minutes; 2 after 1)',
    params: interventionMeetingParams,
    body: interventionMeetingInput,
    response: { 200: interventionSchema },
  },
  addAgreement: {
    method: 'POST',
    path: '/api/interventions/:id/agreements',
    summary: "Record an agreement of the network or a leaders' joint decision",
    params: id,
    body: interventionAgreementInput,
    response: { 201: interventionSchema },
  },
  scheduleFollowUp: {
    method: 'PUT',
    path: '/api/interventions/:id/follow-up',
    summary:
      'Schedule the follow-up measurement 2–4 months after the last meeting: a draft next wave with the groups tagged intervention',
    params: id,
    body: followUpInput,
    response: { 200: interventionSchema },
  },
});
