/** Calls to the course journal API (`src/journal`) and the shapes it answers with. */
import type {
  CourseJournal,
  InformationInput,
  JournalEntryInput,
} from '../../../contract/journal.schema.js';
import { api } from '../api/client.js';

export type {
  CourseJournal,
  DuplicateInformationDetails,
  InformationInput,
  JournalEntry,
  ObtainedInformation,
} from '../../../contract/journal.schema.js';

const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}`;

export const loadJournal = (courseId: string) =>
  api.get<CourseJournal>(`${base(courseId)}/journal`);
export const writeEntry = (courseId: string, input: JournalEntryInput) =>
  api.post<CourseJournal>(`${base(courseId)}/journal`, input);
export const correctEntry = (courseId: string, entryId: string, text: string) =>
  api.post<CourseJournal>(`${base(courseId)}/journal/${entryId}/correct`, { text });
export const markEntryWrong = (courseId: string, entryId: string, reason: string) =>
  api.post<CourseJournal>(`${base(courseId)}/journal/${entryId}/wrong`, { reason });
export const registerInformation = (courseId: string, input: InformationInput) =>
  api.post<CourseJournal>(`${base(courseId)}/information`, input);
