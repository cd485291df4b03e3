/** The audit log (admins): who did what, newest first. */
import { useId, useState } from 'react';
import { api } from '../api/client.js';
import type { AuditEntry } from '../../../contract/audit.schema.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { formatDateTime } from '../ui/format-date.js';
import { auditActionLabel, auditDetail, auditEntityLabel } from './audit-labels.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import { Button } from '../ui/button.js';

const LIMITS = [50, 200, 1000] as const;

export function AuditPage() {
  const { t, locale, lang } = useI18n();
  const limitId = useId();
  const [limit, setLimit] = useState<number>(200);
  const entries = useApi(
    () => api.get<AuditEntry[]>(`/api/audit?limit=${limit}`),
    `audit:${limit}`,
  );

  return (
    <section className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
          <p className="lead">{t('audit.lead')}</p>
        </div>
        <div className="page-header__actions">
          <div className="inline-field">
            <label htmlFor={limitId}>{t('audit.limit')}</label>
            <select
              id={limitId}
              className="input select"
              value={limit}
              onChange={(e) => setLimit(Number(e.target.value))}
            >
              {LIMITS.map((n) => (
                <option key={n} value={n}>
                  {t('audit.limit.option', { count: n })}
                </option>
              ))}
            </select>
          </div>
          <Button onClick={() => void entries.reload()}>{t('audit.refresh')}</Button>
        </div>
      </div>

      {entries.status === 'loading' && <Loading />}
      <ErrorAlert error={entries.error} />
      {entries.data && entries.data.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {entries.data && entries.data.length > 0 && (
        <DataTable
          label={t('audit.title')}
          caption={t('audit.caption')}
          columns={[
            t('audit.col.at'),
            t('audit.col.user'),
            t('audit.col.action'),
            t('audit.col.entity'),
            t('audit.col.detail'),
          ]}
          compact
        >
          {entries.data.map((entry) => (
            <tr key={entry.id}>
              <td className="table__nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              <td>{entry.user ?? t('audit.system')}</td>
              <td>{auditActionLabel(entry.action, lang)}</td>
              <td>{auditEntityLabel(entry.entity, lang)}</td>
              <td className="table__detail">
                {[entry.reason, auditDetail(entry.detail, lang, locale)]
                  .filter(Boolean)
                  .join(' · ') || '–'}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
