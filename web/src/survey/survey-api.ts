/** Calls to the respondent side (`src/measurements/survey.routes.ts`): no login, the token is the key. */
import { api } from '../api/client.js';

// One source for the item keys: the analysis core (pure, no I/O, safe to bundle).
export { LEADERSHIP_ITEMS, RK_ITEMS } from '../../../src/analysis/answer.js';

export type AnswerValue = 1 | 2 | 3 | 4 | 5 | 'dk' | null;

export interface SurveyAnswer {
  target: string;
  item: string;
  value: AnswerValue;
}

export interface Survey {
  measurement: {
    id: string;
    title: string;
    focalProcess: string;
    chooseGroups: boolean;
    /** Units, or professions across units: then group ids and names are professions. */
    groupKind: 'unit' | 'profession';
    includeLeadership: boolean;
    closesAt: string | null;
    /** Results are only shown for groups with at least this many answers. */
    minGroup: number;
    items: Record<string, { da: string; en: string }>;
  };
  ownUnitId: string;
  groups: { id: string; name: string }[];
  finished: boolean;
  chosenGroups: string[] | null;
  answers: SurveyAnswer[];
}

const base = (measurementId: string, token: string) =>
  `/api/survey/${encodeURIComponent(measurementId)}/${encodeURIComponent(token)}`;

export const loadSurvey = (measurementId: string, token: string) =>
  api.get<Survey>(base(measurementId, token));

export const saveGroups = (measurementId: string, token: string, unitIds: string[]) =>
  api.put<{ chosenGroups: string[] }>(`${base(measurementId, token)}/groups`, { unitIds });

export const saveAnswers = (measurementId: string, token: string, answers: SurveyAnswer[]) =>
  api.put<{ saved: number }>(`${base(measurementId, token)}/answers`, { answers });

export const submitSurvey = (measurementId: string, token: string) =>
  api.post<{ finished: boolean }>(`${base(measurementId, token)}/submit`);

export const answerKey = (target: string, item: string) => `${target}\u0000${item}`;
