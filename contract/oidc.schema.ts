/** The OpenID Connect sign-in settings as the API shows them to an admin (issue #14). */
import { z } from 'zod';
import { USER_ROLES } from './users.js';

/** Whom a provider signs in: staff, or citizens (the MitID broker). */
export const oidcPurpose = z.enum(['staff', 'citizen']);

const domainPattern = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/;
const claimName = z.string().trim().min(1).max(100);

/** A provider setting as the settings page and the CLI give it. */
export const providerInputSchema = z.object({
  issuer: z
    .string()
    .trim()
    .max(500)
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      message: 'issuer must be an http(s) URL',
    }),
  clientId: z.string().trim().min(1).max(500),
  /** Left out: keep the saved secret. */
  clientSecret: z.string().min(1).max(2000).optional(),
  emailClaim: claimName.default('email'),
  roleClaim: claimName.nullable().default(null),
  roleMap: z.record(z.string().trim().min(1).max(200), z.enum(USER_ROLES)).default({}),
  domains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(domainPattern, 'not an e-mail domain such as aarhus.dk'),
    )
    .max(20)
    .default([]),
  passwordsAllowed: z.boolean().default(true),
  cprClaim: claimName.default('dk:gov:cpr'),
});
export type ProviderInput = z.input<typeof providerInputSchema>;

/** A municipality's provider for one purpose; the client secret is never shown. */
export const oidcProviderView = z.object({
  purpose: oidcPurpose,
  issuer: z.string(),
  clientId: z.string(),
  hasSecret: z.literal(true),
  emailClaim: z.string(),
  roleClaim: z.string().nullable(),
  roleMap: z.record(z.string(), z.enum(USER_ROLES)),
  domains: z.array(z.string()),
  passwordsAllowed: z.boolean(),
  cprClaim: z.string(),
  callbackUrl: z.string().describe('register this as the redirect URI at the provider'),
  updatedAt: z.string(),
});
export type OidcProviderView = z.infer<typeof oidcProviderView>;

/** `GET /api/municipality/oidc/:purpose`: the provider, or null when none is set. */
export const oidcProviderAnswer = z.object({ provider: oidcProviderView.nullable() });
export type OidcProviderAnswer = z.infer<typeof oidcProviderAnswer>;
