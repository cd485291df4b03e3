/**
 * The comparisons beside the analysis proper (`/analysis/extras`): myndighed against
 * udfører, senders against receivers by respondent and by tie, the leadership scatter —
 * and the benchmark against other municipalities (`/benchmark`).
 */
import { memo, useState } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ErrorAlert, LoadStatus } from '../ui/feedback.js';
import { SelectField } from '../ui/field.js';
import {
  FOCAL_KINDS,
  loadBenchmark,
  loadExtras,
  RK_ITEMS,
  setFocalKind,
  type FocalKind,
  type RkDimension,
  type WaveExtras,
} from './analysis-api.js';
import { CompactTable, ComparisonFacts, GroupFacts, RegressionFacts } from './analysis-sections.js';
import { Section } from '../ui/section.js';
import type { formatters } from './format.js';
import { Button } from '../ui/button.js';

type Fmt = ReturnType<typeof formatters>;

/** Myndighed/udfører, senders/receivers and the scatter of one wave. */
export const AnalysisExtrasSections = memo(function AnalysisExtrasSections({
  measurementId,
  wave,
  fmt,
}: {
  measurementId: string;
  wave: string;
  fmt: Fmt;
}) {
  const { t } = useI18n();
  const extras = useApi(() => loadExtras(measurementId), `extras:${measurementId}`);
  if (!extras.data) {
    return (
      <Section id="a-kinds" title={t('analysis.kinds.title')}>
        <LoadStatus state={extras} />
      </Section>
    );
  }
  const w = extras.data.waves.find((x) => x.wave === wave);
  if (!w) return null;
  return (
    <>
      <Section id="a-kinds" title={t('analysis.kinds.title')}>
        <p className="muted">{t('analysis.kinds.lead')}</p>
        <GroupFacts
          fmt={fmt}
          groups={[
            [t('analysis.kind.myndighed'), w.kinds.groups.myndighed],
            [t('analysis.kind.udfører'), w.kinds.groups['udfører']],
          ]}
        />
        <ComparisonFacts comparison={w.kinds.comparison} fmt={fmt} diffKey="analysis.roles.diff" />
      </Section>

      <Section id="a-flows" title={t('analysis.flows.title')}>
        <p className="muted">{t('analysis.flows.lead')}</p>
        {!w.flows || !w.handOn ? (
          <p>{t('analysis.flows.none')}</p>
        ) : (
          <>
            <GroupFacts
              fmt={fmt}
              groups={[
                [t('analysis.flow.sender'), w.flows.groups.sender],
                [t('analysis.flow.receiver'), w.flows.groups.receiver],
              ]}
            />
            <ComparisonFacts
              comparison={w.flows.comparison}
              fmt={fmt}
              diffKey="analysis.roles.diff"
            />
            <h3>{t('analysis.handOn.title')}</h3>
            <p className="muted">{t('analysis.handOn.lead')}</p>
            <ComparisonFacts
              comparison={w.handOn.comparison}
              fmt={fmt}
              diffKey="analysis.roles.diff"
            />
            {w.handOn.pairs.length === 0 ? (
              <p>{t('analysis.handOn.none')}</p>
            ) : (
              <CompactTable
                title={t('analysis.handOn.title')}
                columns={[
                  { label: t('analysis.handOn.pair') },
                  { label: t('analysis.handOn.senderRates'), num: true },
                  { label: t('analysis.handOn.receiverRates'), num: true },
                  { label: t('analysis.asym.gap'), num: true },
                ]}
              >
                {w.handOn.pairs.map((p) => (
                  <tr key={`${p.sender}|${p.receiver}`}>
                    <th scope="row">
                      {p.sender} → {p.receiver}
                    </th>
                    <td className="table__num">{fmt.num(p.senderRates)}</td>
                    <td className="table__num">{fmt.num(p.receiverRates)}</td>
                    <td className="table__num">{fmt.num(p.gap)}</td>
                  </tr>
                ))}
              </CompactTable>
            )}
          </>
        )}
      </Section>

      <Section id="a-scatter" title={t('analysis.scatter.title')}>
        <Scatter scatter={w.leadership} fmt={fmt} />
      </Section>
    </>
  );
});

/** The points (when allowed) and the regression line on the 1–5 square. */
function Scatter({ scatter, fmt }: { scatter: WaveExtras['leadership']; fmt: Fmt }) {
  const { t } = useI18n();
  if (scatter.suppressed || scatter.slope === null || scatter.intercept === null) {
    return <p>{t('analysis.comparison.hidden')}</p>;
  }
  const W = 360;
  const H = 300;
  const left = 44;
  const right = 12;
  const top = 12;
  const bottom = 40;
  const x = (v: number) => left + ((v - 1) / 4) * (W - left - right);
  const y = (v: number) => top + ((5 - v) / 4) * (H - top - bottom);
  const at = (v: number) => Math.min(5, Math.max(1, scatter.intercept! + scatter.slope! * v));
  const summary = t('analysis.scatter.summary', {
    n: fmt.count(scatter.n),
    slope: fmt.num(scatter.slope),
    r: fmt.num(scatter.r),
  });
  return (
    <>
      <RegressionFacts fit={scatter} fmt={fmt} />
      <svg
        className="scatter"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={summary}
      >
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top} y2={H - bottom} stroke="#e6eaef" />
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#e6eaef" />
            <text x={x(v)} y={H - bottom + 14} textAnchor="middle" fontSize="11" fill="#4f5b6b">
              {v}
            </text>
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#4f5b6b">
              {v}
            </text>
          </g>
        ))}
        {scatter.points?.map((p, i) => (
          <circle
            key={i}
            className="scatter__point"
            cx={x(p.leadership)}
            cy={y(p.score)}
            r="3"
            fill="#1b4f72"
            fillOpacity="0.45"
          />
        ))}
        <line
          className="scatter__line"
          x1={x(1)}
          y1={y(at(1))}
          x2={x(5)}
          y2={y(at(5))}
          stroke="#b3261e"
          strokeWidth="2.5"
        />
        <text x={(left + W - right) / 2} y={H - 8} textAnchor="middle" fontSize="12" fill="#1b2430">
          {t('analysis.scatter.x')}
        </text>
      </svg>
      <p className="muted">
        {t('analysis.scatter.y')} · {summary}
      </p>
      <p className="muted">
        {scatter.points ? t('analysis.scatter.note') : t('analysis.scatter.onlyOwners')}
      </p>
    </>
  );
}

/** Own figures beside other consenting municipalities' aggregate, or why not. */
export const BenchmarkSection = memo(function BenchmarkSection({
  measurementId,
  fmt,
  dimLabel,
}: {
  measurementId: string;
  fmt: Fmt;
  dimLabel: (d: RkDimension) => string;
}) {
  const { t, pick } = useI18n();
  const benchmark = useApi(() => loadBenchmark(measurementId), `benchmark:${measurementId}`);
  const [kind, setKind] = useState<FocalKind>('dobbeltdiagnose');
  const [saveError, setSaveError] = useState<ApiError>();
  const b = benchmark.data;
  const kindKey = (k: FocalKind): MessageKey => `focalKind.${k}`;
  const saveKind = async () => {
    setSaveError(undefined);
    try {
      await setFocalKind(measurementId, kind);
      await benchmark.reload();
    } catch (e) {
      setSaveError(asApiError(e));
    }
  };
  const rows: { key: string; label: string; own: string; others: string }[] = b
    ? [
        {
          key: 'score',
          label: t('analysis.benchmark.score'),
          own: fmt.num(b.own?.score),
          others: fmt.num(b.others?.figures.score),
        },
        {
          key: 'low',
          label: t('analysis.benchmark.lowShare'),
          own: fmt.pct(b.own?.lowShare),
          others: fmt.pct(b.others?.figures.lowShare),
        },
        ...RK_ITEMS.map((d) => ({
          key: d,
          label: dimLabel(d),
          own: fmt.num(b.own?.dimensions[d]),
          others: fmt.num(b.others?.figures.dimensions[d]),
        })),
      ]
    : [];
  return (
    <Section id="a-benchmark" title={t('analysis.benchmark.title')}>
      <LoadStatus state={benchmark} />
      {b && (
        <>
          <p className="muted">
            {t('analysis.benchmark.lead', { min: b.minMunicipalities })}
            {b.focalKind && ` ${t('analysis.benchmark.kind')}: ${t(kindKey(b.focalKind))}.`}
          </p>
          {b.withheld && (
            <p className="benchmark__withheld" role="note">
              {pick(b.withheld.message)}
            </p>
          )}
          {b.withheld?.code === 'no_focal_kind' && (
            <div className="toolbar__buttons">
              <SelectField
                label={t('analysis.benchmark.kind')}
                value={kind}
                onChange={(e) => setKind(e.target.value as FocalKind)}
              >
                {FOCAL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(kindKey(k))}
                  </option>
                ))}
              </SelectField>
              <Button onClick={() => void saveKind()}>{t('analysis.benchmark.saveKind')}</Button>
            </div>
          )}
          <ErrorAlert error={saveError} />
          {(b.own || b.others) && (
            <CompactTable
              title={t('analysis.benchmark.title')}
              columns={[
                { label: t('analysis.benchmark.figure') },
                { label: t('analysis.benchmark.own'), num: true },
                ...(b.others
                  ? [
                      {
                        label: t('analysis.benchmark.others', { n: b.others.municipalities }),
                        num: true,
                      },
                    ]
                  : []),
              ]}
            >
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="table__num">{row.own}</td>
                  {b.others && <td className="table__num">{row.others}</td>}
                </tr>
              ))}
            </CompactTable>
          )}
        </>
      )}
    </Section>
  );
});
