/** Calls to the fidelity API (`src/fidelity`) and the shapes it answers with. */
import type {
  CourseFidelity,
  FidelityAnswers,
  FidelityChecklist,
  FidelityDue,
  FidelityIndex,
} from '../../../contract/fidelity.schema.js';
import { api } from '../api/client.js';

export type {
  CourseFidelity,
  FidelityAnswers,
  FidelityChecklist,
  FidelityDue,
  FidelityFigure,
  FidelityIndex,
  FidelitySeries,
} from '../../../contract/fidelity.schema.js';

const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/fidelity`;

export const loadCourseFidelity = (courseId: string) => api.get<CourseFidelity>(base(courseId));
export const saveFidelityDraft = (courseId: string, occasion: string, answers: FidelityAnswers) =>
  api.put<FidelityChecklist>(`${base(courseId)}/${occasion}`, { answers });
export const submitFidelity = (courseId: string, occasion: string, answers: FidelityAnswers) =>
  api.post<FidelityChecklist>(`${base(courseId)}/${occasion}/submit`, { answers });
export const loadFidelityDue = () => api.get<FidelityDue>('/api/fidelity/due');
export const loadFidelityIndex = () => api.get<FidelityIndex>('/api/fidelity/index');
/** The index as CSV (a plain link: the browser downloads it with the session cookie). */
export const FIDELITY_CSV_URL = '/api/fidelity/index/csv';
