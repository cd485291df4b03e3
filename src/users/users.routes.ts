/** HTTP for administering users and roles. */
import type { UserRole } from '../../contract/users.js';
import { type User } from '../../contract/users.schema.js';
import * as service from './users.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { usersApi } from '../../contract/users.api.js';

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
  route(usersApi.listUsers, async (user) => (await service.listUsers(db, user)).map(toUser));

  route(usersApi.myUnit, (user) => service.myUnit(db, user));

  route(usersApi.createUser, async (user, { body }) => {
    const created = await service.createUser(db, user, body);
    return toUser(created);
  });

  route(usersApi.updateUser, async (user, { params, body }) =>
    toUser(await service.updateUser(db, user, params.id, body)),
  );
});
