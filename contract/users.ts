/** The roles a login can have; what each may do is in `permissions.ts`. */

/** Every login has exactly one of these roles within its municipality. */
export const USER_ROLES = ['admin', 'analytiker', 'leder', 'sagsbehandler'] as const;
/** A login's role. */
export type UserRole = (typeof USER_ROLES)[number];
