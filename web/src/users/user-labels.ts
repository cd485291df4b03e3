/** Display names and short explanations of login roles. */
import type { UserRole } from '../../../contract/users.js';
import type { I18n, MessageKey } from '../i18n/i18n.js';

const ROLE_KEYS: Record<UserRole, MessageKey> = {
  admin: 'role.admin',
  analytiker: 'role.analytiker',
  leder: 'role.leder',
  sagsbehandler: 'role.sagsbehandler',
};

const ROLE_HINT_KEYS: Record<UserRole, MessageKey> = {
  admin: 'role.admin.hint',
  analytiker: 'role.analytiker.hint',
  leder: 'role.leder.hint',
  sagsbehandler: 'role.sagsbehandler.hint',
};

export const roleLabel = (t: I18n['t'], role: UserRole) => t(ROLE_KEYS[role]);
export const roleHint = (t: I18n['t'], role: UserRole) => t(ROLE_HINT_KEYS[role]);
