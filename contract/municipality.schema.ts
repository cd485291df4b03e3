/**
 * The municipality's own settings (`/api/municipality/…`): requests and success
 * responses as zod schemas, and the response type the web uses (`import type` only).
 */
import { z } from 'zod';

/** `PUT /api/municipality/benchmark-consent`. */
export const benchmarkConsentBody = z.object({ consent: z.boolean() });

/** The settings as shown to admins and analysis owners. */
export const municipalitySettings = z.object({
  name: z.string(),
  slug: z.string(),
  /** Consent to take part in anonymous benchmarks across municipalities. */
  benchmarkConsent: z.boolean(),
});
/** The settings as the API returns them. */
export type MunicipalitySettings = z.infer<typeof municipalitySettings>;
