/** The audit log (admins): who did what, newest first. */
import { useId, useState } from 'react';
import { api } from '../api/client.js';
import type { AuditEntry } from '../../../contract/audit.schema.js';
import { useApi } from '../api/use-api.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import { Button } from '../ui/button.js';
import { formatValue } from './format-value.js';

const LIMITS = [50, 200, 1000] as const;

const ACTION_KEYS: Partial<Record<string, MessageKey>> = {
  login: 'audit.action.login',
  create: 'audit.action.create',
  update: 'audit.action.update',
  import: 'audit.action.import',
};

const ENTITY_KEYS: Partial<Record<string, MessageKey>> = {
  session: 'audit.entity.session',
  user: 'audit.entity.user',
  unit: 'audit.entity.unit',
  person: 'audit.entity.person',
  area: 'audit.entity.area',
  organisation: 'audit.entity.organisation',
  municipality: 'audit.entity.municipality',
};

function formatDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${formatValue(value)}`)
    .join('; ');
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const limitId = useId();
  const [limit, setLimit] = useState<number>(200);
  const entries = useApi(
    () => api.get<AuditEntry[]>(`/api/audit?limit=${limit}`),
    `audit:${limit}`,
  );
  const label = (keys: Partial<Record<string, MessageKey>>, value: string) => {
    const key = keys[value];
    return key ? t(key) : value;
  };
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

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
                <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
              </td>
              <td>{entry.user ?? t('audit.system')}</td>
              <td>{label(ACTION_KEYS, entry.action)}</td>
              <td>{label(ENTITY_KEYS, entry.entity)}</td>
              <td className="table__detail">
                {[entry.reason, formatDetail(entry.detail)].filter(Boolean).join(' · ') || '–'}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
