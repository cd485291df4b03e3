/** HTTP for the course journal and the register of information already obtained (docs/journal.md). */
import {
  courseJournalSchema,
  informationInput,
  journalCorrectionInput,
  journalEntryInput,
  journalEntryParams,
  journalWrongInput,
} from '../../contract/journal.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { userPlugin } from '../kernel/route.js';
import * as service from './journal.service.js';

const tags = ['journal'];

export const journalRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course.get('/journal', {
    summary: "A course's journal, newest first, and its information register (audited)",
    response: { 200: courseJournalSchema },
    handler: (user, id) => service.getJournal(deps, user, id),
  });

  course.post('/journal', {
    summary: 'Write a journal entry (anyone who may read it); answers the journal',
    body: journalEntryInput,
    response: { 201: courseJournalSchema },
    handler: (user, id, { body }) => service.writeEntry(deps, user, id, body),
  });

  course.post('/journal/:entryId/correct', {
    summary: "Correct one's own entry within the correction window; the earlier text is kept",
    params: journalEntryParams,
    body: journalCorrectionInput,
    response: { 200: courseJournalSchema },
    handler: (user, id, { params, body }) =>
      service.correctEntry(deps, user, id, params.entryId, body.text),
  });

  course.post('/journal/:entryId/wrong', {
    summary: "Mark one's own entry as wrong, with a reason; the text stays",
    params: journalEntryParams,
    body: journalWrongInput,
    response: { 200: courseJournalSchema },
    handler: (user, id, { params, body }) =>
      service.markEntryWrong(deps, user, id, params.entryId, body.reason),
  });

  course.post('/information', {
    summary:
      'Register information already obtained; 409 with details.duplicateOf on a repeat within 6 months unless confirmDuplicate',
    body: informationInput,
    response: { 201: courseJournalSchema },
    handler: (user, id, { body }) => service.registerInformation(deps, user, id, body),
  });
});
