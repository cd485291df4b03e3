/** HTTP for the login page's e-mail-first step: which way an address signs in. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { ssoDiscoveryApi } from '../../contract/sso-discovery.api.js';
import type { Database } from '../db/schema.js';
import { routes } from '../kernel/route.js';
import { discoverSignIn } from './sso-discovery.js';

/** `POST /api/auth/sso/discover`; runs before login, outside any municipality's scope. */
export const ssoDiscoveryRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  routes(plugin, ['sign-in'])(
    ssoDiscoveryApi.discover,
    ({ body }) => discoverSignIn(db, body.email),
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' }, tenant: false } },
  );
};
