/** The acting user on a request, set by the session hook in `app.ts`. */
import type { FastifyRequest } from 'fastify';
import { can, type Permission } from '../../contract/permissions.js';
import type { AuthUser } from '../auth/auth.service.js';
import { AppError, forbidden, type Message } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** `undefined` when no valid session came with the request. */
    authUser: AuthUser | undefined;
    /** True when a session cookie came but its session has ended. */
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Set false on routes that authenticate by a token in the path, not by cookie. */
    csrf?: boolean;
    /**
     * Set false on routes whose caller is not a staff user acting in their own municipality
     * (login, links by token, the citizen's view): they run unrestricted by row-level
     * security (`src/db/tenant.ts`), even when a staff session cookie comes along.
     */
    tenant?: boolean;
  }
}

/** The logged-in user, or a 401 that tells an expired session from no session. */
export function requireUser(request: FastifyRequest): AuthUser {
  if (request.authUser) return request.authUser;
  if (request.sessionExpired) {
    throw new AppError(401, 'session_expired', {
      da: 'Din session er udløbet. Log ind igen.',
      en: 'Your session has expired. Please log in again.',
    });
  }
  throw new AppError(401, 'unauthenticated', {
    da: 'Du skal logge ind.',
    en: 'You need to log in.',
  });
}

/**
 * Throws the 403 `forbidden` unless the user's role has `permission` (`contract/permissions.ts`);
 * `message` replaces the general text where a more helpful one exists.
 */
export function requirePermission(
  user: Pick<AuthUser, 'role'>,
  permission: Permission,
  message?: Message,
): void {
  if (can(user.role, permission)) return;
  throw message ? new AppError(403, 'forbidden', message) : forbidden();
}
