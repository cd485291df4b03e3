/** Calls to the progression API (`src/progression`) and the shapes it answers with. */
import type { ProgressionValue, RespondentKind } from '../../../contract/progression.js';
import type {
  Closing,
  ClosingInput,
  Instrument,
  InstrumentChange,
  InstrumentInput,
  InstrumentList,
  Progression,
  ProgressionResponse,
} from '../../../contract/progression.schema.js';
import { api } from '../api/client.js';

export type { ItemKind, ProgressionValue, RespondentKind } from '../../../contract/progression.js';
export type {
  Instrument,
  InstrumentItem,
  Occasion,
  Progression,
  ProgressionResponse,
} from '../../../contract/progression.schema.js';

export const loadInstruments = () => api.get<InstrumentList>('/api/progression/instruments');
export const createInstrument = (body: InstrumentInput) =>
  api.post<Instrument>('/api/progression/instruments', body);
export const updateInstrument = (id: string, body: InstrumentChange) =>
  api.patch<Instrument>(`/api/progression/instruments/${id}`, body);
export const loadProgression = (courseId: string) =>
  api.get<Progression>(`/api/courses/${courseId}/progression`);
export const setSchedule = (
  courseId: string,
  body: { instrumentId: string; intervalMonths: number; moreInstrumentIds?: string[] },
) => api.put<Progression>(`/api/courses/${courseId}/progression/schedule`, body);
export const recordResponse = (
  courseId: string,
  body: {
    instrumentId?: string | undefined;
    memberId?: string | undefined;
    occasion?: string | undefined;
    answeredBy: RespondentKind;
    answers: Record<string, ProgressionValue>;
  },
) => api.post<ProgressionResponse>(`/api/courses/${courseId}/progression/responses`, body);
export const recordClosing = (courseId: string, body: ClosingInput) =>
  api.put<Closing>(`/api/courses/${courseId}/progression/closing`, body);
