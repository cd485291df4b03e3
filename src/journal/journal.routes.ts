/** HTTP for the course journal and the register of information already obtained (docs/journal.md). */
import type { FastifyPluginAsync } from 'fastify';
import { courseParams } from '../../contract/en-plan.schema.js';
import {
  courseJournalSchema,
  informationInput,
  journalCorrectionInput,
  journalEntryInput,
  journalEntryParams,
  journalWrongInput,
} from '../../contract/journal.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { userRoutes } from '../kernel/route.js';
import * as service from './journal.service.js';

const tags = ['journal'];

export const journalRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const route = userRoutes(plugin, tags);

  route.get('/api/courses/:id/journal', {
    summary: "A course's journal, newest first, and its information register (audited)",
    params: courseParams,
    response: { 200: courseJournalSchema },
    handler: (user, { params }) => service.getJournal(deps, user, params.id),
  });

  route.post('/api/courses/:id/journal', {
    summary: 'Write a journal entry (anyone who may read it); answers the journal',
    params: courseParams,
    body: journalEntryInput,
    response: { 201: courseJournalSchema },
    handler: (user, { params, body }) => service.writeEntry(deps, user, params.id, body),
  });

  route.post('/api/courses/:id/journal/:entryId/correct', {
    summary: "Correct one's own entry within the correction window; the earlier text is kept",
    params: journalEntryParams,
    body: journalCorrectionInput,
    response: { 200: courseJournalSchema },
    handler: (user, { params, body }) =>
      service.correctEntry(deps, user, params.id, params.entryId, body.text),
  });

  route.post('/api/courses/:id/journal/:entryId/wrong', {
    summary: "Mark one's own entry as wrong, with a reason; the text stays",
    params: journalEntryParams,
    body: journalWrongInput,
    response: { 200: courseJournalSchema },
    handler: (user, { params, body }) =>
      service.markEntryWrong(deps, user, params.id, params.entryId, body.reason),
  });

  route.post('/api/courses/:id/information', {
    summary:
      'Register information already obtained; 409 with details.duplicateOf on a repeat within 6 months unless confirmDuplicate',
    params: courseParams,
    body: informationInput,
    response: { 201: courseJournalSchema },
    handler: (user, { params, body }) => service.registerInformation(deps, user, params.id, body),
  });
};
