/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/journal/journal.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { courseParams } from './en-plan.schema.js';
import {
  courseJournalSchema,
  informationInput,
  journalCorrectionInput,
  journalEntryInput,
  journalEntryParams,
  journalWrongInput,
} from './journal.schema.js';

export const journalApi = operations({
  getJournal: {
    method: 'GET',
    path: '/api/courses/:id/journal',
    summary: "A course's journal, newest first, and its information register (audited)",
    params: courseParams,
    response: { 200: courseJournalSchema },
  },
  writeEntry: {
    method: 'POST',
    path: '/api/courses/:id/journal',
    summary: 'Write a journal entry (anyone who may read it); answers the journal',
    params: courseParams,
    body: journalEntryInput,
    response: { 201: courseJournalSchema },
  },
  correctEntry: {
    method: 'POST',
    path: '/api/courses/:id/journal/:entryId/correct',
    summary: "Correct one's own entry within the correction window; the earlier text is kept",
    params: journalEntryParams,
    body: journalCorrectionInput,
    response: { 200: courseJournalSchema },
  },
  markEntryWrong: {
    method: 'POST',
    path: '/api/courses/:id/journal/:entryId/wrong',
    summary: "Mark one's own entry as wrong, with a reason; the text stays",
    params: journalEntryParams,
    body: journalWrongInput,
    response: { 200: courseJournalSchema },
  },
  registerInformation: {
    method: 'POST',
    path: '/api/courses/:id/information',
    summary:
      'Register information already obtained; 409 with details.duplicateOf on a repeat within 6 months unless confirmDuplicate',
    params: courseParams,
    body: informationInput,
    response: { 201: courseJournalSchema },
  },
});
