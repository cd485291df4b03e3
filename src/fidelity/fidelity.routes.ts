/** HTTP for the Én plan fidelity checklist and the implementation index (docs/fidelity.md). */
import type { CourseDeps } from '../courses/course-deps.js';
import { userPlugin } from '../kernel/route.js';
import { fidelityApi } from '../../contract/fidelity.api.js';
import * as service from './fidelity.service.js';

const tags = ['fidelity'];

export const fidelityRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: CourseDeps }) => {
    course(fidelityApi.getCourseFidelity, (user, id) => service.getCourseFidelity(deps, user, id));

    // A draft and a submission take the same answers; only submitting checks they are complete.
    for (const [operation, submit] of [
      [fidelityApi.saveChecklist, false],
      [fidelityApi.submitChecklist, true],
    ] as const) {
      course(operation, (user, id, { params, body }) =>
        service.saveChecklist(deps, user, id, params.occasion, body.answers, submit),
      );
    }

    route(fidelityApi.listDue, (user) => service.listDue(deps, user));

    route(fidelityApi.getIndex, (user) => service.getIndex(deps, user));

    route(fidelityApi.indexCsv, async (user, _request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="implementeringsindeks.csv"')
        .header('cache-control', 'no-store')
        .send(await service.indexCsv(deps, user)),
    );
  },
);
