/** Calls to the user administration API (`src/users/users.routes.ts`). */
import type { User, UserChange, UserInput } from '../../../contract/users.schema.js';
import { api } from '../api/client.js';

export const loadUsers = () => api.get<User[]>('/api/users');

export const createUser = (input: UserInput) => api.post<User>('/api/users', input);

export const updateUser = (id: string, change: UserChange) =>
  api.patch<User>(`/api/users/${id}`, change);
