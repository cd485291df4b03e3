/** Guards for routes: a login for everything inside the app, a permission for admin pages. */
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { can, type Permission } from '../../../contract/permissions.js';
import { useI18n } from '../i18n/i18n.js';
import { PageTitle } from '../ui/page-title.js';
import { useSession } from './session.js';

/** Where the login page sends the user back to. */
export interface LoginState {
  from?: string;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const state: LoginState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}

/** Shows the page only to a user whose role has `permission` (the server checks it too). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { user } = useSession();
  const { t } = useI18n();
  if (!user || !can(user.role, permission)) {
    return (
      <section className="page page--narrow">
        <PageTitle title={t('forbidden.title')}>{t('forbidden.title')}</PageTitle>
        <p>{t('forbidden.body')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </section>
    );
  }
  return children;
}
