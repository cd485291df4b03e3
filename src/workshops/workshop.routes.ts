/** HTTP for dialogue workshops: state, the facilitator lock, the three steps, live events and exports. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorParams,
  addActorBody,
  addPointBody,
  createWorkshopBody,
  currentActorBody,
  pointParams,
  rateTieBody,
  stepBody,
  updateActorBody,
  updatePointBody,
  workshopComparisonSchema,
  workshopParams,
  workshopPdfQuery,
  workshopSchema,
  workshopSummarySchema,
} from '../../contract/workshops.schema.js';
import { endStreamsOnClose, streamTopic } from '../realtime/sse.js';
import { requireUser } from '../kernel/request-context.js';
import { renderWorkshopPdf } from './workshop-pdf.js';
import * as service from './workshop.service.js';
import { fileResponse } from '../../contract/reports.schema.js';

const id = workshopParams;
const ok = { 200: workshopSchema };

export const workshopRoutes: FastifyPluginAsync<{ deps: service.WorkshopDeps }> = async (
  plugin,
  { deps },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const tags = ['workshops'];
  endStreamsOnClose(app);

  app.get(
    '/api/workshops',
    {
      schema: {
        tags,
        summary: "The municipality's workshops, newest change first",
        response: { 200: z.array(workshopSummarySchema) },
      },
    },
    async (request) =>
      (await service.listWorkshops(deps, requireUser(request))).map((w) => ({
        id: w.id,
        title: w.title,
        targetGroup: w.target_group,
        step: w.step,
        courseId: w.course_id,
        actors: Number(w.actors ?? 0),
        openPoints: Number(w.open_points ?? 0),
        facilitator: w.facilitator_name,
        updatedAt: w.updated_at.toISOString(),
      })),
  );

  app.post(
    '/api/workshops',
    {
      schema: {
        tags,
        summary:
          "Start a workshop around a target group or a citizen's course (its network parties are suggested as actors); the creator facilitates",
        body: createWorkshopBody,
        response: { 201: workshopSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createWorkshop(deps, requireUser(request), request.body)),
  );

  app.get(
    '/api/workshops/:id',
    {
      schema: {
        tags,
        summary: 'A workshop: step, actors, ratings, differences, points',
        params: id,
        response: ok,
      },
    },
    async (request) => service.getWorkshop(deps, requireUser(request), request.params.id),
  );

  app.get(
    '/api/workshops/:id/events',
    {
      schema: {
        tags,
        summary:
          'Live events (text/event-stream): `changed` with the new version after every change, on every app instance',
        params: id,
        response: {
          200: z
            .string()
            .describe(
              'text/event-stream: `hello` with the current version, then `changed` events ({ type, version })',
            ),
        },
      },
    },
    async (request, reply) => {
      const state = await service.getWorkshop(deps, requireUser(request), request.params.id);
      await streamTopic(request, reply, deps.notifier, service.workshopTopic(state.id), {
        event: 'hello',
        data: { version: state.version },
      });
    },
  );

  app.post(
    '/api/workshops/:id/facilitate',
    {
      schema: {
        tags,
        summary:
          'Take or renew the facilitator lock (409 while another facilitator is active; free after 2 idle minutes)',
        params: id,
        response: ok,
      },
    },
    async (request) => service.claimFacilitator(deps, requireUser(request), request.params.id),
  );

  app.post(
    '/api/workshops/:id/release',
    {
      schema: {
        tags,
        summary: 'Hand over: release the facilitator lock',
        params: id,
        response: ok,
      },
    },
    async (request) => service.releaseFacilitator(deps, requireUser(request), request.params.id),
  );

  app.post(
    '/api/workshops/:id/actors',
    {
      schema: {
        tags,
        summary: 'Step 1: put an actor on the canvas (a unit, or a name typed on the spot)',
        params: id,
        body: addActorBody,
        response: { 201: workshopSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addActor(deps, requireUser(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/workshops/:id/actors/:actorId',
    {
      schema: {
        tags,
        summary: 'Move or rename an actor',
        params: actorParams,
        body: updateActorBody,
        response: ok,
      },
    },
    async (request) =>
      service.updateActor(
        deps,
        requireUser(request),
        request.params.id,
        request.params.actorId,
        request.body,
      ),
  );

  app.delete(
    '/api/workshops/:id/actors/:actorId',
    {
      schema: {
        tags,
        summary: 'Take an actor off the canvas',
        params: actorParams,
        response: ok,
      },
    },
    async (request) =>
      service.removeActor(deps, requireUser(request), request.params.id, request.params.actorId),
  );

  app.put(
    '/api/workshops/:id/step',
    {
      schema: {
        tags,
        summary: 'Move to step 1, 2 or 3 (2 and 3 need at least two actors)',
        params: id,
        body: stepBody,
        response: ok,
      },
    },
    async (request) =>
      service.setStep(deps, requireUser(request), request.params.id, request.body.step),
  );

  app.put(
    '/api/workshops/:id/current-actor',
    {
      schema: {
        tags,
        summary: 'Step 2: the actor whose place the room takes now',
        params: id,
        body: currentActorBody,
        response: ok,
      },
    },
    async (request) =>
      service.setCurrentActor(deps, requireUser(request), request.params.id, request.body.actorId),
  );

  app.put(
    '/api/workshops/:id/ratings',
    {
      schema: {
        tags,
        summary: 'Step 2: colour the tie from one actor to another good/middle/low (null clears)',
        params: id,
        body: rateTieBody,
        response: ok,
      },
    },
    async (request) => service.rateTie(deps, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/workshops/:id/points',
    {
      schema: {
        tags,
        summary: 'Step 3: a development point with its owner (required) and date',
        params: id,
        body: addPointBody,
        response: { 201: workshopSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addPoint(deps, requireUser(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/workshops/:id/points/:pointId',
    {
      schema: {
        tags,
        summary: 'Change, move or tick off a development point',
        params: pointParams,
        body: updatePointBody,
        response: ok,
      },
    },
    async (request) =>
      service.updatePoint(
        deps,
        requireUser(request),
        request.params.id,
        request.params.pointId,
        request.body,
      ),
  );

  app.delete(
    '/api/workshops/:id/points/:pointId',
    {
      schema: {
        tags,
        summary: 'Remove a development point',
        params: pointParams,
        response: ok,
      },
    },
    async (request) =>
      service.removePoint(deps, requireUser(request), request.params.id, request.params.pointId),
  );

  app.get(
    '/api/workshops/:id/comparison',
    {
      schema: {
        tags,
        summary:
          "The room's ties against the linked measurement's latest wave (from the analysis, with its scoping and anonymity)",
        params: id,
        response: { 200: workshopComparisonSchema },
      },
    },
    async (request) => service.compareWithSurvey(deps, requireUser(request), request.params.id),
  );

  app.get(
    '/api/workshops/:id/export/pdf',
    {
      schema: {
        tags,
        summary: 'The workshop as PDF: actors, ratings matrix, differences, development points',
        params: id,
        querystring: workshopPdfQuery,
        response: { 200: fileResponse('The workshop report (application/pdf)') },
      },
    },
    async (request, reply) => {
      const state = await service.getWorkshop(deps, requireUser(request), request.params.id);
      const body = await renderWorkshopPdf(state, request.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="workshop-${state.id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
