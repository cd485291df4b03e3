/** Calls to the measurement API (`src/measurements/measurement.routes.ts`) and the outbox. */
import { api, type Message } from '../api/client.js';
import type { PersonRole } from '../api/types.js';

export type MeasurementStatus = 'draft' | 'open' | 'closed';
export type Arm = 'intervention' | 'kontrol';
/** Whether a group hands work on (sender) or receives it (receiver). */
export type Flow = 'sender' | 'receiver';
/** The kinds of focal process, for benchmarks across municipalities. */
export const FOCAL_KINDS = [
  'dobbeltdiagnose',
  'udsatte-unge',
  'beskaeftigelse',
  'familier',
  'andet',
] as const;
export type FocalKind = (typeof FOCAL_KINDS)[number];
/** Whether a measurement's groups are units or professions across units. */
export const GROUP_KINDS = ['unit', 'profession'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface Measurement {
  id: string;
  title: string;
  focalProcess: string;
  focalKind: FocalKind | null;
  status: MeasurementStatus;
  groupKind: GroupKind;
  opensAt: string | null;
  closesAt: string | null;
  minGroup: number;
  thresholdHigh: number;
  thresholdLow: number;
  chooseGroups: boolean;
  includeLeadership: boolean;
  waveLabel: string;
  previousMeasurementId: string | null;
  /** The wording of every item, Danish and English; `{xx}` stands for the focal process. */
  items: ItemTexts;
  createdAt: string;
}

export type ItemTexts = Record<string, { da: string; en: string }>;

export interface MeasurementInput {
  title: string;
  focalProcess: string;
  focalKind: FocalKind | null;
  groupKind: GroupKind;
  groups: { unitId: string; arm: Arm | null; flow: Flow | null }[];
  /** The profession groups (when `groupKind` is 'profession'), normalised by the server. */
  professions: { name: string; arm: Arm | null }[];
  chooseGroups: boolean;
  includeLeadership: boolean;
  opensAt: string | null;
  closesAt: string | null;
  minGroup: number;
  thresholdHigh: number;
  thresholdLow: number;
  waveLabel: string;
  previousMeasurementId: string | null;
}

/** Why a figure is hidden: too few answers, or so it cannot be worked out from the others. */
export type SuppressedReason = 'small' | 'complementary';

export interface Responses {
  minGroup: number;
  invited: number;
  pending: number;
  /** While open: counts are rounded down to multiples of this; null once closed (exact). */
  step: number | null;
  finished: number | null;
  finishedSuppressed: boolean;
  finishedSuppressedReason: SuppressedReason | null;
  units: {
    unitId: string;
    unitName: string;
    invited: number;
    finished: number | null;
    suppressed: boolean;
    suppressedReason: SuppressedReason | null;
  }[];
  mail: Record<string, number>;
}

export interface OutboxMail {
  id: string;
  kind: string;
  /** A survey or citizen mail: its recipient and text are not shown. */
  personal: boolean;
  to: string | null;
  subject: string;
  body: string | null;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

export const listMeasurements = () => api.get<Measurement[]>('/api/measurements');
export const createMeasurement = (input: MeasurementInput) =>
  api.post<Measurement>('/api/measurements', input);
export const loadMeasurement = (id: string) =>
  api.get<{
    measurement: Measurement;
    groups: { id: string; name: string; kind: string; arm: Arm | null; flow: Flow | null }[];
  }>(`/api/measurements/${id}`);
/** A change to a measurement: only the fields that changed. */
export type MeasurementChange = Partial<Omit<MeasurementInput, 'previousMeasurementId'>> & {
  items?: ItemTexts;
};
export const updateMeasurement = (id: string, change: MeasurementChange) =>
  api.patch<Measurement>(`/api/measurements/${id}`, change);

/** `POST /api/measurements/:id/import`: the check of a long-CSV file of answers. */
export interface ResponseImportReport {
  committed: boolean;
  rows: number;
  respondents: number;
  errors: { line: number | null; message: Message }[];
}
export const importResponses = (id: string, file: File, commit: boolean) =>
  api.upload<ResponseImportReport>(`/api/measurements/${id}/import?commit=${commit}`, file);
export const invite = (
  id: string,
  body: { unitIds?: string[]; roles?: PersonRole[]; personIds?: string[] },
) => api.post<{ added: number; matched: number }>(`/api/measurements/${id}/invitations`, body);
export const openMeasurement = (id: string) =>
  api.post<{ measurement: Measurement; sent: number }>(`/api/measurements/${id}/open`);
export const closeMeasurement = (id: string) =>
  api.post<Measurement>(`/api/measurements/${id}/close`);
export const remind = (id: string) =>
  api.post<{ reminded: number }>(`/api/measurements/${id}/remind`);
export const loadResponses = (id: string) =>
  api.get<Responses>(`/api/measurements/${id}/responses`);
export const loadOutbox = () =>
  api.get<{ smtpConfigured: boolean; devMailViewer: boolean; mails: OutboxMail[] }>('/api/outbox');

/** A date input's value (yyyy-mm-dd) as the end of that day, local time, in ISO form. */
export const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();
