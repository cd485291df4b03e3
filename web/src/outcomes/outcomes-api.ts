/** Calls to the outcomes API (`src/outcomes`) and the shapes it answers with. */
import type {
  CourseOutcomes,
  OutcomeInput,
  OutcomeReport,
} from '../../../contract/outcomes.schema.js';
import { api } from '../api/client.js';

export type {
  CourseOutcomes,
  OutcomeEvent,
  OutcomeInput,
  OutcomeReport,
  OutcomeReportRow,
  ShareFigure,
} from '../../../contract/outcomes.schema.js';

const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/outcomes`;

export const loadCourseOutcomes = (courseId: string) => api.get<CourseOutcomes>(base(courseId));
export const recordOutcome = (courseId: string, input: OutcomeInput) =>
  api.post<CourseOutcomes>(base(courseId), input);
export const changeOutcome = (courseId: string, eventId: string, input: OutcomeInput) =>
  api.put<CourseOutcomes>(`${base(courseId)}/${eventId}`, input);
export const deleteOutcome = (courseId: string, eventId: string) =>
  api.delete<CourseOutcomes>(`${base(courseId)}/${eventId}`);
export const loadOutcomeReport = () => api.get<OutcomeReport>('/api/outcomes/report');
/** The export's address (a plain link: the browser downloads it with the session cookie). */
export const outcomeExportUrl = (format: 'csv' | 'xlsx', cpr: boolean) =>
  `/api/outcomes/export?format=${format}&cpr=${cpr ? 'include' : 'omit'}`;
