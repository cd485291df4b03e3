/** Calls to the case analysis API (`src/case-analysis`): a course's case measurements and the analysis across courses. */
import { api } from '../api/client.js';
import type { TieResult } from '../../../src/analysis/analyze.js';
import type { DimensionProfile } from '../../../src/analysis/relational-capacity.js';

export type CourseArm = 'intervention' | 'kontrol';

export interface CaseMeasurement {
  id: string;
  wave: string;
  status: 'draft' | 'open' | 'closed';
  minGroup: number;
  invited: number;
  finished: number | null;
  finishedSuppressed: boolean;
  result: {
    thresholds: { high: number; low: number };
    caseRk: { rk: number | null; n: number | null; suppressed: boolean };
    network: {
      score: number | null;
      n: number | null;
      suppressed: boolean;
      dimensions: DimensionProfile;
    };
    ties: TieResult[];
  } | null;
}

export interface CaseAnalysis {
  courseId: string;
  arm: CourseArm | null;
  units: number;
  canStart: boolean;
  defaultMinGroup: number;
  citizenScore: number | null;
  measurements: CaseMeasurement[];
}

export interface CaseRegression {
  slope: number | null;
  intercept: number | null;
  r: number | null;
  p: number | null;
  n: number;
  elasticity: number | null;
  suppressed: boolean;
  points: { x: number; y: number }[] | null;
}

export interface DidCell {
  mean: number | null;
  sd: number | null;
  n: number | null;
}

export interface CaseLevel {
  minCases: number;
  courses: number;
  result: {
    cases: number;
    citizen: CaseRegression;
    units: CaseRegression;
    did: {
      did: number | null;
      se: number | null;
      ci: [number, number] | null;
      p: number | null;
      cells: {
        intervention: { before: DidCell; after: DidCell };
        kontrol: { before: DidCell; after: DidCell };
      };
    } | null;
  };
}

const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/case-analysis`;

export const loadCaseAnalysis = (courseId: string) => api.get<CaseAnalysis>(base(courseId));
export const startCaseMeasurement = (courseId: string, includeUnitMembers: boolean) =>
  api.post<CaseAnalysis>(base(courseId), { includeUnitMembers });
export const closeCaseMeasurement = (courseId: string, measurementId: string) =>
  api.post<CaseAnalysis>(`${base(courseId)}/${encodeURIComponent(measurementId)}/close`);
export const setCourseArm = (courseId: string, arm: CourseArm | null) =>
  api.put<CaseAnalysis>(`${base(courseId)}/arm`, { arm });
export const loadCaseLevel = () => api.get<CaseLevel>('/api/case-analysis');
