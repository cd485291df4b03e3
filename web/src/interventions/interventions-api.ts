/** Calls to the intervention API (`src/interventions/intervention.routes.ts`). */
import { api } from '../api/client.js';

export type InterventionStatus = 'planned' | 'running' | 'completed' | 'cancelled';
export const INTERVENTION_STATUSES: InterventionStatus[] = [
  'planned',
  'running',
  'completed',
  'cancelled',
];

export interface Template {
  meetingMinutes: { min: number; max: number };
  daysBetweenMeetings: number;
  followUpMonths: { min: number; max: number };
  facilitation: { da: string; en: string };
  meetings: { number: number; topic: { da: string; en: string } }[];
  checklist: { key: string; da: string; en: string }[];
}

export interface Meeting {
  number: number;
  startsAt: string;
  durationMinutes: number;
  facilitator: string;
  colleague: string;
  held: boolean;
}

export interface Intervention {
  id: string;
  title: string;
  status: InterventionStatus;
  measurementId: string | null;
  checklist: Record<string, boolean>;
  followUpOn: string | null;
  followUpMeasurement: {
    id: string;
    title: string;
    status: string;
    waveLabel: string;
    opensAt: string | null;
  } | null;
  units: { id: string; name: string }[];
  leaders: { id: string; name: string; unitName: string | null }[];
  meetings: Meeting[];
  agreements: {
    id: string;
    kind: 'agreement' | 'decision';
    checklistKey: string | null;
    text: string;
    createdAt: string;
    createdBy: string | null;
  }[];
  youLead: boolean;
}

export interface InterventionSummary {
  id: string;
  title: string;
  status: InterventionStatus;
  followUpOn: string | null;
  units: { id: string; name: string }[];
  leaders: { id: string; name: string }[];
  nextMeeting: string | null;
}

export interface MeetingInput {
  startsAt: string;
  durationMinutes: number;
  facilitator: string;
  colleague: string;
  held?: boolean;
}

export const getTemplate = () => api.get<Template>('/api/interventions/template');
export const listCoLeaders = () =>
  api.get<{
    own: { unitId: string; unitName: string } | null;
    coLeaders: { id: string; name: string; unitId: string; unitName: string }[];
  }>('/api/interventions/leaders');
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
  change: { status?: InterventionStatus; checklist?: Record<string, boolean> },
) => api.patch<Intervention>(`/api/interventions/${id}`, change);
export const updateMeeting = (id: string, number: number, meeting: MeetingInput) =>
  api.put<Intervention>(`/api/interventions/${id}/meetings/${number}`, meeting);
export const addAgreement = (
  id: string,
  body: { kind: 'agreement' | 'decision'; checklistKey: string | null; text: string },
) => api.post<Intervention>(`/api/interventions/${id}/agreements`, body);
export const scheduleFollowUp = (id: string, followUpOn: string) =>
  api.put<Intervention>(`/api/interventions/${id}/follow-up`, { followUpOn });
