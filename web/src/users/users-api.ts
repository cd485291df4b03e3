/** Calls to the user administration API (`src/users/users.routes.ts`). */
import type { UserRole } from '../../../contract/users.js';
import type { User } from '../../../contract/users.schema.js';
import { api } from '../api/client.js';

export const loadUsers = () => api.get<User[]>('/api/users');

export const createUser = (input: {
  name: string;
  email: string;
  role: UserRole;
  password: string;
}) => api.post<User>('/api/users', input);

export const updateUser = (
  id: string,
  change: { name?: string; role?: UserRole; disabled?: boolean; password?: string },
) => api.patch<User>(`/api/users/${id}`, change);
