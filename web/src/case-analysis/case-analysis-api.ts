/** Calls to the case analysis API (`src/case-analysis`): a course's case measurements and the analysis across courses. */
import type { Arm } from '../../../contract/measurements.js';
import type {
  CaseAnalysis,
  CaseLevel,
  CaseMeasurementView as CaseMeasurement,
  CaseRegression,
} from '../../../contract/case-analysis.schema.js';
import type { DidCell } from '../../../contract/analysis.schema.js';
import { api } from '../api/client.js';

export type { CaseAnalysis, CaseLevel, CaseMeasurement, CaseRegression, DidCell };
/** A course's arm in an intervention/control design. */
export type CourseArm = Arm;

const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/case-analysis`;

export const loadCaseAnalysis = (courseId: string) => api.get<CaseAnalysis>(base(courseId));
export const startCaseMeasurement = (courseId: string, includeUnitMembers: boolean) =>
  api.post<CaseAnalysis>(base(courseId), { includeUnitMembers });
export const closeCaseMeasurement = (courseId: string, measurementId: string) =>
  api.post<CaseAnalysis>(`${base(courseId)}/${encodeURIComponent(measurementId)}/close`);
export const setCourseArm = (courseId: string, arm: CourseArm | null) =>
  api.put<CaseAnalysis>(`${base(courseId)}/arm`, { arm });
export const loadCaseLevel = () => api.get<CaseLevel>('/api/case-analysis');
