/** HTTP for administering users and roles. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { USER_ROLES } from '../db/tables/user.table.js';
import { requireUser } from '../server/request-context.js';
import * as service from './users.service.js';

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
  personId: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

const toUser = (u: {
  id: string;
  name: string;
  email: string;
  role: (typeof USER_ROLES)[number];
  person_id: string | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
}) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  personId: u.person_id,
  disabled: u.disabled_at !== null,
  lastLoginAt: u.last_login_at?.toISOString() ?? null,
});

export const usersRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (plugin, { db }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: "The municipality's logins",
        response: { 200: z.array(userSchema) },
      },
    },
    async (request) => (await service.listUsers(db, requireUser(request))).map(toUser),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a login',
        body: z.object({
          name: z.string().trim().min(1).max(200),
          email: z.string().trim().toLowerCase().email().max(254),
          role: z.enum(USER_ROLES),
          password: z.string().max(200),
          personId: z.uuid().nullable().default(null),
        }),
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await service.createUser(db, requireUser(request), request.body);
      return reply.status(201).send(toUser(user));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change role, name, password or disable a login',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          name: z.string().trim().min(1).max(200).optional(),
          role: z.enum(USER_ROLES).optional(),
          disabled: z.boolean().optional(),
          password: z.string().max(200).optional(),
          personId: z.uuid().nullable().optional(),
        }),
        response: { 200: userSchema },
      },
    },
    async (request) =>
      toUser(await service.updateUser(db, requireUser(request), request.params.id, request.body)),
  );
};
