/** Calls to the citizen view API (`src/citizen-view`): the staff side and the citizen's own. */
import type { CitizenMessageKind, CitizenScaleValue } from '../../../contract/citizen-view.js';
import type {
  CitizenActivity,
  CitizenCurrent,
  CitizenLink,
  CitizenMessage,
  CitizenScaleAnswered,
  CitizenScaleRequest,
  CitizenSession,
  CodeSent,
  CodeStatus,
} from '../../../contract/citizen-view.schema.js';
import type { ProgressionValue } from '../../../contract/progression.js';
import type { ProgressionResponse } from '../../../contract/progression.schema.js';
import { api, ensureCsrfToken } from '../api/client.js';

export type {
  CitizenAction,
  CitizenActivity,
  CitizenView,
  CodeSent,
} from '../../../contract/citizen-view.schema.js';

const staff = (courseId: string) => `/api/courses/${courseId}`;

export const loadCitizenActivity = (courseId: string) =>
  api.get<CitizenActivity>(`${staff(courseId)}/citizen-activity`);
export const createCitizenLink = (
  courseId: string,
  body: { memberId?: string; validDays: number },
) => api.post<CitizenLink>(`${staff(courseId)}/citizen-links`, body);
export const revokeCitizenLink = (courseId: string, linkId: string) =>
  api.post<void>(`${staff(courseId)}/citizen-links/${linkId}/revoke`);
export const requestCitizenScale = (courseId: string) =>
  api.post<CitizenScaleRequest>(`${staff(courseId)}/citizen-scale`, {});

const link = (courseId: string, token: string) => `/api/borger/${courseId}/${token}`;

/** The code waiting to be typed, if any (sends nothing). */
export const codeStatus = (courseId: string, token: string) =>
  api.get<CodeStatus>(`${link(courseId, token)}/code-status`);
/** Send a code; a valid one is kept unless `again` asks for a new one. */
export const sendCode = async (courseId: string, token: string, again = false) => {
  await ensureCsrfToken();
  return api.post<CodeSent>(`${link(courseId, token)}/code`, { again });
};
export const enterCode = async (courseId: string, token: string, code: string) => {
  await ensureCsrfToken();
  return api.post<CitizenSession>(`${link(courseId, token)}/session`, { code });
};
/** The citizen's own view, or null before they have entered a code (asked without failing). */
export const loadMyCourse = async () => (await api.get<CitizenCurrent>('/api/borger/current')).view;
export const sendMessage = (body: { kind: CitizenMessageKind; text: string }) =>
  api.post<CitizenMessage>('/api/borger/me/messages', body);
/** Save her side's answers to one task (again: replaces them, the autosave). */
export const answerMyProgression = (
  task: { instrumentId: string; memberId: string; occasion: string },
  answers: Record<string, ProgressionValue>,
) => api.post<ProgressionResponse>('/api/borger/me/progression', { ...task, answers });
export const answerMyScale = (answers: Record<string, CitizenScaleValue>) =>
  api.post<CitizenScaleAnswered>('/api/borger/me/scale', { answers });
export const logoutCitizen = () => api.post<void>('/api/borger/logout');
