/** Calls to the user administration API (`src/users/users.routes.ts`). */
import { api } from '../api/client.js';
import type { User, UserRole } from '../api/types.js';

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
