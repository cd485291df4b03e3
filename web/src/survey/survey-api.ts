/** Calls to the respondent side (`src/measurements/survey.routes.ts`): no login, the token is the key. */
import type {
  SavedAnswers,
  SavedGroups,
  Submitted,
  Survey,
} from '../../../contract/measurements.schema.js';
import type { AnswerValue } from '../../../contract/measurements.js';
import { api } from '../api/client.js';

// One source for the item keys: the contract's zod-free values (the light page has no zod).
export { LEADERSHIP_ITEMS, RK_ITEMS } from '../../../contract/analysis.js';
export type { AnswerValue, Survey };

/** One answer as the survey sends it. */
export interface SurveyAnswer {
  target: string;
  item: string;
  value: AnswerValue;
}

const base = (measurementId: string, token: string) =>
  `/api/survey/${encodeURIComponent(measurementId)}/${encodeURIComponent(token)}`;

export const loadSurvey = (measurementId: string, token: string) =>
  api.get<Survey>(base(measurementId, token));

export const saveGroups = (measurementId: string, token: string, unitIds: string[]) =>
  api.put<SavedGroups>(`${base(measurementId, token)}/groups`, { unitIds });

export const saveAnswers = (measurementId: string, token: string, answers: SurveyAnswer[]) =>
  api.put<SavedAnswers>(`${base(measurementId, token)}/answers`, { answers });

export const submitSurvey = (measurementId: string, token: string) =>
  api.post<Submitted>(`${base(measurementId, token)}/submit`);

export const answerKey = (target: string, item: string) => `${target}\u0000${item}`;
