/** The municipality's measurements: title, status and wave, with a link to create one. */
import { formatDate } from '../ui/format-date.js';
import { Link } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { EmptyState, LoadStatus } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import { isUnlinkedLeader, UnlinkedLeaderNotice } from '../auth/unlinked-leader.js';
import { listMeasurements, type MeasurementStatus } from './measurements-api.js';

export const statusKey = (status: MeasurementStatus): MessageKey => `measurement.status.${status}`;

export function MeasurementListPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const unlinked = isUnlinkedLeader(user);
  const list = useApi(
    () => (unlinked ? Promise.resolve(null) : listMeasurements()),
    `measurements-${unlinked}`,
  );
  const owner = user !== null && can(user.role, 'measurements.manage');
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('measurements.title')}>{t('measurements.title')}</PageTitle>
          <p className="lead">{t('measurements.lead')}</p>
        </div>
        {owner && (
          <div className="page-header__actions">
            <Link className="button button--primary" to="/maalinger/ny">
              {t('measurements.new')}
            </Link>
            <Link className="button button--secondary" to="/udbakke">
              {t('nav.outbox')}
            </Link>
          </div>
        )}
      </div>
      {unlinked && <UnlinkedLeaderNotice />}
      <LoadStatus state={list} />
      {list.data && list.data.length === 0 && (
        <EmptyState title={t('measurements.empty')}>
          <p>{t('measurements.emptyHint')}</p>
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <DataTable
          label={t('measurements.title')}
          columns={[
            t('measurements.col.title'),
            t('measurements.col.status'),
            t('measurements.col.wave'),
            t('measurements.col.closes'),
            t('measurements.col.analysis'),
          ]}
        >
          {list.data.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {owner ? <Link to={`/maalinger/${m.id}`}>{m.title}</Link> : m.title}
              </th>
              <td>
                <span className={`badge badge--status-${m.status}`}>{t(statusKey(m.status))}</span>
              </td>
              <td>{m.waveLabel}</td>
              <td className="table__nowrap">{formatDate(m.closesAt, locale)}</td>
              <td>
                {m.status !== 'draft' && (
                  <Link to={`/maalinger/${m.id}/analyse`}>
                    {t('measurement.analysis')}
                    <span className="visually-hidden">: {m.title}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
