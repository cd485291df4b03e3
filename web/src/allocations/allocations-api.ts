/** Calls to the allocation API (`src/allocations`): random allocation, its verification and comparison, a course's case intervention. */
import type {
  Allocation,
  AllocationSummary,
  AllocationVerify,
  CaseMeasureComparison,
  CourseCaseIntervention,
} from '../../../contract/allocations.schema.js';
import { api } from '../api/client.js';

export type {
  Allocation,
  AllocationSummary,
  AllocationVerify,
  CaseMeasureComparison,
  CourseCaseIntervention,
};

export const loadAllocations = () => api.get<AllocationSummary[]>('/api/allocations');
export const loadAllocation = (id: string) =>
  api.get<Allocation>(`/api/allocations/${encodeURIComponent(id)}`);
export const runAllocation = (from: string, to: string) =>
  api.post<Allocation>('/api/allocations', { from, to });
export const verifyAllocation = (id: string) =>
  api.get<AllocationVerify>(`/api/allocations/${encodeURIComponent(id)}/verify`);
export const loadCourseCaseIntervention = (courseId: string) =>
  api.get<CourseCaseIntervention>(`/api/courses/${encodeURIComponent(courseId)}/case-intervention`);

/** Plan a course's case intervention: two meetings of `durationMinutes` with participants. */
export const planCaseIntervention = (
  courseId: string,
  body: {
    title: string;
    meetings: {
      startsAt: string;
      durationMinutes: number;
      facilitator: string;
      colleague: string;
      participants: string[];
    }[];
  },
) => api.post<unknown>('/api/interventions', { ...body, courseId });
