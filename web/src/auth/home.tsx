/** Where each role's work is: the page a user lands on after login and from "home" links. */
import { Navigate } from 'react-router';
import type { UserRole } from '../../../contract/users.js';
import { useSession } from './session.js';

/** Each role's landing page. */
export const HOME_BY_ROLE = {
  admin: '/organisation',
  analytiker: '/maalinger',
  leder: '/overblik',
  sagsbehandler: '/forloeb',
} as const satisfies Record<UserRole, string>;

/** Sends `/` to the logged-in user's landing page (inside `RequireAuth`). */
export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user ? HOME_BY_ROLE[user.role] : '/login'} replace />;
}
