/**
 * The Én plan implementation index (docs/fidelity.md) for analysts, admins and leaders
 * (a leader sees their own unit): the municipality per half-year with the four core
 * elements, each unit and each course over the half-years, n beside every figure, and
 * the same numbers as CSV. Courses are shown without the citizen.
 */
import { FIDELITY_ELEMENT_LABELS, FIDELITY_ELEMENTS } from '../../../contract/fidelity.js';
import { useApi } from '../api/use-api.js';
import { formatDate } from '../courses/course-labels.js';
import { useI18n } from '../i18n/i18n.js';
import { buttonClass } from '../ui/button.js';
import { EmptyState, LoadStatus } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { TableFrame } from '../ui/table-frame.js';
import {
  FIDELITY_CSV_URL,
  loadFidelityIndex,
  type FidelityFigure,
  type FidelitySeries,
} from './fidelity-api.js';
import { percent } from './fidelity-format.js';

export function FidelityIndexPage() {
  const { t, pick, locale } = useI18n();
  const state = useApi(loadFidelityIndex, 'fidelity-index');
  const data = state.data;
  const figure = (f: FidelityFigure | undefined) =>
    !f || f.n === 0 ? '–' : t('fidelity.indexValue', { value: percent(f.index, '–'), n: f.n });
  const periodName = (period: string) =>
    t('fidelity.period', { half: period.slice(-1), year: period.slice(0, 4) });
  const inPeriod = (series: FidelitySeries, period: string) =>
    series.periods.find((p) => p.period === period)?.figure;
  const periodHeads = (data?.periods ?? []).map((p) => (
    <th key={p} scope="col">
      {periodName(p)}
    </th>
  ));
  const periodCells = (series: FidelitySeries) =>
    (data?.periods ?? []).map((p) => <td key={p}>{figure(inPeriod(series, p))}</td>);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('fidelity.page.title')}>{t('fidelity.page.title')}</PageTitle>
          <p className="lead">{t('fidelity.page.lead')}</p>
          {data && data.municipality === null && <p>{t('fidelity.page.leaderLead')}</p>}
        </div>
        {data && data.periods.length > 0 && (
          <div className="page-header__actions">
            <a className={buttonClass('secondary')} href={FIDELITY_CSV_URL} download>
              {t('fidelity.page.csv')}
            </a>
          </div>
        )}
      </div>
      <LoadStatus state={state} retry />
      {data && data.periods.length === 0 && <EmptyState title={t('fidelity.page.empty')} />}
      {data && data.periods.length > 0 && (
        <>
          {data.municipality && (
            <section aria-labelledby="fidelity-municipality">
              <h2 id="fidelity-municipality">{t('fidelity.page.municipality')}</h2>
              <TableFrame label={t('fidelity.page.municipality')}>
                <table className="table">
                  <caption className="visually-hidden">{t('fidelity.page.municipality')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fidelity.occasion')}</th>
                      <th scope="col">{t('fidelity.index')}</th>
                      {FIDELITY_ELEMENTS.map((e) => (
                        <th key={e} scope="col">
                          {pick(FIDELITY_ELEMENT_LABELS[e])}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {[
                      { period: t('fidelity.page.overall'), figure: data.municipality.overall },
                      ...data.municipality.periods.map((p) => ({
                        period: periodName(p.period),
                        figure: p.figure,
                      })),
                    ].map((row) => (
                      <tr key={row.period}>
                        <th scope="row">{row.period}</th>
                        <td>{figure(row.figure)}</td>
                        {FIDELITY_ELEMENTS.map((e) => (
                          <td key={e}>
                            {row.figure.elements[e].n === 0
                              ? '–'
                              : t('fidelity.indexValue', {
                                  value: percent(row.figure.elements[e].score, '–'),
                                  n: row.figure.elements[e].n,
                                })}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableFrame>
            </section>
          )}
          <section aria-labelledby="fidelity-units">
            <h2 id="fidelity-units">{t('fidelity.page.units')}</h2>
            <TableFrame label={t('fidelity.page.units')}>
              <table className="table">
                <caption className="visually-hidden">{t('fidelity.page.units')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fidelity.page.unit')}</th>
                    <th scope="col">{t('fidelity.page.overall')}</th>
                    {periodHeads}
                  </tr>
                </thead>
                <tbody>
                  {data.units.map((u) => (
                    <tr key={u.unitId ?? 'none'}>
                      <th scope="row">{u.unitName}</th>
                      <td>{figure(u.overall)}</td>
                      {periodCells(u)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          </section>
          <section aria-labelledby="fidelity-courses">
            <h2 id="fidelity-courses">{t('fidelity.page.courses')}</h2>
            <TableFrame label={t('fidelity.page.courses')}>
              <table className="table">
                <caption className="visually-hidden">{t('fidelity.page.courses')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fidelity.page.courses')}</th>
                    <th scope="col">{t('fidelity.page.unit')}</th>
                    <th scope="col">{t('fidelity.page.coordinator')}</th>
                    <th scope="col">{t('fidelity.page.overall')}</th>
                    {periodHeads}
                  </tr>
                </thead>
                <tbody>
                  {data.courses.map((c) => (
                    <tr key={c.courseId}>
                      <th scope="row">
                        {t('fidelity.page.course', { date: formatDate(c.startDate, locale) })}
                        <span className="table__sub">{t(`courses.courseStatus.${c.status}`)}</span>
                      </th>
                      <td>{c.unitName}</td>
                      <td>{c.coordinatorName}</td>
                      <td>{figure(c.overall)}</td>
                      {periodCells(c)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          </section>
        </>
      )}
    </div>
  );
}
