/** HTTP for progression: the municipality's instruments, a course's schedule, answers and curves. */
import type { CourseDeps } from '../courses/course-deps.js';
import { userPlugin } from '../kernel/route.js';
import { progressionApi } from '../../contract/progression.api.js';
import * as service from './progression.service.js';

const tags = ['progression'];

export const progressionRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: CourseDeps }) => {
    route(progressionApi.listInstruments, async (user) => ({
      instruments: await service.listInstruments(deps, user),
    }));

    route(progressionApi.createInstrument, (user, { body }) =>
      service.createInstrument(deps, user, body),
    );

    route(progressionApi.updateInstrument, (user, { params, body }) =>
      service.updateInstrument(deps, user, params.instrumentId, body),
    );

    course(progressionApi.getProgression, (user, id) => service.getProgression(deps, user, id));

    course(progressionApi.setSchedule, (user, id, { body }) =>
      service.setSchedule(deps, user, id, body),
    );

    course(progressionApi.recordResponse, (user, id, { body }) =>
      service.recordResponse(deps, user, id, body),
    );

    course(progressionApi.recordClosing, (user, id, { body }) =>
      service.recordClosing(deps, user, id, body),
    );
  },
);
