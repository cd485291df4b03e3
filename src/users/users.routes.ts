/** HTTP for administering users and roles. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { UserRole } from '../../contract/users.js';
import {
  createUserBody,
  myUnit,
  updateUserBody,
  user as userSchema,
  userIdParams,
  userList,
  type User,
} from '../../contract/users.schema.js';
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './users.service.js';

const toUser = (u: {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  person_id: string | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
}): User => ({
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
        response: { 200: userList },
      },
    },
    async (request) => (await service.listUsers(db, requireUser(request))).map(toUser),
  );

  app.get(
    '/api/me/unit',
    {
      schema: {
        tags: ['users'],
        summary: 'The unit the logged-in leader leads (null when the login is linked to none)',
        response: { 200: myUnit },
      },
    },
    async (request) => service.myUnit(db, requireUser(request)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a login',
        body: createUserBody,
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
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      toUser(await service.updateUser(db, requireUser(request), request.params.id, request.body)),
  );
};
