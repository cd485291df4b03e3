/** The tables beside the map: network, dimension profile, units, asymmetry, roles, reliability, leadership, waves. */
import { memo, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { Section } from '../ui/section.js';
import { DataTable } from '../ui/table-frame.js';
import {
  levelOf,
  RK_ITEMS,
  type Comparison,
  type DidResult,
  type MeasurementAnalysis,
  type RkDimension,
  type WaveResult,
} from './analysis-api.js';
import type { formatters } from './format.js';
import { loopOf } from '../../../contract/analysis.js';
import { Button } from '../ui/button.js';

type Fmt = ReturnType<typeof formatters>;

/** The most asymmetries listed before "show all". */
const ASYM_ROWS = 50;

export const AnalysisSections = memo(function AnalysisSections({
  data,
  wave,
  fmt,
  dimLabel,
}: {
  data: MeasurementAnalysis;
  wave: WaveResult;
  fmt: Fmt;
  dimLabel: (d: RkDimension) => string;
}) {
  const { t } = useI18n();
  const [allAsym, setAllAsym] = useState(false);
  const { result } = data;
  const net = wave.network;
  const loop = loopOf(net, result.thresholds);
  const decisive = loop.decisive;
  const rel = wave.reliability;
  const lead = wave.leadership;
  const asymAll = [...wave.asymmetry].sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap));
  // The largest gaps first; a 60-group network has 1 770 pairs, shown on request.
  const asym = allAsym ? asymAll : asymAll.slice(0, ASYM_ROWS);

  return (
    <>
      <Section id="a-network" title={t('analysis.network.title')}>
        <dl className="facts">
          <div>
            <dt>{t('analysis.network.score')}</dt>
            <dd>{fmt.num(net.score)}</dd>
          </div>
          <div>
            <dt>{t('analysis.n')}</dt>
            <dd>{fmt.count(net.n, net.suppressedReason)}</dd>
          </div>
          <div>
            <dt>{t('analysis.network.weakest')}</dt>
            <dd>{net.weakestDimension ? dimLabel(net.weakestDimension) : t('analysis.hidden')}</dd>
          </div>
        </dl>
        <p className="reading">
          {t(`analysis.loop.${loop.verdict}`)}{' '}
          {decisive &&
            t('analysis.loop.decisive', {
              dimension: dimLabel(decisive),
              score: fmt.num(net.dimensions[decisive]),
            })}
        </p>
        <h3>{t('analysis.profile.title')}</h3>
        <ul className="bars" aria-label={t('analysis.profile.title')}>
          {RK_ITEMS.map((d) => {
            const value = net.dimensions[d];
            const l = levelOf(value, result.thresholds);
            return (
              <li key={d} className="bars__row">
                <span className="bars__label">{dimLabel(d)}</span>
                <span className="bars__track" aria-hidden="true">
                  {value !== null && (
                    <span
                      className={`bars__bar bars__bar--${l}`}
                      style={{ width: `${((value - 1) / 4) * 100}%` }}
                    />
                  )}
                </span>
                <span className="bars__value">{fmt.num(value)}</span>
              </li>
            );
          })}
        </ul>
      </Section>

      <Section id="a-units" title={t('analysis.units.title')}>
        <CompactTable
          title={t('analysis.units.title')}
          columns={[
            { label: t('analysis.unit') },
            { label: t('analysis.units.out'), num: true },
            { label: t('analysis.units.outN'), num: true },
            { label: t('analysis.units.in'), num: true },
            { label: t('analysis.units.inN'), num: true },
            { label: t('analysis.units.weakest') },
          ]}
        >
          {wave.units.map((u) => (
            <tr key={u.unit}>
              <th scope="row">{u.unit}</th>
              <td className="table__num">{fmt.num(u.outScore)}</td>
              <td className="table__num">{fmt.count(u.outN, u.outSuppressedReason)}</td>
              <td className="table__num">{fmt.num(u.inScore)}</td>
              <td className="table__num">{fmt.count(u.inN, u.inSuppressedReason)}</td>
              <td>{u.outWeakestDimension ? dimLabel(u.outWeakestDimension) : '–'}</td>
            </tr>
          ))}
        </CompactTable>
      </Section>

      <Section id="a-asym" title={t('analysis.asym.title')}>
        <p className="muted">{t('analysis.asym.lead')}</p>
        {asym.length === 0 ? (
          <p>{t('analysis.asym.none')}</p>
        ) : (
          <CompactTable
            title={t('analysis.asym.title')}
            columns={[
              { label: t('analysis.asym.pair') },
              { label: 'A → B', num: true },
              { label: 'B → A', num: true },
              { label: t('analysis.asym.gap'), num: true },
            ]}
          >
            {asym.map((a) => (
              <tr key={`${a.a}|${a.b}`}>
                <th scope="row">
                  A = {a.a}, B = {a.b}
                </th>
                <td className="table__num">{fmt.num(a.ab)}</td>
                <td className="table__num">{fmt.num(a.ba)}</td>
                <td className="table__num">{fmt.num(a.gap)}</td>
              </tr>
            ))}
          </CompactTable>
        )}
        {asym.length < asymAll.length && (
          <p>
            {t('analysis.asym.shown', { shown: asym.length, count: asymAll.length })}{' '}
            <Button small onClick={() => setAllAsym(true)}>
              {t('analysis.ties.showAll', { count: asymAll.length })}
            </Button>
          </p>
        )}
      </Section>

      <Section id="a-roles" title={t('analysis.roles.title')}>
        <GroupFacts
          fmt={fmt}
          groups={[
            [t('analysis.role.leder'), wave.roles.leder],
            [t('analysis.role.medarbejder'), wave.roles.medarbejder],
          ]}
        />
        <ComparisonFacts
          comparison={wave.roles.comparison}
          fmt={fmt}
          diffKey="analysis.roles.diff"
        />
      </Section>

      <Section id="a-rel" title={t('analysis.reliability.title')}>
        <CompactTable
          title={t('analysis.reliability.title')}
          columns={[
            { label: t('analysis.reliability.scale') },
            { label: t('analysis.reliability.alpha'), num: true },
            { label: t('analysis.reliability.rows'), num: true },
            { label: t('analysis.reliability.assessment') },
          ]}
        >
          {(['rk', 'ledelse', 'borger'] as const).map((scale) => {
            const r = rel[scale];
            const weak = r.alpha !== null && r.alpha < 0.7;
            return (
              <tr key={scale}>
                <th scope="row">{t(`analysis.scale.${scale}`)}</th>
                <td className="table__num">{fmt.num(r.alpha)}</td>
                <td className="table__num">{fmt.count(r.rows)}</td>
                <td>
                  {r.alpha === null ? (
                    t('analysis.hidden')
                  ) : weak ? (
                    <span className="level level--low">{t('analysis.reliability.low')}</span>
                  ) : (
                    t('analysis.reliability.ok')
                  )}
                </td>
              </tr>
            );
          })}
        </CompactTable>
      </Section>

      <Section id="a-lead" title={t('analysis.leadership.title')}>
        <p className="muted">{t('analysis.leadership.lead')}</p>
        <RegressionFacts fit={lead} fmt={fmt} />
        {lead.elasticity !== null && (
          <p className="reading">
            {t('analysis.leadership.reading', { pct: fmt.num(lead.elasticity * 10, 1) })}
          </p>
        )}
      </Section>

      {result.comparison && (
        <Section id="a-waves" title={t('analysis.waves.title')}>
          <ComparisonFacts comparison={result.comparison} fmt={fmt} diffKey="analysis.waves.diff" />
          {result.did && <DidView did={result.did} fmt={fmt} />}
        </Section>
      )}
    </>
  );
});

/** A mean with its n for each named group, e.g. leder and medarbejder. */
export function GroupFacts({
  groups,
  fmt,
}: {
  groups: [string, { mean: number | null; n: number | null } | undefined][];
  fmt: Fmt;
}) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {groups.map(([label, g]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            {fmt.num(g?.mean)} ({t('analysis.n')} {fmt.count(g?.n)})
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Slope, r, p, n and elasticity of a regression on leadership. */
export function RegressionFacts({
  fit,
  fmt,
}: {
  fit: Pick<WaveResult['leadership'], 'slope' | 'r' | 'p' | 'n' | 'elasticity'>;
  fmt: Fmt;
}) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      <div>
        <dt>{t('analysis.leadership.slope')}</dt>
        <dd>{fmt.num(fit.slope)}</dd>
      </div>
      <div>
        <dt>r</dt>
        <dd>{fmt.num(fit.r)}</dd>
      </div>
      <div>
        <dt>p</dt>
        <dd>{fmt.p(fit.p)}</dd>
      </div>
      <div>
        <dt>{t('analysis.n')}</dt>
        <dd>{fmt.count(fit.n)}</dd>
      </div>
      <div>
        <dt>{t('analysis.leadership.elasticity')}</dt>
        <dd>{fmt.num(fit.elasticity)}</dd>
      </div>
    </dl>
  );
}

/** A compact table in its scrolling frame, captioned for screen readers; `num` columns align right. */
export function CompactTable({
  title,
  columns,
  children,
}: {
  title: string;
  columns: { label: ReactNode; num?: boolean }[];
  children: ReactNode;
}) {
  return (
    <DataTable
      label={title}
      columns={columns.map((c) => ({
        label: c.label,
        className: c.num ? 'table__num' : undefined,
      }))}
      compact
    >
      {children}
    </DataTable>
  );
}

export function ComparisonFacts({
  comparison: c,
  fmt,
  diffKey,
}: {
  comparison: Comparison;
  fmt: Fmt;
  diffKey: MessageKey;
}) {
  const { t } = useI18n();
  if (c.suppressed || c.diff === null) return <p>{t('analysis.comparison.hidden')}</p>;
  return (
    <dl className="facts">
      <div>
        <dt>{t(diffKey, { from: c.from, to: c.to })}</dt>
        <dd>{fmt.num(c.diff)}</dd>
      </div>
      <div>
        <dt>{t('analysis.ci')}</dt>
        <dd>{fmt.ci(c.ci)}</dd>
      </div>
      <div>
        <dt>p</dt>
        <dd>{fmt.p(c.p)}</dd>
      </div>
      <div>
        <dt>{t('analysis.d')}</dt>
        <dd>{fmt.num(c.d)}</dd>
      </div>
    </dl>
  );
}

/** The four cell means as two lines, before → after, for intervention and kontrol. */
function DidView({ did, fmt }: { did: DidResult; fmt: Fmt }) {
  const { t } = useI18n();
  if (did.suppressed) return <p>{t('analysis.did.hidden')}</p>;
  const cells = did.cells;
  const values = [
    cells.intervention.before.mean,
    cells.intervention.after.mean,
    cells.kontrol.before.mean,
    cells.kontrol.after.mean,
  ].filter((v): v is number => v !== null);
  const lo = Math.max(1, Math.floor(Math.min(...values) * 2) / 2 - 0.5);
  const hi = Math.min(5, Math.ceil(Math.max(...values) * 2) / 2 + 0.5);
  const W = 360;
  const H = 220;
  const left = 48;
  const right = 110;
  const top = 16;
  const bottom = 36;
  const x = (i: 0 | 1) => (i === 0 ? left + 20 : W - right - 20);
  const y = (v: number) => top + ((hi - v) / (hi - lo || 1)) * (H - top - bottom);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + 1e-9; v += 0.5) ticks.push(v);
  const arms = [
    { key: 'intervention', cell: cells.intervention, colour: '#1b4f72', dash: '' },
    { key: 'kontrol', cell: cells.kontrol, colour: '#b3261e', dash: '6 4' },
  ] as const;
  const summary = t('analysis.did.summary', {
    ib: fmt.num(cells.intervention.before.mean),
    ia: fmt.num(cells.intervention.after.mean),
    kb: fmt.num(cells.kontrol.before.mean),
    ka: fmt.num(cells.kontrol.after.mean),
  });
  return (
    <div className="did">
      <h3>{t('analysis.did.title')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('analysis.did.value')}</dt>
          <dd>{fmt.num(did.did)}</dd>
        </div>
        <div>
          <dt>{t('analysis.ci')}</dt>
          <dd>{fmt.ci(did.ci)}</dd>
        </div>
        <div>
          <dt>p</dt>
          <dd>{fmt.p(did.p)}</dd>
        </div>
      </dl>
      <svg
        className="did__plot"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        width={W}
        height={H}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#e6eaef" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#4f5b6b">
              {fmt.num(v, 1)}
            </text>
          </g>
        ))}
        <text x={x(0)} y={H - 12} textAnchor="middle" fontSize="12" fill="#1b2430">
          {t('analysis.did.before', { wave: did.from })}
        </text>
        <text x={x(1)} y={H - 12} textAnchor="middle" fontSize="12" fill="#1b2430">
          {t('analysis.did.after', { wave: did.to })}
        </text>
        {arms.map(({ key, cell, colour, dash }) =>
          cell.before.mean !== null && cell.after.mean !== null ? (
            <g key={key}>
              <line
                x1={x(0)}
                y1={y(cell.before.mean)}
                x2={x(1)}
                y2={y(cell.after.mean)}
                stroke={colour}
                strokeWidth="3"
                strokeDasharray={dash || undefined}
              />
              <circle cx={x(0)} cy={y(cell.before.mean)} r="5" fill={colour} />
              <circle cx={x(1)} cy={y(cell.after.mean)} r="5" fill={colour} />
              <text x={x(1) + 10} y={y(cell.after.mean) + 4} fontSize="12" fill={colour}>
                {t(`analysis.arm.${key}`)} {fmt.num(cell.after.mean)}
              </text>
            </g>
          ) : null,
        )}
      </svg>
      <p className="muted">{summary}</p>
    </div>
  );
}
