/** HTTP for progression: the municipality's instruments, a course's schedule, answers and curves. */
import type { FastifyPluginAsync } from 'fastify';
import { courseParams } from '../../contract/en-plan.schema.js';
import {
  closingInput,
  closingSchema,
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
import * as service from './progression.service.js';
import { userRoutes } from '../kernel/route.js';

const tags = ['progression'];

export const progressionRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (
  plugin,
  { deps },
) => {
  const route = userRoutes(plugin, tags);

  route.get('/api/progression/instruments', {
    summary: "The municipality's progression instruments",
    response: { 200: instrumentListSchema },
    handler: async (user) => ({
      instruments: await service.listInstruments(deps, user),
    }),
  });

  route.post('/api/progression/instruments', {
    summary: 'Create an instrument, e.g. a licensed one with its scoring (admin, analyst)',
    body: instrumentInput,
    response: { 201: instrumentSchema },
    handler: (user, { body }) => service.createInstrument(deps, user, body),
  });

  route.patch('/api/progression/instruments/:instrumentId', {
    summary: 'Edit or archive an instrument (admin, analyst)',
    params: instrumentParams,
    body: instrumentChange,
    response: { 200: instrumentSchema },
    handler: (user, { params, body }) =>
      service.updateInstrument(deps, user, params.instrumentId, body),
  });

  route.get('/api/courses/:id/progression', {
    summary: "A course's schedule, occasions and answers (for the curves)",
    params: courseParams,
    response: { 200: progressionSchema },
    handler: (user, { params }) => service.getProgression(deps, user, params.id),
  });

  route.put('/api/courses/:id/progression/schedule', {
    summary: 'Set the instrument and interval of a course (start, every N months, closure)',
    params: courseParams,
    body: scheduleInput,
    response: { 200: progressionSchema },
    handler: (user, { params, body }) => service.setSchedule(deps, user, params.id, body),
  });

  route.post('/api/courses/:id/progression/responses', {
    summary: 'Record a measurement answered by the citizen, a parent or the caseworker',
    params: courseParams,
    body: responseRecordInput,
    response: { 201: progressionResponseSchema },
    handler: (user, { params, body }) => service.recordResponse(deps, user, params.id, body),
  });

  route.put('/api/courses/:id/progression/closing', {
    summary: "Record the citizen's experience and education/employment status at closure",
    params: courseParams,
    body: closingInput,
    response: { 200: closingSchema },
    handler: (user, { params, body }) => service.recordClosing(deps, user, params.id, body),
  });
};
