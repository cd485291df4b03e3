/** Calls to the workshop API (`src/workshops/workshop.routes.ts`) and its live events. */
import { api } from '../api/client.js';

export type Rating = 'good' | 'middle' | 'low';

export interface Actor {
  id: string;
  unitId: string | null;
  label: string;
  x: number;
  y: number;
}

export interface Workshop {
  id: string;
  title: string;
  targetGroup: string;
  measurementId: string | null;
  /** The citizen's course the workshop is held around, when linked. */
  courseId: string | null;
  /** The course's network parties (names only, plus their task with full access to the course). */
  suggestedActors: {
    partyId: string;
    kind: 'unit' | 'professional' | 'external';
    unitId: string | null;
    label: string;
    task?: string;
    onCanvas: boolean;
  }[];
  step: number;
  currentActorId: string | null;
  version: number;
  facilitator: { userId: string; name: string; idle: boolean } | null;
  youFacilitate: boolean;
  mayFacilitate: boolean;
  actors: Actor[];
  ratings: { fromActorId: string; toActorId: string; rating: Rating }[];
  differences: { a: string; b: string; ab: Rating; ba: Rating; gap: number }[];
  points: {
    id: string;
    text: string;
    owner: string;
    dueOn: string | null;
    done: boolean;
    x: number;
    y: number;
  }[];
  updatedAt: string;
}

export interface WorkshopSummary {
  id: string;
  title: string;
  targetGroup: string;
  step: number;
  courseId: string | null;
  actors: number;
  openPoints: number;
  facilitator: string | null;
  updatedAt: string;
}

export interface Comparison {
  measurementId: string;
  wave: string | null;
  ties: {
    fromActorId: string;
    toActorId: string;
    room: Rating | null;
    survey: { score: number | null; level: string } | null;
    agrees: boolean | null;
  }[];
}

/** The canvas in logical units; the server checks the same bounds. */
export const CANVAS = { width: 1000, height: 600 } as const;

const base = (id: string) => `/api/workshops/${id}`;

export const listWorkshops = () => api.get<WorkshopSummary[]>('/api/workshops');
export const createWorkshop = (body: {
  title: string;
  targetGroup: string;
  measurementId: string | null;
  courseId?: string | null;
}) => api.post<Workshop>('/api/workshops', body);
export const getWorkshop = (id: string) => api.get<Workshop>(base(id));
export const facilitate = (id: string) => api.post<Workshop>(`${base(id)}/facilitate`);
export const release = (id: string) => api.post<Workshop>(`${base(id)}/release`);
export const addActor = (
  id: string,
  body: { unitId?: string | null; label?: string | null; x: number; y: number },
) => api.post<Workshop>(`${base(id)}/actors`, body);
export const moveActor = (id: string, actorId: string, body: { x?: number; y?: number }) =>
  api.patch<Workshop>(`${base(id)}/actors/${actorId}`, body);
export const removeActor = (id: string, actorId: string) =>
  api.delete<Workshop>(`${base(id)}/actors/${actorId}`);
export const setStep = (id: string, step: number) =>
  api.put<Workshop>(`${base(id)}/step`, { step });
export const setCurrentActor = (id: string, actorId: string) =>
  api.put<Workshop>(`${base(id)}/current-actor`, { actorId });
export const rateTie = (
  id: string,
  body: { fromActorId: string; toActorId: string; rating: Rating | null },
) => api.put<Workshop>(`${base(id)}/ratings`, body);
export const addPoint = (id: string, body: { text: string; owner: string; dueOn: string | null }) =>
  api.post<Workshop>(`${base(id)}/points`, body);
export const updatePoint = (
  id: string,
  pointId: string,
  body: { done?: boolean; x?: number; y?: number },
) => api.patch<Workshop>(`${base(id)}/points/${pointId}`, body);
export const removePoint = (id: string, pointId: string) =>
  api.delete<Workshop>(`${base(id)}/points/${pointId}`);
export const getComparison = (id: string) => api.get<Comparison>(`${base(id)}/comparison`);
export const pdfUrl = (id: string, lang: string) => `${base(id)}/export/pdf?lang=${lang}`;
export const eventsUrl = (id: string) => `${base(id)}/events`;
