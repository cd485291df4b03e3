/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/users/users.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  createUserBody,
  myUnit,
  updateUserBody,
  user as userSchema,
  userIdParams,
  userList,
} from './users.schema.js';

export const usersApi = operations({
  listUsers: {
    method: 'GET',
    path: '/api/users',
    summary: "The municipality's logins",
    response: { 200: userList },
  },
  myUnit: {
    method: 'GET',
    path: '/api/me/unit',
    summary: 'The unit the logged-in leader leads (null when the login is linked to none)',
    response: { 200: myUnit },
  },
  createUser: {
    method: 'POST',
    path: '/api/users',
    summary: 'Create a login',
    body: createUserBody,
    response: { 201: userSchema },
  },
  updateUser: {
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change role, name, password or disable a login',
    params: userIdParams,
    body: updateUserBody,
    response: { 200: userSchema },
  },
});
