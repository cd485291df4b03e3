/** HTTP for the login page's e-mail-first step: which way an address signs in. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { discoverSignIn } from './sso-discovery.js';

/** `POST /api/auth/sso/discover`; runs before login, outside any municipality's scope. */
export const ssoDiscoveryRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/auth/sso/discover',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' }, tenant: false },
      schema: {
        tags: ['sign-in'],
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
    },
    async (request) => discoverSignIn(db, request.body.email),
  );
};
