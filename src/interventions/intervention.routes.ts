/** HTTP for leadership interventions: the template, planning, meetings, agreements and the follow-up. */
import { INTERVENTION_TEMPLATE } from '../../contract/interventions.js';
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
} from '../../contract/interventions.schema.js';
import * as service from './intervention.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

export const interventionRoutes = userPlugin(['interventions'], ({ route }, { db }: DbOptions) => {
  route.get('/api/interventions/template', {
    summary: "The research's intervention format: meetings, checklist, follow-up",
    response: { 200: interventionTemplateSchema },
    handler: () => INTERVENTION_TEMPLATE,
  });

  route.get('/api/interventions/leaders', {
    summary: 'Leaders who can share an intervention (co-leaders)',
    response: { 200: coLeadersSchema },
    handler: (user) => service.listCoLeaderCandidates(db, user),
  });

  route.get('/api/interventions', {
    summary: 'The interventions you lead, or that involve your unit',
    response: { 200: interventionListSchema },
    handler: (user) => service.listVisibleInterventions(db, user),
  });

  route.post('/api/interventions', {
    summary:
      'Plan an intervention for groups you (and your co-leaders) lead: two meetings, optionally the follow-up',
    body: interventionInput,
    response: { 201: interventionSchema },
    handler: (user, { body }) => service.createIntervention(db, user, body),
  });

  route.get('/api/interventions/:id', {
    summary: 'One intervention with meetings, agreements and follow-up',
    params: id,
    response: { 200: interventionSchema },
    handler: (user, { params }) => service.getIntervention(db, user, params.id),
  });

  route.patch('/api/interventions/:id', {
    summary: 'Change title, status or checklist (co-leaders only)',
    params: id,
    body: interventionChange,
    response: { 200: interventionSchema },
    handler: (user, { params, body }) => service.updateIntervention(db, user, params.id, body),
  });

  route.put('/api/interventions/:id/meetings/:number', {
    summary: 'Re-plan a network meeting or mark it held (45–60 minutes; 2 after 1)',
    params: interventionMeetingParams,
    body: interventionMeetingInput,
    response: { 200: interventionSchema },
    handler: (user, { params, body }) =>
      service.updateMeeting(db, user, params.id, params.number as 1 | 2, body),
  });

  route.post('/api/interventions/:id/agreements', {
    summary: "Record an agreement of the network or a leaders' joint decision",
    params: id,
    body: interventionAgreementInput,
    response: { 201: interventionSchema },
    handler: (user, { params, body }) => service.addAgreement(db, user, params.id, body),
  });

  route.put('/api/interventions/:id/follow-up', {
    summary:
      'Schedule the follow-up measurement 2–4 months after the last meeting: a draft next wave with the groups tagged intervention',
    params: id,
    body: followUpInput,
    response: { 200: interventionSchema },
    handler: (user, { params, body }) =>
      service.scheduleFollowUp(db, user, params.id, body.followUpOn),
  });
});
