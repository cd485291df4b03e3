/** Calls to the intervention API (`src/interventions/intervention.routes.ts`). */
import type {
  AgreementKind,
  ChecklistKey,
  InterventionStatus,
} from '../../../contract/interventions.js';
import type {
  CoLeaders,
  Intervention,
  InterventionSummary,
  InterventionTemplate as Template,
} from '../../../contract/interventions.schema.js';
import { api } from '../api/client.js';

export {
  INTERVENTION_STATUSES,
  type ChecklistKey,
  type InterventionStatus,
} from '../../../contract/interventions.js';
export type {
  Intervention,
  InterventionMeeting as Meeting,
  InterventionSummary,
  InterventionTemplate as Template,
} from '../../../contract/interventions.schema.js';

/** A network meeting as the planning form sends it (`startsAt` an ISO date-time). */
export interface MeetingInput {
  startsAt: string;
  durationMinutes: number;
  facilitator: string;
  colleague: string;
  held?: boolean;
  /** Course party ids (case interventions); a change replaces the list, so send it whole. */
  participants?: string[];
}

export const getTemplate = () => api.get<Template>('/api/interventions/template');
export const listCoLeaders = () => api.get<CoLeaders>('/api/interventions/leaders');
export const listInterventions = () => api.get<InterventionSummary[]>('/api/interventions');
export const getIntervention = (id: string) => api.get<Intervention>(`/api/interventions/${id}`);
export const createIntervention = (body: {
  title: string;
  unitIds: string[];
  coLeaderUserIds: string[];
  measurementId: string | null;
  meetings: [MeetingInput, MeetingInput];
  followUpOn: string | null;
}) => api.post<Intervention>('/api/interventions', body);
export const updateIntervention = (
  id: string,
  change: { status?: InterventionStatus; checklist?: Partial<Record<ChecklistKey, boolean>> },
) => api.patch<Intervention>(`/api/interventions/${id}`, change);
export const updateMeeting = (id: string, number: number, meeting: MeetingInput) =>
  api.put<Intervention>(`/api/interventions/${id}/meetings/${number}`, meeting);
export const addAgreement = (
  id: string,
  body: { kind: AgreementKind; checklistKey: ChecklistKey | null; text: string },
) => api.post<Intervention>(`/api/interventions/${id}/agreements`, body);
export const scheduleFollowUp = (id: string, followUpOn: string) =>
  api.put<Intervention>(`/api/interventions/${id}/follow-up`, { followUpOn });
