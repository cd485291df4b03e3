/** Calls to the progression API (`src/progression`) and the shapes it answers with. */
import { api } from '../api/client.js';

export type ItemKind = 'scale-1-5' | 'scale-0-10' | 'yes-no' | 'text';
export type RespondentKind = 'borger' | 'foraelder' | 'sagsbehandler';
export type ProgressionValue = number | boolean | string;

export interface InstrumentItem {
  id: string;
  text: string;
  kind: ItemKind;
  low?: string;
  high?: string;
}

export interface Instrument {
  id: string;
  name: string;
  targetGroup: string;
  description: string;
  items: InstrumentItem[];
  isDefault: boolean;
  archived: boolean;
}

export interface Occasion {
  key: string;
  due: string;
}

export interface ProgressionResponse {
  id: string;
  memberId: string;
  instrumentId: string;
  occasion: string;
  answeredAt: string;
  answeredBy: RespondentKind;
  answers: Record<string, ProgressionValue>;
}

export interface Progression {
  schedule: {
    instrumentId: string;
    intervalMonths: number;
    occasions: (Occasion & { answered: boolean })[];
    next: Occasion | null;
    due: Occasion | null;
  } | null;
  instruments: Instrument[];
  responses: ProgressionResponse[];
}

export const loadInstruments = () =>
  api.get<{ instruments: Instrument[] }>('/api/progression/instruments');
export const createInstrument = (body: Omit<Instrument, 'id' | 'isDefault' | 'archived'>) =>
  api.post<Instrument>('/api/progression/instruments', body);
export const updateInstrument = (id: string, body: Partial<Instrument>) =>
  api.patch<Instrument>(`/api/progression/instruments/${id}`, body);
export const loadProgression = (courseId: string) =>
  api.get<Progression>(`/api/courses/${courseId}/progression`);
export const setSchedule = (
  courseId: string,
  body: { instrumentId: string; intervalMonths: number },
) => api.put<Progression>(`/api/courses/${courseId}/progression/schedule`, body);
export const recordResponse = (
  courseId: string,
  body: { answeredBy: RespondentKind; answers: Record<string, ProgressionValue> },
) => api.post<ProgressionResponse>(`/api/courses/${courseId}/progression/responses`, body);
