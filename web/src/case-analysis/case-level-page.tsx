/**
 * Case level across courses (ANALYSIS.md "Case level"), for analysis owners: the citizen
 * score against case relational capacity, case RK against the number of units, each a
 * scatter with its regression line (Observable Plot) and the same points as a table, and
 * intervention against control when both arms have two waves. Points carry no course.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useApi } from '../api/use-api.js';
import { formatters } from '../analysis/format.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { EmptyState, LoadStatus } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { Section } from '../ui/section.js';
import { loadCaseLevel, type CaseRegression } from './case-analysis-api.js';

function Scatter({
  fit,
  label,
  domainX,
}: {
  fit: CaseRegression;
  label: string;
  domainX: [number, number] | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || !fit.points) return;
    const xs = fit.points.map((p) => p.x);
    const [lo, hi] = domainX ?? [Math.min(...xs), Math.max(...xs)];
    const line =
      fit.slope !== null && fit.intercept !== null
        ? [
            { x: lo, y: fit.intercept + fit.slope * lo },
            { x: hi, y: fit.intercept + fit.slope * hi },
          ]
        : [];
    const chart = Plot.plot({
      ariaLabel: label,
      height: 260,
      width: Math.min(560, node.clientWidth || 360),
      marginLeft: 40,
      x: { domain: [lo, hi], label: null, grid: true },
      y: { domain: [1, 5], label: null, grid: true },
      marks: [
        Plot.dot(fit.points, { x: 'x', y: 'y', fill: '#1a5fb4', r: 4 }),
        Plot.line(line, { x: 'x', y: 'y', stroke: '#c62828', strokeWidth: 2 }),
      ],
    });
    chart.setAttribute('role', 'img');
    for (const inner of chart.querySelectorAll('[aria-label]')) inner.removeAttribute('aria-label');
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [fit, label, domainX]);
  return <div ref={ref} className="progression-chart" />;
}

/** The two regressions the page shows: the citizen's score and the units' count against RK. */
const REGRESSIONS = [
  {
    id: 'case-citizen',
    title: 'caseLevel.citizen',
    x: 'caseLevel.rk',
    y: 'caseLevel.citizenScore',
    fit: 'citizen',
    domainX: [1, 5] as [number, number],
  },
  {
    id: 'case-units',
    title: 'caseLevel.units',
    x: 'caseLevel.unitCount',
    y: 'caseLevel.rk',
    fit: 'units',
    domainX: undefined,
  },
] as const;

function RegressionSection({
  id,
  title,
  xLabel,
  yLabel,
  fit,
  minCases,
  domainX,
}: {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  fit: CaseRegression;
  minCases: number;
  domainX?: [number, number];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = formatters(i18n, minCases);
  return (
    <Section id={id} title={title}>
      {fit.suppressed || !fit.points ? (
        <p>{t('caseLevel.tooFew', { min: minCases, n: fit.n })}</p>
      ) : (
        <>
          <dl className="case-figures">
            {(
              [
                ['caseLevel.slope', fmt.num(fit.slope, 3)],
                ['caseLevel.intercept', fmt.num(fit.intercept, 3)],
                ['caseLevel.r', fmt.num(fit.r, 3)],
                ['caseLevel.p', fmt.p(fit.p)],
                ['caseLevel.n', String(fit.n)],
                ['caseLevel.elasticity', fmt.num(fit.elasticity, 3)],
              ] as [MessageKey, string][]
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <Scatter fit={fit} label={`${title}: ${yLabel} / ${xLabel}`} domainX={domainX} />
          <details>
            <summary>{t('caseLevel.table')}</summary>
            <table className="table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{xLabel}</th>
                  <th scope="col">{yLabel}</th>
                </tr>
              </thead>
              <tbody>
                {fit.points.map((p, i) => (
                  <tr key={i}>
                    <td>{fmt.num(p.x, 1)}</td>
                    <td>{fmt.num(p.y, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Section>
  );
}

export function CaseLevelPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const data = useApi(loadCaseLevel, 'case-level');
  const body = data.data;
  const fmt = formatters(i18n, body?.minCases ?? 5);
  const did = body?.result.did ?? null;
  return (
    <>
      <PageTitle title={t('caseLevel.title')}>{t('caseLevel.title')}</PageTitle>
      <p className="lead">{t('caseLevel.lead')}</p>
      <LoadStatus state={data} />
      {body && (
        <>
          <p>{t('caseLevel.cases', { courses: body.courses, cases: body.result.cases })}</p>
          {body.courses === 0 && (
            <EmptyState title={t('caseLevel.empty.title')}>
              <p>{t('caseLevel.empty.text', { min: body.minCases })}</p>
            </EmptyState>
          )}
          {REGRESSIONS.map((r) => (
            <RegressionSection
              key={r.fit}
              id={r.id}
              title={t(r.title)}
              xLabel={t(r.x)}
              yLabel={t(r.y)}
              fit={body.result[r.fit]}
              minCases={body.minCases}
              {...(r.domainX ? { domainX: r.domainX } : {})}
            />
          ))}
          <Section id="case-did" title={t('caseLevel.did')}>
            {did === null ? (
              <p>{t('caseLevel.noDid')}</p>
            ) : (
              <>
                <p>
                  {t('caseLevel.didValue', {
                    did: fmt.num(did.did),
                    ci: fmt.ci(did.ci),
                    p: fmt.p(did.p),
                  })}
                </p>
                <table className="table">
                  <caption>{t('caseLevel.didCells')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('caseLevel.arm')}</th>
                      <th scope="col">{t('caseLevel.before')}</th>
                      <th scope="col">{t('caseLevel.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(['intervention', 'kontrol'] as const).map((arm) => (
                      <tr key={arm}>
                        <th scope="row">{t(`case.arm.${arm}`)}</th>
                        <td>
                          {fmt.num(did.cells[arm].before.mean)} (n = {did.cells[arm].before.n})
                        </td>
                        <td>
                          {fmt.num(did.cells[arm].after.mean)} (n = {did.cells[arm].after.n})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </Section>
        </>
      )}
    </>
  );
}
