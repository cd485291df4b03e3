/** HTTP for leadership interventions: the template, planning, meetings, agreements and the follow-up. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { INTERVENTION_STATUSES } from '../db/tables/intervention.table.js';
import { requireUser } from '../server/request-context.js';
import { CHECKLIST_KEYS, INTERVENTION_TEMPLATE } from './intervention-template.js';
import * as service from './intervention.service.js';

const id = z.object({ id: z.uuid() });
const name = z.string().trim().min(1).max(200);
/** Duration is checked by the service, so 30 or 90 minutes get the template's own message. */
const meeting = z.object({
  startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  durationMinutes: z.number().int().min(1).max(600),
  facilitator: name,
  colleague: name,
  held: z.boolean().optional(),
});

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
      },
    },
    async (request) => {
      requireUser(request);
      return INTERVENTION_TEMPLATE;
    },
  );

  app.get(
    '/api/interventions/leaders',
    { schema: { tags, summary: 'Leaders who can share an intervention (co-leaders)' } },
    async (request) => service.listCoLeaderCandidates(db, requireUser(request)),
  );

  app.get(
    '/api/interventions',
    { schema: { tags, summary: 'The interventions you lead, or that involve your unit' } },
    async (request) => service.listVisibleInterventions(db, requireUser(request)),
  );

  app.post(
    '/api/interventions',
    {
      schema: {
        tags,
        summary:
          'Plan an intervention for groups you (and your co-leaders) lead: two meetings, optionally the follow-up',
        body: z.object({
          title: name,
          unitIds: z.array(z.uuid()).min(1).max(50),
          coLeaderUserIds: z.array(z.uuid()).max(20).default([]),
          measurementId: z.uuid().nullable().default(null),
          meetings: z.tuple([meeting, meeting]),
          followUpOn: z.iso.date().nullable().default(null),
        }),
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
        body: z.object({
          title: name.optional(),
          status: z.enum(INTERVENTION_STATUSES).optional(),
          checklist: z.partialRecord(z.enum(CHECKLIST_KEYS), z.boolean()).optional(),
        }),
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
        params: z.object({ id: z.uuid(), number: z.coerce.number().int().min(1).max(2) }),
        body: meeting,
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
        body: z.object({
          kind: z.enum(['agreement', 'decision']).default('agreement'),
          checklistKey: z.enum(CHECKLIST_KEYS).nullable().default(null),
          text: z.string().trim().min(1).max(2000),
        }),
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
        body: z.object({ followUpOn: z.iso.date() }),
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
