/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/measurements/survey.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import {
  saveAnswersBody,
  savedAnswersSchema,
  savedGroupsSchema,
  saveGroupsBody,
  submittedSchema,
  surveyParams,
  surveySchema,
} from './measurements.schema.js';
import { operations } from './operation.js';

export const surveyApi = operations({
  getSurvey: {
    method: 'GET',
    path: '/api/survey/:measurementId/:token',
    summary: 'The survey behind a personal link',
    params: surveyParams,
    response: { 200: surveySchema },
  },
  saveGroups: {
    method: 'PUT',
    path: '/api/survey/:measurementId/:token/groups',
    summary: 'Save the groups the respondent works with',
    params: surveyParams,
    // Group keys: unit ids, or professions when the groups are professions.
    body: saveGroupsBody,
    response: { 200: savedGroupsSchema },
  },
  saveAnswers: {
    method: 'PUT',
    path: '/api/survey/:measurementId/:token/answers',
    summary: 'Save answers (idempotent; the last write for an item wins; null clears)',
    params: surveyParams,
    body: saveAnswersBody,
    response: { 200: savedAnswersSchema },
  },
  submitSurvey: {
    method: 'POST',
    path: '/api/survey/:measurementId/:token/submit',
    summary: 'Submit (idempotent)',
    params: surveyParams,
    response: { 200: submittedSchema },
  },
});
