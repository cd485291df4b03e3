/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/implementation/implementation.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import {
  implementationReportSchema,
  implementationSurveyInputSchema,
  implementationSurveyParams,
  implementationSurveySchema,
  itemSetInputSchema,
  itemSetParams,
  itemSetSchema,
} from './implementation.schema.js';
import { operations } from './operation.js';
import { fileResponse } from './en-plan.schema.js';
import { z } from 'zod';

export const implementationApi = operations({
  listItemSets: {
    method: 'GET',
    path: '/api/implementation/item-sets',
    summary: 'Item sets: the built-in default (id `standard`) and the municipality’s own',
    response: { 200: z.array(itemSetSchema) },
  },
  createItemSet: {
    method: 'POST',
    path: '/api/implementation/item-sets',
    summary: 'Create an item set (unique keys; each item with its core element and scale)',
    body: itemSetInputSchema,
    response: { 201: itemSetSchema },
  },
  updateItemSet: {
    method: 'PUT',
    path: '/api/implementation/item-sets/:id',
    summary: 'Replace an item set’s name and items (surveys keep the copy they asked)',
    params: itemSetParams,
    body: itemSetInputSchema,
    response: { 200: itemSetSchema },
  },
  deleteItemSet: {
    method: 'DELETE',
    path: '/api/implementation/item-sets/:id',
    summary: 'Delete an item set',
    params: itemSetParams,
    response: { 204: z.null().describe('Deleted; no body') },
  },
  listSurveys: {
    method: 'GET',
    path: '/api/implementation/surveys',
    summary: 'Implementation surveys, newest first',
    response: { 200: z.array(implementationSurveySchema) },
  },
  createSurvey: {
    method: 'POST',
    path: '/api/implementation/surveys',
    summary: 'Create a draft survey from an item set, inviting everyone in the chosen units',
    body: implementationSurveyInputSchema,
    response: { 201: implementationSurveySchema },
  },
  getSurvey: {
    method: 'GET',
    path: '/api/implementation/surveys/:id',
    summary: 'One implementation survey',
    params: implementationSurveyParams,
    response: { 200: implementationSurveySchema },
  },
  openSurvey: {
    method: 'POST',
    path: '/api/implementation/surveys/:id/open',
    summary: 'Open: send the invitations',
    params: implementationSurveyParams,
    response: { 200: implementationSurveySchema },
  },
  closeSurvey: {
    method: 'POST',
    path: '/api/implementation/surveys/:id/close',
    summary: 'Close now: no more answers; the report can be read',
    params: implementationSurveyParams,
    response: { 200: implementationSurveySchema },
  },
  remindSurvey: {
    method: 'POST',
    path: '/api/implementation/surveys/:id/remind',
    summary: 'Remind everyone who has not finished (at most once a day each)',
    params: implementationSurveyParams,
    response: { 200: implementationSurveySchema },
  },
  surveyResponses: {
    method: 'GET',
    path: '/api/implementation/surveys/:id/responses',
    summary:
      'Invited and answered; while open, answered is rounded down to a multiple of the minimum group (`step`)',
    params: implementationSurveyParams,
    response: {
      200: z.object({ invited: z.number(), finished: z.number(), step: z.number() }),
    },
  },
  surveyReport: {
    method: 'GET',
    path: '/api/implementation/surveys/:id/report',
    summary:
      'The report of a closed survey: % per answer option with n, for everyone, per unit and per role; groups under the minimum, and groups that could be computed from the others, are hidden',
    params: implementationSurveyParams,
    response: { 200: implementationReportSchema },
  },
  surveyReportCsv: {
    method: 'GET',
    path: '/api/implementation/surveys/:id/report/csv',
    summary: 'The report as a ; CSV for Danish Excel (decimal commas)',
    params: implementationSurveyParams,
    response: {
      200: fileResponse('text/csv; charset=utf-8: one row per item, group and answer option'),
    },
  },
});
