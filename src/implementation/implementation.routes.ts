/** HTTP for implementation surveys of staff (docs/implementation.md); analysis owners only. */
import { z } from 'zod';
import { fileResponse } from '../../contract/en-plan.schema.js';
import {
  implementationReportSchema,
  implementationSurveyInputSchema,
  implementationSurveyParams,
  implementationSurveySchema,
  itemSetInputSchema,
  itemSetParams,
  itemSetSchema,
} from '../../contract/implementation.schema.js';
import type { MeasurementDeps } from '../measurements/measurement.service.js';
import { userPlugin } from '../kernel/route.js';
import * as service from './implementation.service.js';

const params = implementationSurveyParams;

export const implementationRoutes = userPlugin(
  ['implementation'],
  ({ route }, { deps }: { deps: MeasurementDeps }) => {
    const { db } = deps;

    route.get('/api/implementation/item-sets', {
      summary: 'Item sets: the built-in default (id `standard`) and the municipality’s own',
      response: { 200: z.array(itemSetSchema) },
      handler: (user) => service.listItemSets(db, user),
    });

    route.post('/api/implementation/item-sets', {
      summary: 'Create an item set (unique keys; each item with its core element and scale)',
      body: itemSetInputSchema,
      response: { 201: itemSetSchema },
      handler: (user, { body }) => service.createItemSet(db, user, body),
    });

    route.put('/api/implementation/item-sets/:id', {
      summary: 'Replace an item set’s name and items (surveys keep the copy they asked)',
      params: itemSetParams,
      body: itemSetInputSchema,
      response: { 200: itemSetSchema },
      handler: (user, { params, body }) => service.updateItemSet(db, user, params.id, body),
    });

    route.delete('/api/implementation/item-sets/:id', {
      summary: 'Delete an item set',
      params: itemSetParams,
      response: { 204: z.null().describe('Deleted; no body') },
      handler: async (user, { params }) => {
        await service.deleteItemSet(db, user, params.id);
        return null;
      },
    });

    route.get('/api/implementation/surveys', {
      summary: 'Implementation surveys, newest first',
      response: { 200: z.array(implementationSurveySchema) },
      handler: (user) => service.listSurveys(db, user),
    });

    route.post('/api/implementation/surveys', {
      summary: 'Create a draft survey from an item set, inviting everyone in the chosen units',
      body: implementationSurveyInputSchema,
      response: { 201: implementationSurveySchema },
      handler: (user, { body }) => service.createSurvey(deps, user, body),
    });

    route.get('/api/implementation/surveys/:id', {
      summary: 'One implementation survey',
      params,
      response: { 200: implementationSurveySchema },
      handler: (user, { params }) => service.getSurvey(db, user, params.id),
    });

    for (const step of ['open', 'close', 'remind'] as const) {
      route.post(`/api/implementation/surveys/:id/${step}`, {
        summary: {
          open: 'Open: send the invitations',
          close: 'Close now: no more answers; the report can be read',
          remind: 'Remind everyone who has not finished (at most once a day each)',
        }[step],
        params,
        response: { 200: implementationSurveySchema },
        handler: (user, { params }) => service.runSurvey(deps, user, params.id, step),
      });
    }

    route.get('/api/implementation/surveys/:id/responses', {
      summary:
        'Invited and answered; while open, answered is rounded down to a multiple of the minimum group (`step`)',
      params,
      response: {
        200: z.object({ invited: z.number(), finished: z.number(), step: z.number() }),
      },
      handler: (user, { params }) => service.responses(db, user, params.id),
    });

    route.get('/api/implementation/surveys/:id/report', {
      summary:
        'The report of a closed survey: % per answer option with n, for everyone, per unit and per role; groups under the minimum, and groups that could be computed from the others, are hidden',
      params,
      response: { 200: implementationReportSchema },
      handler: (user, { params }) => service.report(db, user, params.id),
    });

    route.get('/api/implementation/surveys/:id/report/csv', {
      summary: 'The report as a ; CSV for Danish Excel (decimal commas)',
      params,
      response: {
        200: fileResponse('text/csv; charset=utf-8: one row per item, group and answer option'),
      },
      handler: async (user, { params }, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="implementering.csv"')
          .header('cache-control', 'no-store')
          .send(await service.reportCsv(db, user, params.id)),
    });
  },
);
