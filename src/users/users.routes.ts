/** HTTP for administering users and roles. */
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
import * as service from './users.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

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

export const usersRoutes = userPlugin(['users'], ({ route }, { db }: DbOptions) => {
  route.get('/api/users', {
    summary: "The municipality's logins",
    response: { 200: userList },
    handler: async (user) => (await service.listUsers(db, user)).map(toUser),
  });

  route.get('/api/me/unit', {
    summary: 'The unit the logged-in leader leads (null when the login is linked to none)',
    response: { 200: myUnit },
    handler: (user) => service.myUnit(db, user),
  });

  route.post('/api/users', {
    summary: 'Create a login',
    body: createUserBody,
    response: { 201: userSchema },
    handler: async (user, { body }) => {
      const created = await service.createUser(db, user, body);
      return toUser(created);
    },
  });

  route.patch('/api/users/:id', {
    summary: 'Change role, name, password or disable a login',
    params: userIdParams,
    body: updateUserBody,
    response: { 200: userSchema },
    handler: async (user, { params, body }) =>
      toUser(await service.updateUser(db, user, params.id, body)),
  });
});
