/** The login page's e-mail-first step; `src/auth/sso-discovery.routes.ts` binds its handler. */
import { z } from 'zod';
import { operations } from './operation.js';

export const ssoDiscoveryApi = operations({
  discover: {
    method: 'POST',
    path: '/api/auth/sso/discover',
    summary: 'How an e-mail address signs in (decided by its domain only)',
    body: z.object({ email: z.string().trim().min(1).max(254) }),
    response: {
      200: z.union([
        z.object({ method: z.literal('password') }),
        z.object({
          method: z.enum(['oidc', 'saml']),
          label: z.string(),
          municipalityName: z.string(),
          url: z.string(),
          passwordAllowed: z.boolean(),
        }),
      ]),
    },
  },
});
