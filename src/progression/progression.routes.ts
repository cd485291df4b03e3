/** HTTP for progression: the municipality's instruments, a course's schedule, answers and curves. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { courseParams } from '../../contract/en-plan.schema.js';
import {
  instrumentChange,
  instrumentInput,
  instrumentListSchema,
  instrumentParams,
  instrumentSchema,
  progressionResponseSchema,
  progressionSchema,
  responseRecordInput,
  scheduleInput,
} from '../../contract/progression.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './progression.service.js';

const tags = ['progression'];

export const progressionRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (
  plugin,
  { deps },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/progression/instruments',
    {
      schema: {
        tags,
        summary: "The municipality's progression instruments",
        response: { 200: instrumentListSchema },
      },
    },
    async (request) => ({
      instruments: await service.listInstruments(deps, requireUser(request)),
    }),
  );

  app.post(
    '/api/progression/instruments',
    {
      schema: {
        tags,
        summary: 'Create an instrument (admin)',
        body: instrumentInput,
        response: { 201: instrumentSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createInstrument(deps, requireUser(request), request.body)),
  );

  app.patch(
    '/api/progression/instruments/:instrumentId',
    {
      schema: {
        tags,
        summary: 'Edit or archive an instrument (admin)',
        params: instrumentParams,
        body: instrumentChange,
        response: { 200: instrumentSchema },
      },
    },
    async (request) =>
      service.updateInstrument(
        deps,
        requireUser(request),
        request.params.instrumentId,
        request.body,
      ),
  );

  app.get(
    '/api/courses/:id/progression',
    {
      schema: {
        tags,
        summary: "A course's schedule, occasions and answers (for the curves)",
        params: courseParams,
        response: { 200: progressionSchema },
      },
    },
    async (request) => service.getProgression(deps, requireUser(request), request.params.id),
  );

  app.put(
    '/api/courses/:id/progression/schedule',
    {
      schema: {
        tags,
        summary: 'Set the instrument and interval of a course (start, every N months, closure)',
        params: courseParams,
        body: scheduleInput,
        response: { 200: progressionSchema },
      },
    },
    async (request) =>
      service.setSchedule(deps, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/courses/:id/progression/responses',
    {
      schema: {
        tags,
        summary: 'Record a measurement answered by the citizen, a parent or the caseworker',
        params: courseParams,
        body: responseRecordInput,
        response: { 201: progressionResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordResponse(deps, requireUser(request), request.params.id, request.body),
        ),
  );
};
