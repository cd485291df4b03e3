/**
 * The user administration API (`/api/users…`): requests and success responses as zod
 * schemas, and the response types the web and tests use (`import type` only).
 */
import { z } from 'zod';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from './org.js';
import { MAX_PASSWORD_LENGTH, USER_ROLES } from './users.js';

/** `:id` of a login. */
export const userIdParams = z.object({ id: z.uuid() });

/** `POST /api/users`. */
export const createUserBody = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  email: z.string().trim().toLowerCase().email().max(MAX_EMAIL_LENGTH),
  role: z.enum(USER_ROLES),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  personId: z.uuid().nullable().default(null),
});

/** `PATCH /api/users/:id`. */
export const updateUserBody = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
  role: z.enum(USER_ROLES).optional(),
  disabled: z.boolean().optional(),
  password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
  personId: z.uuid().nullable().optional(),
});

/** What the web sends to create a login (before defaults). */
export type UserInput = z.input<typeof createUserBody>;
/** What the web sends to change a login. */
export type UserChange = z.input<typeof updateUserBody>;

/** A login as the administration sees it (never its password hash). */
export const user = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
  personId: z.string().nullable(),
  disabled: z.boolean(),
  /** ISO time of the last login, or null. */
  lastLoginAt: z.string().nullable(),
});
/** A login as the API returns it. */
export type User = z.infer<typeof user>;

/** `GET /api/users`: the municipality's logins. */
export const userList = z.array(user);

/** `GET /api/me/unit`: the unit the logged-in leader leads, or null when the login is linked to no leader. */
export const myUnit = z.object({
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
});
/** The unit the logged-in leader leads. */
export type MyUnit = z.infer<typeof myUnit>;
