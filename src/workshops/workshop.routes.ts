/** HTTP for dialogue workshops: state, the facilitator lock, the three steps, live events and exports. */
import type { FastifyPluginAsync } from 'fastify';
import { endStreamsOnClose, streamTopic } from '../realtime/sse.js';
import { renderWorkshopPdf } from './workshop-pdf.js';
import * as service from './workshop.service.js';
import { sendDownload } from '../kernel/download.js';
import { userRoutes } from '../kernel/route.js';
import { workshopsApi } from '../../contract/workshops.api.js';

export const workshopRoutes: FastifyPluginAsync<{ deps: service.WorkshopDeps }> = async (
  plugin,
  { deps },
) => {
  const route = userRoutes(plugin, ['workshops']);
  endStreamsOnClose(plugin);

  route(workshopsApi.listWorkshops, async (user) =>
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
  );

  route(workshopsApi.createWorkshop, (user, { body }) => service.createWorkshop(deps, user, body));

  route(workshopsApi.getWorkshop, (user, { params }) => service.getWorkshop(deps, user, params.id));

  route(workshopsApi.getWorkshopEvents, async (user, request, reply) => {
    const state = await service.getWorkshop(deps, user, request.params.id);
    await streamTopic(request, reply, deps.notifier, service.workshopTopic(state.id), {
      event: 'hello',
      data: { version: state.version },
    });
    return reply; // hijacked: the stream answers
  });

  route(workshopsApi.claimFacilitator, (user, { params }) =>
    service.claimFacilitator(deps, user, params.id),
  );

  route(workshopsApi.releaseFacilitator, (user, { params }) =>
    service.releaseFacilitator(deps, user, params.id),
  );

  route(workshopsApi.addActor, (user, { params, body }) =>
    service.addActor(deps, user, params.id, body),
  );

  route(workshopsApi.updateActor, (user, { params, body }) =>
    service.updateActor(deps, user, params.id, params.actorId, body),
  );

  route(workshopsApi.removeActor, (user, { params }) =>
    service.removeActor(deps, user, params.id, params.actorId),
  );

  route(workshopsApi.setStep, (user, { params, body }) =>
    service.setStep(deps, user, params.id, body.step),
  );

  route(workshopsApi.setCurrentActor, (user, { params, body }) =>
    service.setCurrentActor(deps, user, params.id, body.actorId),
  );

  route(workshopsApi.rateTie, (user, { params, body }) =>
    service.rateTie(deps, user, params.id, body),
  );

  route(workshopsApi.addPoint, (user, { params, body }) =>
    service.addPoint(deps, user, params.id, body),
  );

  route(workshopsApi.updatePoint, (user, { params, body }) =>
    service.updatePoint(deps, user, params.id, params.pointId, body),
  );

  route(workshopsApi.removePoint, (user, { params }) =>
    service.removePoint(deps, user, params.id, params.pointId),
  );

  route(workshopsApi.compareWithSurvey, (user, { params }) =>
    service.compareWithSurvey(deps, user, params.id),
  );

  route(workshopsApi.getWorkshopPdf, async (user, { params, query }, reply) => {
    const state = await service.getWorkshop(deps, user, params.id);
    const body = await renderWorkshopPdf(state, query.lang);
    return sendDownload(reply, {
      contentType: 'application/pdf',
      filename: `workshop-${state.id}.pdf`,
      body,
    });
  });
};
