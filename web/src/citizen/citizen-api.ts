/** Calls to the citizen view API (`src/citizen-view`): the staff side and the citizen's own. */
import { api } from '../api/client.js';
import type { Progression, ProgressionValue } from '../progression/progression-api.js';

export interface CitizenActivity {
  messages: {
    id: string;
    memberId: string;
    memberName: string;
    kind: 'kommentar' | 'oenske';
    text: string;
    createdAt: string;
  }[];
  scales: {
    id: string;
    memberId: string;
    requestedAt: string;
    answeredAt: string | null;
    answers: Record<string, number | 'dk'> | null;
  }[];
  links: {
    id: string;
    memberId: string;
    createdAt: string;
    expiresAt: string;
    locked: boolean;
    revoked: boolean;
  }[];
}

export interface CitizenAction {
  id: string;
  text: string;
  who: string;
  status: 'planlagt' | 'i-gang' | 'afsluttet' | 'opgivet';
  start: string | null;
  end: string | null;
  law: string;
  paragraph: string;
}

/** What the citizen sees of their course. */
export interface CitizenView {
  course: { id: string; kind: string; startDate: string };
  me: { memberId: string; name: string; relation: string };
  planVersion: number;
  parts: {
    memberId: string;
    name: string;
    dreams: string;
    goal: string;
    subGoals: { id: string; text: string; actions: CitizenAction[] }[];
  }[];
  nextSteps: CitizenAction[];
  coordinator: { name: string; unitName: string; email: string } | null;
  people: {
    id: string;
    name: string;
    task: string;
    phone: string | null;
    email: string | null;
    responseTime: string;
  }[];
  nextMeeting: {
    id: string;
    kind: string;
    title: string;
    startsAt: string;
    durationMinutes: number;
    place: string;
    agenda: string;
  } | null;
  progression: Progression;
  scale: { id: string; items: { id: string; text: string }[] } | null;
  messages: { id: string; kind: string; text: string; createdAt: string }[];
}

const staff = (courseId: string) => `/api/courses/${courseId}`;

export const loadCitizenActivity = (courseId: string) =>
  api.get<CitizenActivity>(`${staff(courseId)}/citizen-activity`);
export const createCitizenLink = (
  courseId: string,
  body: { memberId?: string; validDays: number },
) =>
  api.post<{ id: string; memberId: string; sentTo: string; expiresAt: string }>(
    `${staff(courseId)}/citizen-links`,
    body,
  );
export const revokeCitizenLink = (courseId: string, linkId: string) =>
  api.post<void>(`${staff(courseId)}/citizen-links/${linkId}/revoke`);
export const requestCitizenScale = (courseId: string) =>
  api.post<{ id: string }>(`${staff(courseId)}/citizen-scale`, {});

const link = (courseId: string, token: string) => `/api/borger/${courseId}/${token}`;

export const sendCode = (courseId: string, token: string) =>
  api.post<{ sentTo: string; expiresInMinutes: number }>(`${link(courseId, token)}/code`);
export const enterCode = (courseId: string, token: string, code: string) =>
  api.post<{ ok: true }>(`${link(courseId, token)}/session`, { code });
export const loadMyCourse = () => api.get<CitizenView>('/api/borger/me');
export const sendMessage = (body: { kind: 'kommentar' | 'oenske'; text: string }) =>
  api.post<{ id: string }>('/api/borger/me/messages', body);
export const answerMyProgression = (answers: Record<string, ProgressionValue>) =>
  api.post<{ id: string }>('/api/borger/me/progression', { answers });
export const answerMyScale = (answers: Record<string, number | 'dk'>) =>
  api.post<{ id: string }>('/api/borger/me/scale', { answers });
export const logoutCitizen = () => api.post<void>('/api/borger/logout');
