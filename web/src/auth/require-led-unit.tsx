/**
 * A leader's pages (overview, analyses, interventions) are about the unit they lead, which
 * comes from the person their login is linked to. Without that link, this says what to do
 * instead of letting the page's requests fail.
 */
import type { ReactNode } from 'react';
import type { MyUnit } from '../../../contract/users.schema.js';
import { can } from '../../../contract/permissions.js';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { LoadStatus } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { useSession } from './session.js';

/** Shows the page to a leader only once their login leads a unit; everyone else passes. */
export function RequireLedUnit({ title, children }: { title: string; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !can(user.role, 'units.lead')) return children;
  return <LedUnitGate title={title}>{children}</LedUnitGate>;
}

function LedUnitGate({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const mine = useApi(() => api.get<MyUnit>('/api/me/unit'), 'me-unit');
  if (mine.data?.unit) return children;
  return (
    <section className="page page--narrow">
      <PageTitle title={title}>{title}</PageTitle>
      <LoadStatus state={mine} />
      {mine.data && (
        <div className="panel" role="status">
          <h2 className="panel__title">{t('ledUnit.missing.title')}</h2>
          <p>{t('ledUnit.missing.body')}</p>
        </div>
      )}
    </section>
  );
}
