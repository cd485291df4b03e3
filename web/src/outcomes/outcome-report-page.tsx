/**
 * Outcomes per unit, arm and half-year for analysts and admins (docs/outcomes.md): courses
 * with each outcome and their share, "hidden" where the minimum group rule withholds a
 * figure; and the pseudonymised evaluation export (CSV or Excel, CPR only with research consent).
 */
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { buttonClass } from '../ui/button.js';
import { EmptyState, LoadStatus } from '../ui/feedback.js';
import { Checkbox } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import {
  loadOutcomeReport,
  outcomeExportUrl,
  type OutcomeReportRow,
  type ShareFigure,
} from './outcomes-api.js';

export function OutcomeReportPage() {
  const { t, locale } = useI18n();
  const state = useApi(loadOutcomeReport, 'outcome-report');
  const [cpr, setCpr] = useState(false);
  const data = state.data;
  const percent = (share: number) =>
    share.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', {
      style: 'percent',
      maximumFractionDigits: 0,
    });
  const hidden = t('outcomes.report.hidden');
  const share = (f: ShareFigure) =>
    f.suppressed
      ? hidden
      : f.share === null
        ? '–'
        : t('outcomes.report.share', { n: f.courses ?? 0, share: percent(f.share) });
  const arm = (row: OutcomeReportRow) =>
    row.arm === null ? t('outcomes.report.noArm') : t(`outcomes.report.arm.${row.arm}`);
  const periodName = (period: string) =>
    t('fidelity.period', { half: period.slice(-1), year: period.slice(0, 4) });

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('outcomes.report.title')}>{t('outcomes.report.title')}</PageTitle>
          <p className="lead">{t('outcomes.report.lead', { min: data?.minGroup ?? 5 })}</p>
        </div>
      </div>
      <LoadStatus state={state} retry />
      {data && data.rows.length === 0 && <EmptyState title={t('outcomes.report.empty')} />}
      {data && data.rows.length > 0 && (
        <DataTable
          label={t('outcomes.report.title')}
          compact
          columns={[
            t('outcomes.report.period'),
            t('outcomes.report.unit'),
            t('outcomes.report.arm'),
            t('outcomes.report.courses'),
            t('outcomes.report.complaints'),
            t('outcomes.report.upheld'),
            t('outcomes.report.decisions'),
            t('outcomes.report.median'),
            t('outcomes.report.placements'),
            t('outcomes.report.inWork'),
          ]}
        >
          {data.rows.map((row) => (
            <tr key={`${row.period}/${row.arm}/${row.unitId}/${row.total}`}>
              <td className="table__nowrap">{periodName(row.period)}</td>
              <th scope="row">
                {row.total ? <strong>{t('outcomes.report.total')}</strong> : row.unitName}
              </th>
              <td>{arm(row)}</td>
              <td>{row.suppressed ? hidden : row.courses}</td>
              <td>{share(row.complaints)}</td>
              <td>{share(row.upheld)}</td>
              <td>{share(row.decisions)}</td>
              <td>
                {row.decisions.suppressed
                  ? hidden
                  : (row.decisions.medianDays?.toLocaleString(
                      locale === 'da' ? 'da-DK' : 'en-GB',
                    ) ?? '–')}
              </td>
              <td>{share(row.placements)}</td>
              <td>{share(row.inWorkOrEducation)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section className="course-view" aria-labelledby="outcome-export-title">
        <h2 id="outcome-export-title">{t('outcomes.export.title')}</h2>
        <p>{t('outcomes.export.lead')}</p>
        <Checkbox label={t('outcomes.export.cpr')} checked={cpr} onChange={setCpr} />
        <p className="form-actions">
          <a className={buttonClass('primary')} href={outcomeExportUrl('csv', cpr)} download>
            {t('outcomes.export.csv')}
          </a>{' '}
          <a className={buttonClass('secondary')} href={outcomeExportUrl('xlsx', cpr)} download>
            {t('outcomes.export.xlsx')}
          </a>
        </p>
      </section>
    </div>
  );
}
