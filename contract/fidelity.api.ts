/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/fidelity/fidelity.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { courseParams } from './en-plan.schema.js';
import {
  courseFidelitySchema,
  fidelityAnswersInput,
  fidelityChecklistSchema,
  fidelityCsvResponse,
  fidelityDueSchema,
  fidelityIndexSchema,
  fidelityOccasionParams,
} from './fidelity.schema.js';

export const fidelityApi = operations({
  getCourseFidelity: {
    method: 'GET',
    path: '/api/courses/:id/fidelity',
    summary: "A course's fidelity checklists: occasions, what is due, answers and scores",
    params: courseParams,
    response: { 200: courseFidelitySchema },
  },
  saveChecklist: {
    method: 'PUT',
    path: '/api/courses/:id/fidelity/:occasion',
    summary: "Save the coordinator's draft of one occasion's checklist (autosave)",
    params: fidelityOccasionParams,
    body: fidelityAnswersInput,
    response: { 200: fidelityChecklistSchema },
  },
  submitChecklist: {
    method: 'POST',
    path: '/api/courses/:id/fidelity/:occasion/submit',
    summary: 'Submit a checklist (all nine answered); the same submission again is a no-op',
    params: fidelityOccasionParams,
    body: fidelityAnswersInput,
    response: { 200: fidelityChecklistSchema },
  },
  listDue: {
    method: 'GET',
    path: '/api/fidelity/due',
    summary: 'The checklists due now in the courses the user coordinates',
    response: { 200: fidelityDueSchema },
  },
  getIndex: {
    method: 'GET',
    path: '/api/fidelity/index',
    summary:
      'The implementation index per municipality, unit and course, overall and per half-year (a leader: own unit)',
    response: { 200: fidelityIndexSchema },
  },
  indexCsv: {
    method: 'GET',
    path: '/api/fidelity/index/csv',
    summary: 'The implementation index as a ; CSV for Danish Excel',
    response: { 200: fidelityCsvResponse },
  },
});
