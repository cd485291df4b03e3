/** Logins' plain values, shared by server and web (no zod here). */

/** A login's role: what it may see and do (see `contract/permissions.ts`). */
export const USER_ROLES = ['admin', 'analytiker', 'leder', 'sagsbehandler'] as const;
/** One of `USER_ROLES`. */
export type UserRole = (typeof USER_ROLES)[number];

/** Longest password accepted (hashing a longer one only costs the server time). */
export const MAX_PASSWORD_LENGTH = 200;
