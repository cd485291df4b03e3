/** HTTP for the login page's e-mail-first step: which way an address signs in. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { routes } from '../kernel/route.js';
import { discoverSignIn } from './sso-discovery.js';

/** `POST /api/auth/sso/discover`; runs before login, outside any municipality's scope. */
export const ssoDiscoveryRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  routes(plugin, ['sign-in']).post('/api/auth/sso/discover', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' }, tenant: false },
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
    handler: ({ body }) => discoverSignIn(db, body.email),
  });
};
