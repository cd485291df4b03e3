/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/progression/progression.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { courseParams } from './en-plan.schema.js';
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
} from './progression.schema.js';

export const progressionApi = operations({
  listInstruments: {
    method: 'GET',
    path: '/api/progression/instruments',
    summary: "The municipality's progression instruments",
    response: { 200: instrumentListSchema },
  },
  createInstrument: {
    method: 'POST',
    path: '/api/progression/instruments',
    summary: 'Create an instrument, e.g. a licensed one with its scoring (admin, analyst)',
    body: instrumentInput,
    response: { 201: instrumentSchema },
  },
  updateInstrument: {
    method: 'PATCH',
    path: '/api/progression/instruments/:instrumentId',
    summary: 'Edit or archive an instrument (admin, analyst)',
    params: instrumentParams,
    body: instrumentChange,
    response: { 200: instrumentSchema },
  },
  getProgression: {
    method: 'GET',
    path: '/api/courses/:id/progression',
    summary: "A course's schedule, occasions and answers (for the curves)",
    params: courseParams,
    response: { 200: progressionSchema },
  },
  setSchedule: {
    method: 'PUT',
    path: '/api/courses/:id/progression/schedule',
    summary: 'Set the instrument and interval of a course (start, every N months, closure)',
    params: courseParams,
    body: scheduleInput,
    response: { 200: progressionSchema },
  },
  recordResponse: {
    method: 'POST',
    path: '/api/courses/:id/progression/responses',
    summary: 'Record a measurement answered by the citizen, a parent or the caseworker',
    params: courseParams,
    body: responseRecordInput,
    response: { 201: progressionResponseSchema },
  },
  recordClosing: {
    method: 'PUT',
    path: '/api/courses/:id/progression/closing',
    summary: "Record the citizen's experience and education/employment status at closure",
    params: courseParams,
    body: closingInput,
    response: { 200: closingSchema },
  },
});
