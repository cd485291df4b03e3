/** Requests and responses of dialogue workshops (`/api/workshops…`). */
import { z } from 'zod';
import { TIE_LEVELS } from './analysis.js';
import { CANVAS, WORKSHOP_RATINGS } from './workshops.js';

const rating = z.enum(WORKSHOP_RATINGS);
const x = z.number().min(0).max(CANVAS.width);
const y = z.number().min(0).max(CANVAS.height);
const date = z.iso.date();

/** `:id` of a workshop. */
export const workshopParams = z.object({ id: z.uuid() });
/** `:id` and `:actorId`. */
export const actorParams = z.object({ id: z.uuid(), actorId: z.uuid() });
/** `:id` and `:pointId`. */
export const pointParams = z.object({ id: z.uuid(), pointId: z.uuid() });

/** `POST /api/workshops`. */
export const createWorkshopBody = z.object({
  title: z.string().trim().min(1).max(200),
  targetGroup: z.string().trim().min(1).max(500),
  measurementId: z.uuid().nullable().default(null),
  courseId: z.uuid().nullable().default(null),
});

/** `POST …/actors`: a unit, or a name typed on the spot. */
export const addActorBody = z.object({
  unitId: z.uuid().nullable().default(null),
  label: z.string().trim().max(120).nullable().default(null),
  x,
  y,
});

/** `PATCH …/actors/:actorId`. */
export const updateActorBody = z.object({
  label: z.string().trim().min(1).max(120).optional(),
  x: x.optional(),
  y: y.optional(),
});

/** `PUT …/step`. */
export const stepBody = z.object({ step: z.number().int().min(1).max(3) });

/** `PUT …/current-actor`. */
export const currentActorBody = z.object({ actorId: z.uuid() });

/** `PUT …/ratings`: null clears. */
export const rateTieBody = z.object({
  fromActorId: z.uuid(),
  toActorId: z.uuid(),
  rating: rating.nullable(),
});

/** `POST …/points`. */
export const addPointBody = z.object({
  text: z.string().trim().min(1).max(1000),
  owner: z.string().max(200).default(''),
  dueOn: date.nullable().default(null),
  x: x.default(CANVAS.width / 2),
  y: y.default(CANVAS.height / 2),
});

/** `PATCH …/points/:pointId`. */
export const updatePointBody = z.object({
  text: z.string().trim().min(1).max(1000).optional(),
  owner: z.string().max(200).optional(),
  dueOn: date.nullable().optional(),
  done: z.boolean().optional(),
  x: x.optional(),
  y: y.optional(),
});

/** `GET …/export/pdf?lang=`. */
export const workshopPdfQuery = z.object({ lang: z.enum(['da', 'en']).default('da') });

/** One workshop in the list. */
export const workshopSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  targetGroup: z.string(),
  step: z.number(),
  courseId: z.string().nullable(),
  actors: z.number(),
  openPoints: z.number(),
  facilitator: z.string().nullable(),
  updatedAt: z.string(),
});
/** One workshop in the list. */
export type WorkshopSummary = z.infer<typeof workshopSummarySchema>;

/** An actor on the canvas. */
export const actorSchema = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  label: z.string(),
  x: z.number(),
  y: z.number(),
});
/** An actor on the canvas. */
export type Actor = z.infer<typeof actorSchema>;

/** A party of the linked course offered as an actor. */
export const suggestedActorSchema = z.object({
  partyId: z.string(),
  /** The course party's kind (the courses feature's `PARTY_KINDS`). */
  kind: z.enum(['unit', 'professional', 'external']),
  /** Set for unit parties: add the actor with this unit. */
  unitId: z.string().nullable(),
  label: z.string(),
  /** What the party does in the course; only with full access to the course. */
  task: z.string().optional(),
  onCanvas: z.boolean(),
});
/** A party of the linked course offered as an actor. */
export type SuggestedActor = z.infer<typeof suggestedActorSchema>;

/** One pair whose two sides see their tie differently; `gap` in colour steps, A sees it better. */
export const perspectiveDifferenceSchema = z.object({
  a: z.string(),
  b: z.string(),
  ab: rating,
  ba: rating,
  gap: z.number(),
});
/** One pair whose two sides see their tie differently. */
export type PerspectiveDifference = z.infer<typeof perspectiveDifferenceSchema>;

/** Everything a screen in the room shows. */
export const workshopSchema = z.object({
  id: z.string(),
  title: z.string(),
  targetGroup: z.string(),
  measurementId: z.string().nullable(),
  /** The citizen's course the workshop is held around, when linked. */
  courseId: z.string().nullable(),
  /** The course's network parties (names only, plus their task with full access to the course). */
  suggestedActors: z.array(suggestedActorSchema),
  step: z.number(),
  currentActorId: z.string().nullable(),
  version: z.number(),
  facilitator: z.object({ userId: z.string(), name: z.string(), idle: z.boolean() }).nullable(),
  youFacilitate: z.boolean(),
  mayFacilitate: z.boolean(),
  actors: z.array(actorSchema),
  ratings: z.array(z.object({ fromActorId: z.string(), toActorId: z.string(), rating })),
  differences: z.array(perspectiveDifferenceSchema),
  points: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      owner: z.string(),
      dueOn: z.string().nullable(),
      done: z.boolean(),
      x: z.number(),
      y: z.number(),
    }),
  ),
  updatedAt: z.string(),
});
/** A workshop as every screen in the room shows it. */
export type WorkshopState = z.infer<typeof workshopSchema>;

/** One ordered pair of unit actors: the room's colour against the survey's level. */
export const comparedTieSchema = z.object({
  fromActorId: z.string(),
  toActorId: z.string(),
  room: rating.nullable(),
  survey: z.object({ score: z.number().nullable(), level: z.enum(TIE_LEVELS) }).nullable(),
  /** True when both exist and the room's colour matches the survey's level. */
  agrees: z.boolean().nullable(),
});
/** One ordered pair of unit actors compared. */
export type ComparedTie = z.infer<typeof comparedTieSchema>;

/** `GET …/comparison`: the room's ties against the linked measurement's latest wave. */
export const workshopComparisonSchema = z.object({
  measurementId: z.string(),
  wave: z.string().nullable(),
  thresholds: z.object({ high: z.number(), low: z.number() }).nullable(),
  ties: z.array(comparedTieSchema),
});
/** The room's map beside the measured one. */
export type WorkshopComparison = z.infer<typeof workshopComparisonSchema>;
