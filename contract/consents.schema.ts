/** The HTTP contract of consents: list with history, record, withdraw. */
import { z } from 'zod';
import { CONSENT_FORMS } from './consents.js';
import { courseParams, freeText, isoDate, requiredText } from './en-plan.schema.js';

/** `/api/courses/:id/consents/:consentId`. */
export const consentParams = courseParams.extend({ consentId: z.uuid() });

/** `POST /api/courses/:id/consents`. */
export const newConsentInput = z.object({
  purpose: requiredText(2000),
  partyIds: z.array(z.uuid()).min(1).max(100),
  memberIds: z.array(z.uuid()).min(1).max(20),
  givenOn: isoDate,
  form: z.enum(CONSENT_FORMS),
  witness: freeText(200).optional(),
  expiresOn: isoDate,
  /** The citizen also consents to research use: the evaluation export may carry their CPR number. */
  researchUse: z.boolean().optional(),
});
export type NewConsentInput = z.infer<typeof newConsentInput>;

/** `POST /api/courses/:id/consents/:consentId/withdraw`: the body and its reason are optional. */
export const withdrawConsentInput = z.object({ reason: freeText(2000).optional() }).optional();

/** A consent, withdrawn ones included; `valid` = not withdrawn and not expired today. */
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
  researchUse: z.boolean(),
  recordedBy: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;

/** `GET /api/courses/:id/consents`. */
export const consentListSchema = z.object({ consents: z.array(consentSchema) });
export type ConsentList = z.infer<typeof consentListSchema>;
