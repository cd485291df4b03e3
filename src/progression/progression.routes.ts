/** HTTP for progression: the municipality's instruments, a course's schedule, answers and curves. */
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
import { userPlugin } from '../kernel/route.js';
import * as service from './progression.service.js';

const tags = ['progression'];

export const progressionRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: CourseDeps }) => {
    route.get('/api/progression/instruments', {
      summary: "The municipality's progression instruments",
      response: { 200: instrumentListSchema },
      handler: async (user) => ({ instruments: await service.listInstruments(deps, user) }),
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

    course.get('/progression', {
      summary: "A course's schedule, occasions and answers (for the curves)",
      response: { 200: progressionSchema },
      handler: (user, id) => service.getProgression(deps, user, id),
    });

    course.put('/progression/schedule', {
      summary: 'Set the instrument and interval of a course (start, every N months, closure)',
      body: scheduleInput,
      response: { 200: progressionSchema },
      handler: (user, id, { body }) => service.setSchedule(deps, user, id, body),
    });

    course.post('/progression/responses', {
      summary: 'Record a measurement answered by the citizen, a parent or the caseworker',
      body: responseRecordInput,
      response: { 201: progressionResponseSchema },
      handler: (user, id, { body }) => service.recordResponse(deps, user, id, body),
    });

    course.put('/progression/closing', {
      summary: "Record the citizen's experience and education/employment status at closure",
      body: closingInput,
      response: { 200: closingSchema },
      handler: (user, id, { body }) => service.recordClosing(deps, user, id, body),
    });
  },
);
