/** HTTP for leadership interventions: the template, planning, meetings, agreements and the follow-up. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
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
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './intervention.service.js';

export const interventionRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const tags = ['interventions'];

  app.get(
    '/api/interventions/template',
    {
      schema: {
        tags,
        summary: "The research's intervention format: meetings, checklist, follow-up",
        response: { 200: interventionTemplateSchema },
      },
    },
    async (request) => {
      requireUser(request);
      return INTERVENTION_TEMPLATE;
    },
  );

  app.get(
    '/api/interventions/leaders',
    {
      schema: {
        tags,
        summary: 'Leaders who can share an intervention (co-leaders)',
        response: { 200: coLeadersSchema },
      },
    },
    async (request) => service.listCoLeaderCandidates(db, requireUser(request)),
  );

  app.get(
    '/api/interventions',
    {
      schema: {
        tags,
        summary: 'The interventions you lead, or that involve your unit',
        response: { 200: interventionListSchema },
      },
    },
    async (request) => service.listVisibleInterventions(db, requireUser(request)),
  );

  app.post(
    '/api/interventions',
    {
      schema: {
        tags,
        summary:
          'Plan an intervention for groups you (and your co-leaders) lead: two meetings, optionally the follow-up',
        body: interventionInput,
        response: { 201: interventionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createIntervention(db, requireUser(request), request.body)),
  );

  app.get(
    '/api/interventions/:id',
    {
      schema: {
        tags,
        summary: 'One intervention with meetings, agreements and follow-up',
        params: id,
        response: { 200: interventionSchema },
      },
    },
    async (request) => service.getIntervention(db, requireUser(request), request.params.id),
  );

  app.patch(
    '/api/interventions/:id',
    {
      schema: {
        tags,
        summary: 'Change title, status or checklist (co-leaders only)',
        params: id,
        body: interventionChange,
        response: { 200: interventionSchema },
      },
    },
    async (request) =>
      service.updateIntervention(db, requireUser(request), request.params.id, request.body),
  );

  app.put(
    '/api/interventions/:id/meetings/:number',
    {
      schema: {
        tags,
        summary: 'Re-plan a network meeting or mark it held (45–60 minutes; 2 after 1)',
        params: interventionMeetingParams,
        body: interventionMeetingInput,
        response: { 200: interventionSchema },
      },
    },
    async (request) =>
      service.updateMeeting(
        db,
        requireUser(request),
        request.params.id,
        request.params.number as 1 | 2,
        request.body,
      ),
  );

  app.post(
    '/api/interventions/:id/agreements',
    {
      schema: {
        tags,
        summary: "Record an agreement of the network or a leaders' joint decision",
        params: id,
        body: interventionAgreementInput,
        response: { 201: interventionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addAgreement(db, requireUser(request), request.params.id, request.body),
        ),
  );

  app.put(
    '/api/interventions/:id/follow-up',
    {
      schema: {
        tags,
        summary:
          'Schedule the follow-up measurement 2–4 months after the last meeting: a draft next wave with the groups tagged intervention',
        params: id,
        body: followUpInput,
        response: { 200: interventionSchema },
      },
    },
    async (request) =>
      service.scheduleFollowUp(
        db,
        requireUser(request),
        request.params.id,
        request.body.followUpOn,
      ),
  );
};
