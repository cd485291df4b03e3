/** The citizens' courses the user may see, open or closed, with a link to start a new one. */
import { useState } from 'react';
import { Link } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { InlineSelect } from '../ui/field.js';
import { EmptyState, LoadStatus } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import { FidelityDueList } from '../fidelity/fidelity-due.js';
import { coordinatorRoleLabel, formatDate, targetGroupLabel } from './course-labels.js';
import { listCourses, type CourseStatus } from './courses-api.js';

const FILTERS = ['open', 'closed', 'all'] as const;

export function CourseListPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [status, setStatus] = useState<CourseStatus | 'all'>('open');
  const list = useApi(() => listCourses(status), `courses:${status}`);
  const courses = list.data?.courses;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('courses.title')}>{t('courses.title')}</PageTitle>
          <p className="lead">{t('courses.lead')}</p>
        </div>
        {user && can(user.role, 'courses.create') && (
          <div className="page-header__actions">
            <Link className="button button--primary" to="/forloeb/nyt">
              {t('courses.new')}
            </Link>
          </div>
        )}
      </div>
      <FidelityDueList />
      <div className="toolbar">
        <InlineSelect
          label={t('courses.filter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as CourseStatus | 'all')}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`courses.filter.${f}`)}
            </option>
          ))}
        </InlineSelect>
        {courses && (
          <p className="result-count" role="status">
            {t('courses.count', { count: courses.length })}
          </p>
        )}
      </div>
      <LoadStatus state={list} retry />
      {courses && courses.length === 0 && (
        <EmptyState title={t(status === 'closed' ? 'courses.emptyClosed' : 'courses.empty')}>
          <p>{t('courses.emptyHint')}</p>
        </EmptyState>
      )}
      {courses && courses.length > 0 && (
        <DataTable
          label={t('courses.title')}
          columns={[
            t('courses.col.citizen'),
            t('courses.col.kind'),
            t('courses.col.target'),
            t('courses.col.start'),
            t('courses.col.coordinator'),
            t('courses.col.status'),
          ]}
        >
          {courses.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/forloeb/${c.id}`}>{c.citizenName ?? t('courses.citizenHidden')}</Link>
                {c.complex && (
                  <>
                    {' '}
                    <span className="badge badge--complex">{t('courses.complex')}</span>
                  </>
                )}
              </th>
              <td>{t(`courses.kind.${c.kind}`)}</td>
              <td>{targetGroupLabel(t, c.targetGroup)}</td>
              <td className="table__nowrap">{formatDate(c.startDate, locale)}</td>
              <td>
                {c.coordinator.name}
                <span className="table__sub">{coordinatorRoleLabel(t, c.coordinator.role)}</span>
              </td>
              <td>
                <span className={`badge badge--course-${c.status}`}>
                  {t(`courses.courseStatus.${c.status}`)}
                </span>
                {c.access !== 'full' && (
                  <span className="table__sub">{t(`courses.access.${c.access}`)}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
