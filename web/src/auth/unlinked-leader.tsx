/**
 * A leader whose login is not linked to a person sees nothing of their unit: their pages
 * say so, and ask nothing the server would refuse (a refusal is an error in the console).
 */
import type { SessionUser } from '../../../contract/auth.schema.js';
import { useI18n } from '../i18n/i18n.js';

/** True for a leader whose login is not linked to a person (so to no unit). */
export const isUnlinkedLeader = (user: SessionUser | null): boolean =>
  user?.role === 'leder' && user.personId === null;

/** What an unlinked leader sees instead of their unit's figures. */
export function UnlinkedLeaderNotice() {
  const { t } = useI18n();
  return (
    <div className="alert alert--info" role="status">
      <p>{t('auth.unlinkedLeader')}</p>
    </div>
  );
}
