/** HTTP for outcomes: a course's events, the report, and the evaluation export (docs/outcomes.md). */
import { sendDownload } from '../kernel/download.js';
import { userPlugin } from '../kernel/route.js';
import { outcomesApi } from '../../contract/outcomes.api.js';
import * as service from './outcome.service.js';

const tags = ['outcomes'];

export const outcomeRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: service.OutcomeDeps }) => {
    course(outcomesApi.getCourseOutcomes, (user, id) => service.getCourseOutcomes(deps, user, id));

    course(outcomesApi.recordOutcome, (user, id, { body }) =>
      service.writeOutcome(deps, user, id, null, body),
    );

    course(outcomesApi.changeOutcome, (user, id, { params, body }) =>
      service.writeOutcome(deps, user, id, params.eventId, body),
    );

    course(outcomesApi.removeOutcome, (user, id, { params }) =>
      service.writeOutcome(deps, user, id, params.eventId, null),
    );

    route(outcomesApi.getReport, (user) => service.getReport(deps, user));

    route(outcomesApi.exportEvaluation, async (user, { query }, reply) =>
      sendDownload(reply, await service.exportEvaluation(deps, user, query)),
    );
  },
);
