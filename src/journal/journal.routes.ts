/** HTTP for the course journal and the register of information already obtained (docs/journal.md). */
import type { CourseDeps } from '../courses/course-deps.js';
import { userPlugin } from '../kernel/route.js';
import { journalApi } from '../../contract/journal.api.js';
import * as service from './journal.service.js';

const tags = ['journal'];

export const journalRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course(journalApi.getJournal, (user, id) => service.getJournal(deps, user, id));

  course(journalApi.writeEntry, (user, id, { body }) => service.writeEntry(deps, user, id, body));

  course(journalApi.correctEntry, (user, id, { params, body }) =>
    service.correctEntry(deps, user, id, params.entryId, body.text),
  );

  course(journalApi.markEntryWrong, (user, id, { params, body }) =>
    service.markEntryWrong(deps, user, id, params.entryId, body.reason),
  );

  course(journalApi.registerInformation, (user, id, { body }) =>
    service.registerInformation(deps, user, id, body),
  );
});
