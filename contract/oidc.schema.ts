/** The OpenID Connect sign-in settings as the API shows them to an admin (issue #14). */
import { z } from 'zod';
import { USER_ROLES } from './users.js';

/** Whom a provider signs in: staff, or citizens (the MitID broker). */
export const oidcPurpose = z.enum(['staff', 'citizen']);

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
