/** The values of a citizen's consents (docs/en-plan.md) that server and web share. No zod. */

/** How a consent was given: signed, digitally, or orally with a witness. */
export const CONSENT_FORMS = ['underskrift', 'digital', 'mundtlig-med-vidne'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
