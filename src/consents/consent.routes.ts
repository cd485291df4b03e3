/** HTTP for consents: list with history, record, withdraw. */
import type { CourseDeps } from '../courses/course-deps.js';
import { userPlugin } from '../kernel/route.js';
import { consentsApi } from '../../contract/consents.api.js';
import * as service from './consent.service.js';

const tags = ['consents'];

export const consentRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course(consentsApi.listCourseConsents, async (user, id) => ({
    consents: await service.listCourseConsents(deps, user, id),
  }));

  course(consentsApi.recordConsent, (user, id, { body }) =>
    service.recordConsent(deps, user, id, body),
  );

  course(consentsApi.withdrawConsent, (user, id, { params, body }) =>
    service.withdrawConsent(deps, user, id, params.consentId, body?.reason),
  );
});
