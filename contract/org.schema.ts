/**
 * The organisation API (`/api/org…`): every request and success response as zod
 * schemas, and the response types the web and tests use (`import type` only).
 */
import { z } from 'zod';
import {
  IMPORT_ACTIONS,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PROFESSION_LENGTH,
  PERSON_ROLES,
  UNIT_KINDS,
} from './org.js';

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const email = z.string().trim().toLowerCase().email().max(MAX_EMAIL_LENGTH);
/** Optional; empty or null clears it. */
const profession = z.string().trim().max(MAX_PROFESSION_LENGTH).nullable();
/** A text in both languages (as in error messages). */
const message = z.object({ da: z.string(), en: z.string() });

/** `:id` of an area, unit or person. */
export const orgIdParams = z.object({ id: z.uuid() });

/** `GET /api/org?includeArchived=`. */
export const orgQuery = z.object({ includeArchived: z.enum(['true', 'false']).default('false') });

/** `POST /api/org/areas`. */
export const createAreaBody = z.object({ name });
/** `PATCH /api/org/areas/:id`. */
export const updateAreaBody = z.object({ name: name.optional(), archived: z.boolean().optional() });

/** `POST /api/org/units`. */
export const createUnitBody = z.object({
  name,
  kind: z.enum(UNIT_KINDS),
  areaId: z.uuid().nullable().default(null),
});
/** `PATCH /api/org/units/:id`. */
export const updateUnitBody = z.object({
  name: name.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  areaId: z.uuid().nullable().optional(),
  archived: z.boolean().optional(),
});

/** `POST /api/org/people`. */
export const createPersonBody = z.object({
  name,
  email,
  role: z.enum(PERSON_ROLES),
  unitId: z.uuid(),
  profession: profession.optional(),
});
/** `PATCH /api/org/people/:id`. */
export const updatePersonBody = z.object({
  name: name.optional(),
  email: email.optional(),
  role: z.enum(PERSON_ROLES).optional(),
  unitId: z.uuid().optional(),
  profession: profession.optional(),
  archived: z.boolean().optional(),
});

/** What the web sends to create or change an area, unit or person (before defaults). */
export type AreaChange = z.input<typeof updateAreaBody>;
/** See `AreaChange`. */
export type UnitInput = z.input<typeof createUnitBody>;
/** See `AreaChange`. */
export type UnitChange = z.input<typeof updateUnitBody>;
/** See `AreaChange`. */
export type PersonInput = z.input<typeof createPersonBody>;
/** See `AreaChange`. */
export type PersonChange = z.input<typeof updatePersonBody>;

/** `POST /api/org/import?commit=`: check only (false) or import (true). */
export const orgImportQuery = z.object({ commit: z.enum(['true', 'false']).default('false') });

/** An area: a group of units (forvaltning, område). */
export const area = z.object({ id: z.string(), name: z.string(), archived: z.boolean() });
/** An area as the API returns it. */
export type Area = z.infer<typeof area>;

/** A unit: department, team, profession or outside actor. */
export const unit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  areaId: z.string().nullable(),
  archived: z.boolean(),
});
/** A unit as the API returns it. */
export type Unit = z.infer<typeof unit>;

/** A person in the organisation (who may or may not have a login). */
export const person = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(PERSON_ROLES),
  unitId: z.string(),
  /** The person's profession (fag), stored in lower case; null when not given. */
  profession: z.string().nullable(),
  archived: z.boolean(),
});
/** A person as the API returns them. */
export type Person = z.infer<typeof person>;

/** `GET /api/org`: the municipality's areas, units and people. */
export const organisation = z.object({
  areas: z.array(area),
  units: z.array(unit),
  people: z.array(person),
});
/** The whole organisation as the API returns it. */
export type Organisation = z.infer<typeof organisation>;

const importAction = z.enum(IMPORT_ACTIONS);

/** `POST /api/org/import`: the check of a file and the plan of what importing it does. */
export const importReport = z.object({
  rows: z.number(),
  committed: z.boolean(),
  errors: z.array(z.object({ line: z.number(), message })),
  plan: z.object({
    areas: z.array(z.object({ name: z.string(), existingId: z.string().nullable() })),
    units: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(UNIT_KINDS),
        area: z.string().nullable(),
        existingId: z.string().nullable(),
        action: importAction,
      }),
    ),
    people: z.array(
      z.object({
        line: z.number(),
        name: z.string(),
        email: z.string(),
        role: z.enum(PERSON_ROLES),
        unit: z.string(),
        /** Present when the file has a profession column ("fag"). */
        profession: z.string().nullable().optional(),
        existingId: z.string().nullable(),
        action: importAction,
      }),
    ),
  }),
});
/** The import report as the API returns it. */
export type ImportReport = z.infer<typeof importReport>;
