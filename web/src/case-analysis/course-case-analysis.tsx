/**
 * The course's own relational capacity (enkeltsagsanalyse): start a short measurement
 * among the network's professionals, follow its response count (withheld below the
 * minimum group size), and once closed see the group result and the course's network
 * map. Nothing here is ever per person; ties from units with too few answers are grey.
 */
import { CourseCaseIntervention } from '../allocations/course-case-intervention.js';
import { useMemo, useRef, useState } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { RK_DIMENSION_LABELS, RK_ITEMS, tieColour } from '../analysis/analysis-api.js';
import { formatters } from '../analysis/format.js';
import { NetworkMap, type MapEdge, type MapHandle, type MapNode } from '../analysis/network-map.js';
import type { CourseTabProps } from '../courses/course-tab.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { EmptyState, LoadStatus, Notice } from '../ui/feedback.js';
import {
  closeCaseMeasurement,
  loadCaseAnalysis,
  setCourseArm,
  startCaseMeasurement,
  type CaseMeasurement,
  type CourseArm,
} from './case-analysis-api.js';
import { CourseTab } from '../courses/course-tab.js';
import { Button } from '../ui/button.js';
import { MapLegend } from '../analysis/map-legend.js';

const NO_POSITIONS = new Map<string, { x: number; y: number }>();

function CaseResult({ m }: { m: CaseMeasurement }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const fmt = formatters(i18n, m.minGroup);
  const [selected, setSelected] = useState<string>();
  const handle = useRef<MapHandle | undefined>(undefined);
  const result = m.result;
  const { nodes, edges } = useMemo(() => {
    const ties = result?.ties ?? [];
    const names = [...new Set(ties.flatMap((tie) => [tie.from, tie.to]))].sort();
    const nodes: MapNode[] = names.map((name) => ({ id: name, label: name, size: null }));
    const edges: MapEdge[] = ties.map((tie) => ({
      id: `${tie.from}→${tie.to}`,
      from: tie.from,
      to: tie.to,
      colour: tieColour(tie, 'total', result!.thresholds),
      label: tie.suppressed ? '' : fmt.num(tie.score, 1),
    }));
    return { nodes, edges };
  }, [result, fmt]);
  if (!result) return null;
  if (result.network.suppressed || result.network.n === 0) {
    return <p>{t('case.suppressed', { min: m.minGroup })}</p>;
  }
  return (
    <>
      <dl className="case-figures">
        <div>
          <dt>{t('case.rk')}</dt>
          <dd>{fmt.num(result.caseRk.rk)}</dd>
        </div>
        <div>
          <dt>{t('case.network')}</dt>
          <dd>{fmt.num(result.network.score)}</dd>
        </div>
        <div>
          <dt>{t('case.n')}</dt>
          <dd>{fmt.count(result.network.n)}</dd>
        </div>
      </dl>
      <table className="table">
        <caption>{t('case.profile')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.dimension')}</th>
            <th scope="col">{t('case.score')}</th>
          </tr>
        </thead>
        <tbody>
          {RK_ITEMS.map((d) => (
            <tr key={d}>
              <th scope="row">{RK_DIMENSION_LABELS[d][lang]}</th>
              <td>{fmt.num(result.network.dimensions[d])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {edges.length > 0 && (
        <>
          <h4>{t('case.map')}</h4>
          <div>
            <NetworkMap
              nodes={nodes}
              edges={edges}
              positions={NO_POSITIONS}
              selected={selected}
              onSelect={setSelected}
              label={t('case.map')}
              handleRef={handle}
            />
          </div>
          <MapLegend thresholds={result.thresholds} />
          <table className="table">
            <caption>{t('case.ties')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.from')}</th>
                <th scope="col">{t('case.to')}</th>
                <th scope="col">{t('case.score')}</th>
                <th scope="col">{t('case.n')}</th>
              </tr>
            </thead>
            <tbody>
              {result.ties.map((tie) => (
                <tr key={`${tie.from}→${tie.to}`}>
                  <td>{tie.from}</td>
                  <td>{tie.to}</td>
                  <td>{fmt.num(tie.score)}</td>
                  <td>{fmt.count(tie.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.ties.some((tie) => tie.suppressed) && (
            <p className="hint">{t('case.tiesHidden', { min: m.minGroup })}</p>
          )}
        </>
      )}
    </>
  );
}

export function CourseCaseAnalysis({ course }: CourseTabProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const analysis = useApi(() => loadCaseAnalysis(course.id), `case-analysis:${course.id}`);
  const { run, pending: busy, error, notice, setNotice } = useAction(analysis.reload);
  const [includeUnits, setIncludeUnits] = useState(false);
  const data = analysis.data;
  const running = data?.measurements.find((m) => m.status !== 'closed');
  const statusKey = (s: CaseMeasurement['status']): MessageKey => `case.status.${s}`;

  return (
    <CourseTab
      id="case-title"
      title={t('case.title')}
      lead={t('case.lead', { min: data?.defaultMinGroup ?? 5 })}
    >
      <LoadStatus state={analysis} error={analysis.error ?? error} />
      {notice && <Notice onDismiss={() => setNotice(undefined)}>{notice}</Notice>}
      {data && (
        <>
          <p>{t('case.units', { count: data.units })}</p>
          {data.canStart && (
            <div className="field">
              <label htmlFor="case-arm">{t('case.arm')}</label>
              <select
                id="case-arm"
                value={data.arm ?? ''}
                disabled={busy}
                onChange={(e) =>
                  void run(() =>
                    setCourseArm(course.id, (e.target.value || null) as CourseArm | null),
                  )
                }
              >
                <option value="">{t('case.arm.none')}</option>
                <option value="intervention">{t('case.arm.intervention')}</option>
                <option value="kontrol">{t('case.arm.kontrol')}</option>
              </select>
            </div>
          )}
          {data.canStart && !running && (
            <div className="toolbar">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={includeUnits}
                  onChange={(e) => setIncludeUnits(e.target.checked)}
                />{' '}
                {t('case.includeUnits')}
              </label>
              <Button
                variant="primary"
                small
                disabled={busy}
                onClick={() =>
                  void run(() => startCaseMeasurement(course.id, includeUnits), t('case.started'))
                }
              >
                {t('case.start')}
              </Button>
            </div>
          )}
          {course.access === 'full' && (
            <p>
              {t('case.citizenScore')}:{' '}
              {data.citizenScore === null
                ? t('case.noCitizenScore')
                : formatters(i18n, data.defaultMinGroup).num(data.citizenScore)}
            </p>
          )}
          {data.measurements.length === 0 ? (
            <EmptyState title={t('case.none')} />
          ) : (
            [...data.measurements].reverse().map((m) => (
              <article key={m.id} className="case-measurement">
                <h3>
                  {t('case.wave', { wave: m.wave })} · {t(statusKey(m.status))}
                </h3>
                <p>
                  {t('case.invited', { count: m.invited })} ·{' '}
                  {t('case.finished', {
                    // While open the count is rounded down to a step of the minimum group.
                    count:
                      m.status !== 'open'
                        ? formatters(i18n, m.minGroup).count(m.finished)
                        : !m.finished
                          ? t('responses.belowStep', { step: m.minGroup })
                          : t('responses.atLeast', { n: m.finished }),
                  })}
                </p>
                {m.status === 'open' && data.canStart && (
                  <Button
                    small
                    disabled={busy}
                    onClick={() => void run(() => closeCaseMeasurement(course.id, m.id))}
                  >
                    {t('case.close')}
                  </Button>
                )}
                <CaseResult m={m} />
              </article>
            ))
          )}
        </>
      )}
      <CourseCaseIntervention courseId={course.id} />
    </CourseTab>
  );
}
