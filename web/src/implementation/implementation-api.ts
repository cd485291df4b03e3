/** Calls to the implementation survey API (`src/implementation`) and the shapes it answers with. */
import type {
  ImplementationReport,
  ImplementationSurveyView,
  ItemSetInput,
  ItemSetView,
} from '../../../contract/implementation.schema.js';
import { api } from '../api/client.js';

export type { ImplementationReport, ImplementationSurveyView, ItemSetInput, ItemSetView };

const base = '/api/implementation';
const survey = (id: string) => `${base}/surveys/${encodeURIComponent(id)}`;

export const loadItemSets = () => api.get<ItemSetView[]>(`${base}/item-sets`);
export const createItemSet = (input: ItemSetInput) =>
  api.post<ItemSetView>(`${base}/item-sets`, input);
export const updateItemSet = (id: string, input: ItemSetInput) =>
  api.put<ItemSetView>(`${base}/item-sets/${encodeURIComponent(id)}`, input);
export const loadSurveys = () => api.get<ImplementationSurveyView[]>(`${base}/surveys`);
export const createSurvey = (input: { title: string; itemSetId: string; unitIds: string[] }) =>
  api.post<ImplementationSurveyView>(`${base}/surveys`, input);
export const loadSurvey = (id: string) => api.get<ImplementationSurveyView>(survey(id));
export const runSurvey = (id: string, step: 'open' | 'close' | 'remind') =>
  api.post<ImplementationSurveyView>(`${survey(id)}/${step}`);
export const loadResponses = (id: string) =>
  api.get<{ invited: number; finished: number; step: number }>(`${survey(id)}/responses`);
export const loadReport = (id: string) => api.get<ImplementationReport>(`${survey(id)}/report`);
/** The report as CSV (a plain link: the browser downloads it with the session cookie). */
export const reportCsvUrl = (id: string) => `${survey(id)}/report/csv`;
