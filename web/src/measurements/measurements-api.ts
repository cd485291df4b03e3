/** Calls to the measurement API (`src/measurements/measurement.routes.ts`) and the outbox. */
import type { MailStatus } from '../../../contract/mail.js';
import type { Arm, FocalKind, Flow, GroupKind, ItemTexts } from '../../../contract/measurements.js';
import type {
  InvitationsResult,
  Withdrawn,
  MeasurementDetail,
  MeasurementView,
  OpenResult,
  RemindResult,
  ResponseImportReport,
  ResponseRates,
} from '../../../contract/measurements.schema.js';
import { api } from '../api/client.js';
import type { PersonRole } from '../api/types.js';

export { FOCAL_KINDS, GROUP_KINDS } from '../../../contract/measurements.js';
export type {
  Arm,
  Flow,
  FocalKind,
  GroupKind,
  ItemTexts,
  MeasurementStatus,
} from '../../../contract/measurements.js';
export type { SuppressedReason } from '../../../contract/analysis.js';
export type { ResponseImportReport, ResponseRates as Responses };
/** A measurement as the API shows it. */
export type Measurement = MeasurementView;

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

export interface OutboxMail {
  id: string;
  kind: string;
  /** A survey or citizen mail: its recipient and text are not shown. */
  personal: boolean;
  to: string | null;
  subject: string;
  body: string | null;
  status: MailStatus;
  createdAt: string;
  sentAt: string | null;
}

export const listMeasurements = () => api.get<Measurement[]>('/api/measurements');
export const createMeasurement = (input: MeasurementInput) =>
  api.post<Measurement>('/api/measurements', input);
export const loadMeasurement = (id: string) =>
  api.get<MeasurementDetail>(`/api/measurements/${id}`);
/** A change to a measurement: only the fields that changed. */
export type MeasurementChange = Partial<Omit<MeasurementInput, 'previousMeasurementId'>> & {
  items?: ItemTexts;
};
export const updateMeasurement = (id: string, change: MeasurementChange) =>
  api.patch<Measurement>(`/api/measurements/${id}`, change);

export const importResponses = (id: string, file: File, commit: boolean) =>
  api.upload<ResponseImportReport>(`/api/measurements/${id}/import?commit=${commit}`, file);
export const invite = (
  id: string,
  body: { unitIds?: string[]; roles?: PersonRole[]; personIds?: string[] },
) => api.post<InvitationsResult>(`/api/measurements/${id}/invitations`, body);
/** Withdraw a group's invitations (a row of the response table). */
export const withdrawInvitations = (id: string, group: string) =>
  api.post<Withdrawn>(`/api/measurements/${id}/invitations/withdraw`, { group });
export const openMeasurement = (id: string) => api.post<OpenResult>(`/api/measurements/${id}/open`);
export const closeMeasurement = (id: string) =>
  api.post<Measurement>(`/api/measurements/${id}/close`);
export const remind = (id: string) => api.post<RemindResult>(`/api/measurements/${id}/remind`);
export const loadResponses = (id: string) =>
  api.get<ResponseRates>(`/api/measurements/${id}/responses`);
export const loadOutbox = () =>
  api.get<{ smtpConfigured: boolean; devMailViewer: boolean; mails: OutboxMail[] }>('/api/outbox');

/** A date input's value (yyyy-mm-dd) as the end of that day, local time, in ISO form. */
export const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();
