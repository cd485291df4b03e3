/** The zod schemas of the Én plan HTTP API (docs/en-plan.md), shared by its route files. */
import { z } from 'zod';
import { CONTACT_FORMS, MEMBER_RELATIONS } from '../db/tables/citizen.table.js';
import { CONSENT_FORMS } from '../db/tables/consent.table.js';
import { EXTERNAL_TYPES, PARTY_KINDS } from '../db/tables/course-party.table.js';
import {
  COORDINATOR_ROLES,
  COURSE_KINDS,
  COURSE_STATUSES,
  TARGET_GROUPS,
} from '../db/tables/course.table.js';

/** Free text is kept as given (no trimming, no sanitising); only its length is limited. */
export const freeText = (max: number) => z.string().max(max);
export const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'required');
export const isoDate = z.iso.date();
export const cpr = z.string().max(20);
const optionalEmail = z.union([z.literal(''), z.string().trim().toLowerCase().email().max(254)]);
const phone = z.string().max(50);

export const courseParams = z.object({ id: z.uuid() });

export const coordinatorInput = z.object({
  personId: z.uuid(),
  role: z.enum(COORDINATOR_ROLES),
});

const familyRelation = z.enum(MEMBER_RELATIONS).exclude(['borger']);

export const memberInput = z.object({
  name: requiredText(200),
  cpr: cpr.optional(),
  relation: familyRelation,
});

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

export const newPartyInput = z.object({
  kind: z.enum(PARTY_KINDS),
  unitId: z.uuid().optional(),
  personId: z.uuid().optional(),
  externalType: z.enum(EXTERNAL_TYPES).optional(),
  name: freeText(200).optional(),
  phone: phone.optional(),
  email: optionalEmail.optional(),
  task: freeText(2000),
  responseTime: freeText(200),
});

export const partyChangeInput = z.object({
  externalType: z.enum(EXTERNAL_TYPES).optional(),
  name: requiredText(200).optional(),
  phone: phone.nullable().optional(),
  email: optionalEmail.nullable().optional(),
  task: freeText(2000).optional(),
  responseTime: freeText(200).optional(),
});

export const newConsentInput = z.object({
  purpose: requiredText(2000),
  partyIds: z.array(z.uuid()).min(1).max(100),
  memberIds: z.array(z.uuid()).min(1).max(20),
  givenOn: isoDate,
  form: z.enum(CONSENT_FORMS),
  witness: freeText(200).optional(),
  expiresOn: isoDate,
});

const coordinatorSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: z.enum(COORDINATOR_ROLES),
  email: z.string(),
  phone: z.string().nullable(),
  unitName: z.string(),
});

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  cprMasked: z.string().nullable(),
});

export const partySchema = z.object({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  unitId: z.string().nullable(),
  personId: z.string().nullable(),
  externalType: z.string().nullable(),
  name: z.string(),
  unitKind: z.enum(['myndighed', 'udfører', 'ekstern']).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  task: z.string(),
  responseTime: z.string(),
});

const access = z.enum(['full', 'consent', 'minimal']);

export const courseSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(COURSE_KINDS),
  status: z.enum(COURSE_STATUSES),
  citizenName: z.string().nullable(),
  targetGroup: z.string(),
  startDate: z.string(),
  coordinator: coordinatorSchema,
  access,
  complex: z.boolean().nullable(),
});

export const courseViewSchema = courseSummarySchema.extend({
  citizen: z
    .object({
      name: z.string(),
      cprMasked: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
      preferredContact: z.string(),
    })
    .optional(),
  members: z.array(memberSchema).optional(),
  network: z.array(partySchema).optional(),
  complexity: z
    .object({ units: z.number(), authorityFunctions: z.number(), complex: z.boolean() })
    .optional(),
  planVersion: z.number().optional(),
});

export const consentSchema = z.object({
  id: z.string(),
  purpose: z.string(),
  partyIds: z.array(z.string()),
  memberIds: z.array(z.string()),
  givenOn: z.string(),
  form: z.enum(CONSENT_FORMS),
  witness: z.string().nullable(),
  expiresOn: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  valid: z.boolean(),
  recordedBy: z.string(),
});
