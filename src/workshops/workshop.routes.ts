/** HTTP for dialogue workshops: state, the facilitator lock, the three steps, live events and exports. */
import type { FastifyPluginAsync } from 'fastify';
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
import { renderWorkshopPdf } from './workshop-pdf.js';
import * as service from './workshop.service.js';
import { fileResponse } from '../../contract/reports.schema.js';
import { sendDownload } from '../kernel/download.js';
import { userRoutes } from '../kernel/route.js';

const id = workshopParams;
const ok = { 200: workshopSchema };

export const workshopRoutes: FastifyPluginAsync<{ deps: service.WorkshopDeps }> = async (
  plugin,
  { deps },
) => {
  const route = userRoutes(plugin, ['workshops']);
  endStreamsOnClose(plugin);

  route.get('/api/workshops', {
    summary: "The municipality's workshops, newest change first",
    response: { 200: z.array(workshopSummarySchema) },
    handler: async (user) =>
      (await service.listWorkshops(deps, user)).map((w) => ({
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
  });

  route.post('/api/workshops', {
    summary:
      "Start a workshop around a target group or a citizen's course (its network parties are suggested as actors); the creator facilitates",
    body: createWorkshopBody,
    response: { 201: workshopSchema },
    handler: (user, { body }) => service.createWorkshop(deps, user, body),
  });

  route.get('/api/workshops/:id', {
    summary: 'A workshop: step, actors, ratings, differences, points',
    params: id,
    response: ok,
    handler: (user, { params }) => service.getWorkshop(deps, user, params.id),
  });

  route.get('/api/workshops/:id/events', {
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
    handler: async (user, request, reply) => {
      const state = await service.getWorkshop(deps, user, request.params.id);
      await streamTopic(request, reply, deps.notifier, service.workshopTopic(state.id), {
        event: 'hello',
        data: { version: state.version },
      });
      return reply; // hijacked: the stream answers
    },
  });

  route.post('/api/workshops/:id/facilitate', {
    summary:
      'Take or renew the facilitator lock (409 while another facilitator is active; free after 2 idle minutes)',
    params: id,
    response: ok,
    handler: (user, { params }) => service.claimFacilitator(deps, user, params.id),
  });

  route.post('/api/workshops/:id/release', {
    summary: 'Hand over: release the facilitator lock',
    params: id,
    response: ok,
    handler: (user, { params }) => service.releaseFacilitator(deps, user, params.id),
  });

  route.post('/api/workshops/:id/actors', {
    summary: 'Step 1: put an actor on the canvas (a unit, or a name typed on the spot)',
    params: id,
    body: addActorBody,
    response: { 201: workshopSchema },
    handler: (user, { params, body }) => service.addActor(deps, user, params.id, body),
  });

  route.patch('/api/workshops/:id/actors/:actorId', {
    summary: 'Move or rename an actor',
    params: actorParams,
    body: updateActorBody,
    response: ok,
    handler: (user, { params, body }) =>
      service.updateActor(deps, user, params.id, params.actorId, body),
  });

  route.delete('/api/workshops/:id/actors/:actorId', {
    summary: 'Take an actor off the canvas',
    params: actorParams,
    response: ok,
    handler: (user, { params }) => service.removeActor(deps, user, params.id, params.actorId),
  });

  route.put('/api/workshops/:id/step', {
    summary: 'Move to step 1, 2 or 3 (2 and 3 need at least two actors)',
    params: id,
    body: stepBody,
    response: ok,
    handler: (user, { params, body }) => service.setStep(deps, user, params.id, body.step),
  });

  route.put('/api/workshops/:id/current-actor', {
    summary: 'Step 2: the actor whose place the room takes now',
    params: id,
    body: currentActorBody,
    response: ok,
    handler: (user, { params, body }) =>
      service.setCurrentActor(deps, user, params.id, body.actorId),
  });

  route.put('/api/workshops/:id/ratings', {
    summary: 'Step 2: colour the tie from one actor to another good/middle/low (null clears)',
    params: id,
    body: rateTieBody,
    response: ok,
    handler: (user, { params, body }) => service.rateTie(deps, user, params.id, body),
  });

  route.post('/api/workshops/:id/points', {
    summary: 'Step 3: a development point with its owner (required) and date',
    params: id,
    body: addPointBody,
    response: { 201: workshopSchema },
    handler: (user, { params, body }) => service.addPoint(deps, user, params.id, body),
  });

  route.patch('/api/workshops/:id/points/:pointId', {
    summary: 'Change, move or tick off a development point',
    params: pointParams,
    body: updatePointBody,
    response: ok,
    handler: (user, { params, body }) =>
      service.updatePoint(deps, user, params.id, params.pointId, body),
  });

  route.delete('/api/workshops/:id/points/:pointId', {
    summary: 'Remove a development point',
    params: pointParams,
    response: ok,
    handler: (user, { params }) => service.removePoint(deps, user, params.id, params.pointId),
  });

  route.get('/api/workshops/:id/comparison', {
    summary:
      "The room's ties against the linked measurement's latest wave (from the analysis, with its scoping and anonymity)",
    params: id,
    response: { 200: workshopComparisonSchema },
    handler: (user, { params }) => service.compareWithSurvey(deps, user, params.id),
  });

  route.get('/api/workshops/:id/export/pdf', {
    summary: 'The workshop as PDF: actors, ratings matrix, differences, development points',
    params: id,
    querystring: workshopPdfQuery,
    response: { 200: fileResponse('The workshop report (application/pdf)') },
    handler: async (user, { params, query }, reply) => {
      const state = await service.getWorkshop(deps, user, params.id);
      const body = await renderWorkshopPdf(state, query.lang);
      return sendDownload(reply, {
        contentType: 'application/pdf',
        filename: `workshop-${state.id}.pdf`,
        body,
      });
    },
  });
};
