/** Calls to the workshop API (`src/workshops/workshop.routes.ts`) and its live events. */
import type { WorkshopRating } from '../../../contract/workshops.js';
import type {
  Actor,
  WorkshopComparison,
  WorkshopState,
  WorkshopSummary,
} from '../../../contract/workshops.schema.js';
import { api } from '../api/client.js';

export { CANVAS } from '../../../contract/workshops.js';
export type { Actor, WorkshopComparison as Comparison, WorkshopState as Workshop, WorkshopSummary };
/** The room's colour of a tie. */
export type Rating = WorkshopRating;

const base = (id: string) => `/api/workshops/${id}`;

export const listWorkshops = () => api.get<WorkshopSummary[]>('/api/workshops');
export const createWorkshop = (body: {
  title: string;
  targetGroup: string;
  measurementId: string | null;
  courseId?: string | null;
}) => api.post<WorkshopState>('/api/workshops', body);
export const getWorkshop = (id: string) => api.get<WorkshopState>(base(id));
export const facilitate = (id: string) => api.post<WorkshopState>(`${base(id)}/facilitate`);
export const release = (id: string) => api.post<WorkshopState>(`${base(id)}/release`);
export const addActor = (
  id: string,
  body: { unitId?: string | null; label?: string | null; x: number; y: number },
) => api.post<WorkshopState>(`${base(id)}/actors`, body);
export const moveActor = (id: string, actorId: string, body: { x?: number; y?: number }) =>
  api.patch<WorkshopState>(`${base(id)}/actors/${actorId}`, body);
export const removeActor = (id: string, actorId: string) =>
  api.delete<WorkshopState>(`${base(id)}/actors/${actorId}`);
export const setStep = (id: string, step: number) =>
  api.put<WorkshopState>(`${base(id)}/step`, { step });
export const setCurrentActor = (id: string, actorId: string) =>
  api.put<WorkshopState>(`${base(id)}/current-actor`, { actorId });
export const rateTie = (
  id: string,
  body: { fromActorId: string; toActorId: string; rating: Rating | null },
) => api.put<WorkshopState>(`${base(id)}/ratings`, body);
export const addPoint = (id: string, body: { text: string; owner: string; dueOn: string | null }) =>
  api.post<WorkshopState>(`${base(id)}/points`, body);
export const updatePoint = (
  id: string,
  pointId: string,
  body: { done?: boolean; x?: number; y?: number },
) => api.patch<WorkshopState>(`${base(id)}/points/${pointId}`, body);
export const removePoint = (id: string, pointId: string) =>
  api.delete<WorkshopState>(`${base(id)}/points/${pointId}`);
export const getComparison = (id: string) => api.get<WorkshopComparison>(`${base(id)}/comparison`);
export const pdfUrl = (id: string, lang: string) => `${base(id)}/export/pdf?lang=${lang}`;
export const eventsUrl = (id: string) => `${base(id)}/events`;
