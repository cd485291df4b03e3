/**
 * The HTTP contract of citizens' courses (docs/en-plan.md): what the course routes take and
 * answer.
 */
import { z } from 'zod';
import {
  ACCESS_LEVELS,
  ACCESS_REQUEST_FORMATS,
  CONTACT_FORMS,
  COORDINATOR_ROLES,
  COURSE_KINDS,
  COURSE_STATUSES,
  EXTERNAL_TYPES,
  FAMILY_RELATIONS,
  MEMBER_RELATIONS,
  PARTY_KINDS,
  PARTY_UNIT_KINDS,
  TARGET_GROUPS,
} from './courses.js';
import {
  courseParams,
  cpr,
  fileResponse,
  freeText,
  isoDate,
  optionalEmail,
  phone,
  requiredText,
} from './en-plan.schema.js';
import { planPartSchema } from './plans.schema.js';

// ---------- requests ----------

/** `/api/courses/:id/parties/:partyId`. */
export const partyParams = courseParams.extend({ partyId: z.uuid() });

/** `GET /api/courses?status=`. */
export const courseListQuery = z.object({ status: z.enum(COURSE_STATUSES).optional() });

export const coordinatorInput = z.object({
  personId: z.uuid(),
  role: z.enum(COORDINATOR_ROLES),
});
export type CoordinatorInput = z.infer<typeof coordinatorInput>;

/** `/api/courses/:id/coordinators/:personId`. */
export const coCoordinatorParams = courseParams.extend({ personId: z.uuid() });

/**
 * `PUT /api/courses/:id/coordinators/lead`: hand the lead to another person; with
 * `keepPrevious` the previous lead stays on as a co-coordinator in their role.
 */
export const leadChangeInput = coordinatorInput.extend({
  keepPrevious: z.boolean().default(false),
});
export type LeadChangeInput = z.infer<typeof leadChangeInput>;

/** A family member to add (the main citizen comes with the course). */
export const memberInput = z.object({
  name: requiredText(200),
  cpr: cpr.optional(),
  relation: z.enum(FAMILY_RELATIONS),
});
export type MemberInput = z.infer<typeof memberInput>;

/** `POST /api/courses`. */
export const newCourseInput = z.object({
  kind: z.enum(COURSE_KINDS),
  targetGroup: z.enum(TARGET_GROUPS),
  startDate: isoDate,
  citizen: z.object({
    name: requiredText(200),
    cpr,
    phone: phone.optional(),
    email: optionalEmail.optional(),
    address: freeText(500).optional(),
    preferredContact: z.enum(CONTACT_FORMS),
  }),
  members: z.array(memberInput).max(20).optional(),
  coordinator: coordinatorInput,
});
export type NewCourseInput = z.infer<typeof newCourseInput>;

/** `PATCH /api/courses/:id`. */
export const courseChangeInput = z.object({
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  startDate: isoDate.optional(),
  coordinator: coordinatorInput.optional(),
  citizen: z
    .object({
      name: requiredText(200).optional(),
      phone: phone.nullable().optional(),
      email: optionalEmail.nullable().optional(),
      address: freeText(500).nullable().optional(),
      preferredContact: z.enum(CONTACT_FORMS).optional(),
    })
    .optional(),
});
export type CourseChangeInput = z.infer<typeof courseChangeInput>;

/** `POST /api/courses/:id/parties`. */
export const newPartyInput = z.object({
  kind: z.enum(PARTY_KINDS),
  unitId: z.uuid().optional(),
  personId: z.uuid().optional(),
  externalType: z.enum(EXTERNAL_TYPES).optional(),
  name: freeText(200).optional(),
  /** A relative's (`paaroerende`) relation to the citizen, e.g. "mormor"; required for them. */
  relation: freeText(100).optional(),
  phone: phone.optional(),
  email: optionalEmail.optional(),
  task: freeText(2000),
  responseTime: freeText(200),
});
export type NewPartyInput = z.infer<typeof newPartyInput>;

/** `PATCH /api/courses/:id/parties/:partyId`: its details, not its kind, unit or person. */
export const partyChangeInput = z.object({
  externalType: z.enum(EXTERNAL_TYPES).optional(),
  name: requiredText(200).optional(),
  relation: requiredText(100).optional(),
  phone: phone.nullable().optional(),
  email: optionalEmail.nullable().optional(),
  task: freeText(2000).optional(),
  responseTime: freeText(200).optional(),
});
export type PartyChangeInput = z.infer<typeof partyChangeInput>;

/** `DELETE /api/courses/:id`: why the closed course's data goes. */
export const courseDeleteInput = z.object({ reason: requiredText(2000) });

/** `GET /api/courses/:id/access-request`. */
export const accessRequestQuery = z.object({
  member: z.uuid(),
  format: z.enum(ACCESS_REQUEST_FORMATS).default('json'),
  hideStaff: z.enum(['true', 'false']).default('false'),
});

/** `GET /api/citizens/lookup?cpr=`. */
export const citizenLookupQuery = z.object({ cpr });

// ---------- responses ----------

export const coordinatorSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: z.enum(COORDINATOR_ROLES),
  email: z.string(),
  phone: z.string().nullable(),
  unitName: z.string(),
});
export type Coordinator = z.infer<typeof coordinatorSchema>;

/** A member of a course; the masked CPR only with full access. */
export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.enum(MEMBER_RELATIONS),
  cprMasked: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

/** A party of the network; `name` is the unit's, the professional's or the outside actor's. */
export const partySchema = z.object({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  unitId: z.string().nullable(),
  personId: z.string().nullable(),
  externalType: z.enum(EXTERNAL_TYPES).nullable(),
  name: z.string(),
  /** A relative's relation to the citizen; null for every other party. */
  relation: z.string().nullable(),
  unitKind: z.enum(PARTY_UNIT_KINDS).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  task: z.string(),
  responseTime: z.string(),
});
export type Party = z.infer<typeof partySchema>;

/** DOMAIN.md §2.4: complex with at least 5 units of which at least 2 are authority functions. */
export const complexitySchema = z.object({
  units: z.number(),
  authorityFunctions: z.number(),
  complex: z.boolean(),
});
export type Complexity = z.infer<typeof complexitySchema>;

/** The list entry of a course; the citizen's name and complexity are null at `minimal` access. */
export const courseSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(COURSE_KINDS),
  status: z.enum(COURSE_STATUSES),
  citizenName: z.string().nullable(),
  targetGroup: z.enum(TARGET_GROUPS),
  startDate: z.string(),
  coordinator: coordinatorSchema,
  access: z.enum(ACCESS_LEVELS),
  complex: z.boolean().nullable(),
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;

/** The main citizen's details (full access only). */
export const citizenDetailsSchema = z.object({
  name: z.string(),
  cprMasked: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  preferredContact: z.enum(CONTACT_FORMS),
});
export type CitizenDetails = z.infer<typeof citizenDetailsSchema>;

/**
 * One course, shaped by the reader's access: `minimal` has none of the optional parts.
 * `coCoordinators` are the coordinators beside the lead (`coordinator`), at every access.
 */
export const courseViewSchema = courseSummarySchema.extend({
  coCoordinators: z.array(coordinatorSchema),
  citizen: citizenDetailsSchema.optional(),
  members: z.array(memberSchema).optional(),
  network: z.array(partySchema).optional(),
  complexity: complexitySchema.optional(),
  planVersion: z.number().optional(),
});
export type CourseView = z.infer<typeof courseViewSchema>;

/**
 * A change of a course's coordinators: who coordinates now, and which network parties and
 * coordinators were told by mail (`notified`) and which could not be (`notNotified`: no
 * e-mail, or a relative, whom the coordinator tells in person).
 */
export const coordinationChangeSchema = z.object({
  coordinator: coordinatorSchema,
  coCoordinators: z.array(coordinatorSchema),
  notified: z.array(z.string()),
  notNotified: z.array(z.string()),
});
export type CoordinationChange = z.infer<typeof coordinationChangeSchema>;

/** `GET /api/courses`. */
export const courseListSchema = z.object({ courses: z.array(courseSummarySchema) });
export type CourseList = z.infer<typeof courseListSchema>;

/** One entry of the course's audit trail. */
export const courseAuditEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  userName: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type CourseAuditEntry = z.infer<typeof courseAuditEntrySchema>;

/** `GET /api/courses/:id/audit`. */
export const courseAuditSchema = z.object({ entries: z.array(courseAuditEntrySchema) });

/** A course found by CPR: who coordinates it, nothing about the citizen. */
export const citizenLookupSchema = z.object({
  courses: z.array(
    z.object({
      id: z.string(),
      status: z.enum(COURSE_STATUSES),
      coordinator: coordinatorSchema,
    }),
  ),
});
export type CitizenLookup = z.infer<typeof citizenLookupSchema>;

/** Everything one member's access request (indsigt) contains, as JSON. */
export const accessRequestSchema = z.object({
  generatedAt: z.string(),
  member: z.object({
    id: z.string(),
    name: z.string(),
    relation: z.enum(MEMBER_RELATIONS),
    cpr: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    preferredContact: z.enum(CONTACT_FORMS).nullable(),
  }),
  course: z.object({
    id: z.string(),
    kind: z.enum(COURSE_KINDS),
    targetGroup: z.enum(TARGET_GROUPS),
    startDate: z.string(),
    status: z.enum(COURSE_STATUSES),
    coordinator: z.object({
      name: z.string(),
      role: z.enum(COORDINATOR_ROLES),
      unitName: z.string(),
      email: z.string(),
    }),
  }),
  plan: z.array(
    z.object({
      version: z.number(),
      changedAt: z.string(),
      changedBy: z.string().nullable(),
      participants: z.array(z.string()),
      note: z.string().nullable(),
      part: planPartSchema.nullable(),
    }),
  ),
  network: z.array(partySchema),
  consents: z.array(
    z.object({
      id: z.string(),
      purpose: z.string(),
      partyIds: z.array(z.string()),
      givenOn: z.string(),
      expiresOn: z.string(),
      form: z.string(),
      witness: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
      withdrawReason: z.string().nullable(),
      valid: z.boolean(),
      recordedBy: z.string().nullable(),
      withdrawnBy: z.string().nullable(),
    }),
  ),
  accessLog: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      userName: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** The course journal's entries about this member (the main citizen: also the course's). */
  journal: z.array(
    z.object({
      createdAt: z.string(),
      authorName: z.string().nullable(),
      authorUnit: z.string().nullable(),
      text: z.string(),
      history: z.array(z.object({ text: z.string(), replacedAt: z.string() })),
      wrong: z.object({ at: z.string(), reason: z.string() }).nullable(),
    }),
  ),
  /** Information already obtained about this member (docs/journal.md). */
  information: z.array(
    z.object({
      what: z.string(),
      sourceName: z.string(),
      obtainedOn: z.string(),
      keptAt: z.string(),
      registeredBy: z.string().nullable(),
    }),
  ),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;

/** The access request's two bodies: the JSON above or the same as a PDF file. */
export const accessRequestResponse = z.union([
  accessRequestSchema,
  fileResponse('The access request as a PDF file (application/pdf) when format=pdf'),
]);
