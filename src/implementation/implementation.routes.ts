/** HTTP for implementation surveys of staff (docs/implementation.md); analysis owners only. */
import type { MeasurementDeps } from '../measurements/measurement.service.js';
import { userPlugin } from '../kernel/route.js';
import { implementationApi } from '../../contract/implementation.api.js';
import * as service from './implementation.service.js';

export const implementationRoutes = userPlugin(
  ['implementation'],
  ({ route }, { deps }: { deps: MeasurementDeps }) => {
    const { db } = deps;

    route(implementationApi.listItemSets, (user) => service.listItemSets(db, user));

    route(implementationApi.createItemSet, (user, { body }) =>
      service.createItemSet(db, user, body),
    );

    route(implementationApi.updateItemSet, (user, { params, body }) =>
      service.updateItemSet(db, user, params.id, body),
    );

    route(implementationApi.deleteItemSet, async (user, { params }) => {
      await service.deleteItemSet(db, user, params.id);
      return null;
    });

    route(implementationApi.listSurveys, (user) => service.listSurveys(db, user));

    route(implementationApi.createSurvey, (user, { body }) =>
      service.createSurvey(deps, user, body),
    );

    route(implementationApi.getSurvey, (user, { params }) =>
      service.getSurvey(db, user, params.id),
    );

    for (const [operation, step] of [
      [implementationApi.openSurvey, 'open'],
      [implementationApi.closeSurvey, 'close'],
      [implementationApi.remindSurvey, 'remind'],
    ] as const) {
      route(operation, (user, { params }) => service.runSurvey(deps, user, params.id, step));
    }

    route(implementationApi.surveyResponses, (user, { params }) =>
      service.responses(db, user, params.id),
    );

    route(implementationApi.surveyReport, (user, { params }) =>
      service.report(db, user, params.id),
    );

    route(implementationApi.surveyReportCsv, async (user, { params }, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="implementering.csv"')
        .header('cache-control', 'no-store')
        .send(await service.reportCsv(db, user, params.id)),
    );
  },
);
