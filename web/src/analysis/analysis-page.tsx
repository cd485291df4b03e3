/**
 * The analysis of a measurement: the network map (relationsoverblikket) with its
 * controls, the weakest bridges, a table of every tie, the tables of DOMAIN.md §2.4 and
 * the downloads.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { ApiError } from '../api/client.js';
import type { UnitKind } from '../api/types.js';
import { UNIT_KINDS } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { loadMeasurement } from '../measurements/measurements-api.js';
import { loadOrganisation } from '../org/org-api.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { SelectField } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import {
  levelOf,
  loadAnalysis,
  loadMapPositions,
  RK_DIMENSION_LABELS,
  RK_ITEMS,
  saveMapPositions,
  saveBlob,
  tieColour,
  tieScore,
  type RkDimension,
  type RoleFilter,
  type TieColour,
  type TieResult,
} from './analysis-api.js';
import { AnalysisExtrasSections, BenchmarkSection } from './analysis-extras.js';
import { AnalysisSections } from './analysis-sections.js';
import { ExportButtons } from './export-buttons.js';
import { formatters } from './format.js';
import {
  NetworkMap,
  type MapEdge,
  type MapHandle,
  type MapNode,
  type Positions,
} from './network-map.js';
import { Button } from '../ui/button.js';
import { Section } from '../ui/section.js';
import { MapLegend } from './map-legend.js';

/** The most rows the table of ties shows before "show all". */
const TABLE_ROWS = 200;
const tieKey = (tie: { from: string; to: string }) => `${tie.from}→${tie.to}`;
const colourKey = (colour: TieColour): MessageKey => `analysis.colour.${colour}`;
const kindKey = (kind: UnitKind): MessageKey => `analysis.kind.${kind}`;

export function AnalysisPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { user } = useSession();
  const canMove = user !== null && can(user.role, 'mapPositions.edit');
  // A leader is sent only the ties touching their own unit (README, Reading the analysis).
  const ownUnitOnly = user !== null && !can(user.role, 'analysis.readAll');
  const [role, setRole] = useState<RoleFilter>('');
  // The measurement's state first: an open one has no analysis yet, and asking for it
  // anyway would answer 409, a failed request in the browser's console.
  const measurement = useApi(() => loadMeasurement(id), `measurement:${id}`);
  const closed = measurement.data?.measurement.status === 'closed';
  const notClosed = measurement.data !== undefined && !closed;
  const analysis = useApi(
    () => (closed ? loadAnalysis(id, role) : Promise.resolve(undefined)),
    `analysis:${id}:${role}:${closed}`,
  );
  const org = useApi(() => loadOrganisation(false), 'org');
  const saved = useApi(loadMapPositions, 'map-positions');
  const [waveIndex, setWaveIndex] = useState<number>();
  const [dimension, setDimension] = useState<RkDimension | 'total'>('total');
  const [kinds, setKinds] = useState<Set<UnitKind>>(() => new Set(UNIT_KINDS));
  const [focus, setFocus] = useState('');
  const [selected, setSelected] = useState<string>();
  const [allTies, setAllTies] = useState(false);
  const [saveError, setSaveError] = useState<Parameters<typeof ErrorAlert>[0]['error']>();
  const mapHandle = useRef<MapHandle | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(saveTimer.current), []);

  const units = org.data?.units;
  const unitByName = useMemo(() => new Map((units ?? []).map((u) => [u.name, u])), [units]);

  // Saved positions, by unit name (the analysis names nodes by unit name).
  const positions = useMemo<Positions>(() => {
    const byId = new Map((units ?? []).map((u) => [u.id, u.name]));
    const map: Positions = new Map();
    for (const p of saved.data ?? []) {
      const name = byId.get(p.unitId);
      if (name) map.set(name, { x: p.x, y: p.y });
    }
    return map;
  }, [saved.data, units]);
  const livePositions = useRef<Positions>(positions);
  useEffect(() => {
    livePositions.current = positions;
  }, [positions]);

  const data = analysis.data;
  const result = data?.result;
  const waves = result?.waves ?? [];
  const wIndex = Math.min(waveIndex ?? waves.length - 1, waves.length - 1);
  const wave = waves[wIndex];
  const thresholds = result?.thresholds ?? { high: 4, low: 3.5 };
  // Stable across a click on a tie, so the sections below the map need not redraw.
  const minGroup = result?.minGroup ?? 5;
  const fmt = useMemo(() => formatters(i18n, minGroup), [i18n, minGroup]);
  const dimLabel = useCallback((d: RkDimension) => RK_DIMENSION_LABELS[d][lang], [lang]);

  const allNames = useMemo(() => {
    if (!wave) return [];
    const names = new Set<string>();
    // A leader can focus only on units their ties reach, the ones the map can show.
    if (!ownUnitOnly) for (const u of wave.units) names.add(u.unit);
    for (const tie of wave.ties) names.add(tie.from).add(tie.to);
    return [...names].sort((a, b) => a.localeCompare(b, 'da'));
  }, [wave, ownUnitOnly]);

  const visibleList = useMemo(() => {
    let names = allNames.filter((name) => {
      const kind = unitByName.get(name)?.kind;
      return !kind || kinds.has(kind);
    });
    if (focus && wave) {
      const near = new Set([focus]);
      for (const tie of wave.ties) {
        if (tie.from === focus) near.add(tie.to);
        if (tie.to === focus) near.add(tie.from);
      }
      names = names.filter((n) => near.has(n));
    }
    return names.join('\u0000');
  }, [allNames, unitByName, kinds, focus, wave]);
  // Keyed on the names themselves, so that a reload of the organisation that changes
  // nothing visible does not redraw the map (seconds, on a large network).
  const visibleNames = useMemo(
    () => new Set(visibleList === '' ? [] : visibleList.split('\u0000')),
    [visibleList],
  );
  // Drawn once the unit kinds and the saved layout are in; drawing before them means
  // drawing twice.
  const layoutReady =
    (org.data !== undefined || org.error !== undefined) &&
    (saved.data !== undefined || saved.error !== undefined);

  const visibleTies = useMemo(
    () =>
      (wave?.ties ?? []).filter(
        (tie) => tie.from !== tie.to && visibleNames.has(tie.from) && visibleNames.has(tie.to),
      ),
    [wave, visibleNames],
  );

  const nodes = useMemo<MapNode[]>(() => {
    const outN = new Map((wave?.units ?? []).map((u) => [u.unit, u.outN]));
    return [...visibleNames].map((name) => ({
      id: name,
      label: name,
      size: outN.get(name) ?? null,
    }));
  }, [visibleNames, wave]);

  const edges = useMemo<MapEdge[]>(
    () =>
      visibleTies.map((tie) => ({
        id: tieKey(tie),
        from: tie.from,
        to: tie.to,
        colour: tieColour(tie, dimension, thresholds),
        label: tieKey(tie),
      })),
    // The thresholds belong to the analysis (`result`).
    [visibleTies, dimension, result],
  );

  // Sorted once per filter, not on every click on the map.
  const weakest = useMemo(() => {
    const score = (tie: TieResult) => tieScore(tie, dimension);
    return visibleTies
      .filter((tie) => score(tie) !== null && (tie.dontKnowShare ?? 0) <= 0.5)
      .sort((a, b) => (score(a) ?? 0) - (score(b) ?? 0))
      .slice(0, 5);
  }, [visibleTies, dimension]);
  // A large network's table shows the weakest ties first, the rest on request: thousands
  // of rows would hold up the map (and every click on it) for seconds.
  const allRows = useMemo(() => [...visibleTies, ...(wave?.selfTies ?? [])], [visibleTies, wave]);
  const tableRows = useMemo(() => {
    if (allTies || allRows.length <= TABLE_ROWS) return allRows;
    const score = (tie: TieResult) => tieScore(tie, dimension) ?? Infinity;
    return [...allRows].sort((a, b) => score(a) - score(b)).slice(0, TABLE_ROWS);
  }, [allRows, allTies, dimension]);

  if (!data || !result || !wave) {
    // An open measurement has no results yet: say when they come, not that something failed.
    const open =
      notClosed ||
      (analysis.error instanceof ApiError && analysis.error.code === 'measurement_open');
    const error = measurement.error ?? analysis.error;
    return (
      <div className="page">
        {(measurement.status === 'loading' || (closed && !error)) && <Loading />}
        {open ? (
          <section className="panel" aria-labelledby="a-not-closed">
            <h1 className="panel__title" id="a-not-closed">
              {t('analysis.notClosed.title')}
            </h1>
            <p>{t('analysis.notClosed.text')}</p>
            <p>
              <Link to={`/maalinger/${id}`}>{t('analysis.notClosed.responses')}</Link>
            </p>
          </section>
        ) : (
          error && (
            <>
              <p className="breadcrumb">
                <Link to="/maalinger">{t('measurements.back')}</Link>
              </p>
              <PageTitle title={t('analysis.title')}>{t('analysis.title')}</PageTitle>
              <ErrorAlert error={error} />
            </>
          )
        )}
      </div>
    );
  }

  const title = data.waves[data.waves.length - 1]?.title ?? t('analysis.title');
  const scoreOf = (tie: TieResult) => tieScore(tie, dimension);
  const counts = { high: 0, medium: 0, low: 0, grey: 0 } satisfies Record<TieColour, number>;
  for (const e of edges) counts[e.colour] += 1;
  const mapLabel = t('analysis.map.label', {
    units: nodes.length,
    ties: edges.length,
    high: counts.high,
    medium: counts.medium,
    low: counts.low,
    grey: counts.grey,
  });

  const selectedTie = wave.ties.find((tie) => tieKey(tie) === selected);
  const reverseTie = selectedTie
    ? wave.ties.find((tie) => tie.from === selectedTie.to && tie.to === selectedTie.from)
    : undefined;

  const moved = (next: Positions) => {
    livePositions.current = next;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const list = [...livePositions.current]
        .map(([name, p]) => ({ unitId: unitByName.get(name)?.id, x: p.x, y: p.y }))
        .filter((p): p is { unitId: string; x: number; y: number } => p.unitId !== undefined);
      saveMapPositions(list).then(
        () => setSaveError(undefined),
        (error: unknown) => setSaveError(error as typeof saveError),
      );
    }, 800);
  };

  const exportMap = async (format: 'png' | 'svg') => {
    const handle = mapHandle.current;
    if (!handle) return;
    const name = `relationsoverblik-${wave.wave}`;
    if (format === 'png') saveBlob(await handle.png(), `${name}.png`);
    else saveBlob(new Blob([handle.svg()], { type: 'image/svg+xml' }), `${name}.svg`);
  };

  const tieName = (tie: { from: string; to: string }) => `${tie.from} → ${tie.to}`;

  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        {canMove ? (
          <Link to={`/maalinger/${id}`}>{t('analysis.back')}</Link>
        ) : (
          <Link to="/maalinger">{t('measurements.back')}</Link>
        )}
      </p>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t('analysis.title')}</p>
          <PageTitle title={`${t('analysis.title')}: ${title}`}>{title}</PageTitle>
          <p className="lead">{t('analysis.lead', { process: data.focalProcess })}</p>
          {ownUnitOnly && <p className="hint">{t('analysis.ownUnitOnly')}</p>}
        </div>
      </div>
      {data.provisional && (
        <div className="alert alert--info" role="status">
          <p>
            <strong>{t('analysis.provisional')}</strong> {t('analysis.provisionalHint')}
          </p>
        </div>
      )}
      <ErrorAlert error={analysis.error} />

      <Section id="a-map" title={t('analysis.map.title')}>
        <div className="toolbar toolbar--analysis">
          {waves.length > 1 && (
            <SelectField
              label={t('analysis.wave')}
              value={String(wIndex)}
              onChange={(e) => {
                setWaveIndex(Number(e.target.value));
                setSelected(undefined);
              }}
            >
              {waves.map((w, i) => (
                <option key={w.wave} value={i}>
                  {w.wave}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField
            label={t('analysis.dimension')}
            value={dimension}
            onChange={(e) => setDimension(e.target.value as RkDimension | 'total')}
          >
            <option value="total">{t('analysis.dimension.total')}</option>
            {RK_ITEMS.map((d) => (
              <option key={d} value={d}>
                {dimLabel(d)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('analysis.role')}
            value={role}
            onChange={(e) => {
              setRole(e.target.value as RoleFilter);
              setSelected(undefined);
            }}
          >
            <option value="">{t('analysis.role.all')}</option>
            <option value="leder">{t('analysis.role.leder')}</option>
            <option value="medarbejder">{t('analysis.role.medarbejder')}</option>
          </SelectField>
          <SelectField
            label={t('analysis.focus')}
            value={focus}
            onChange={(e) => setFocus(e.target.value)}
          >
            <option value="">{t('analysis.focus.all')}</option>
            {allNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          <fieldset className="kind-filter">
            <legend>{t('analysis.kinds')}</legend>
            {UNIT_KINDS.map((kind) => (
              <label key={kind} className="kind-filter__choice">
                <input
                  type="checkbox"
                  checked={kinds.has(kind)}
                  onChange={(e) => {
                    const next = new Set(kinds);
                    if (e.target.checked) next.add(kind);
                    else next.delete(kind);
                    setKinds(next);
                  }}
                />
                {t(kindKey(kind))}
              </label>
            ))}
          </fieldset>
        </div>
        {analysis.status === 'loading' && <Loading />}
        <div className="map-layout">
          <div className="map-layout__map">
            {layoutReady ? (
              <NetworkMap
                nodes={nodes}
                edges={edges}
                positions={positions}
                selected={selected}
                onSelect={setSelected}
                onMoved={canMove ? moved : undefined}
                label={mapLabel}
                handleRef={mapHandle}
              />
            ) : (
              <Loading />
            )}
            <MapLegend thresholds={thresholds} />
            <div className="toolbar__buttons">
              <Button small onClick={() => void exportMap('png')}>
                {t('analysis.map.png')}
              </Button>
              <Button small onClick={() => void exportMap('svg')}>
                {t('analysis.map.svg')}
              </Button>
              {canMove && <span className="muted">{t('analysis.map.dragHint')}</span>}
            </div>
            <ErrorAlert error={saveError} />
          </div>
          <div className="map-layout__side">
            <h3>{t('analysis.weakest.title')}</h3>
            {weakest.length === 0 ? (
              <p className="muted">{t('analysis.weakest.none')}</p>
            ) : (
              <ol className="bridges">
                {weakest.map((tie) => (
                  <li key={tieKey(tie)}>
                    <Button variant="quiet" small onClick={() => setSelected(tieKey(tie))}>
                      {tieName(tie)}: {fmt.num(scoreOf(tie))}
                    </Button>
                  </li>
                ))}
              </ol>
            )}
            <TieDetails
              tie={selectedTie}
              reverse={reverseTie}
              dimension={dimension}
              thresholds={thresholds}
              fmt={fmt}
              dimLabel={dimLabel}
              onClose={() => setSelected(undefined)}
            />
          </div>
        </div>

        <DataTable
          label={t('analysis.ties.title')}
          caption={t('analysis.ties.caption', { wave: wave.wave, count: visibleTies.length })}
          visibleCaption
          compact
          columns={[
            t('analysis.ties.tie'),
            {
              label: dimension === 'total' ? t('analysis.score') : dimLabel(dimension),
              className: 'table__num',
            },
            t('analysis.level'),
            { label: t('analysis.n'), className: 'table__num' },
            { label: t('analysis.dontKnow'), className: 'table__num' },
          ]}
          actions={t('analysis.ties.details')}
        >
          {tableRows.map((tie) => {
            const colour = tieColour(tie, dimension, thresholds);
            return (
              <tr key={`${tieKey(tie)}${tie.from === tie.to ? ':self' : ''}`}>
                <th scope="row">
                  {tie.from === tie.to ? t('analysis.ties.self', { unit: tie.from }) : tieName(tie)}
                </th>
                <td className="table__num">{fmt.num(scoreOf(tie))}</td>
                <td>
                  <span className={`level level--${colour}`}>{t(colourKey(colour))}</span>
                </td>
                {/* Short, so the column stays narrow; the details say why in full. */}
                <td className="table__num table__nowrap">
                  {tie.suppressedReason === 'complementary'
                    ? t('analysis.hidden')
                    : fmt.count(tie.n)}
                </td>
                <td className="table__num">{fmt.pct(tie.dontKnowShare)}</td>
                <td>
                  {tie.from !== tie.to && (
                    <Button
                      variant="quiet"
                      small
                      aria-pressed={selected === tieKey(tie)}
                      onClick={() => setSelected(tieKey(tie))}
                    >
                      {t('analysis.ties.show')}
                      <span className="visually-hidden"> {tieName(tie)}</span>
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
        {tableRows.length < allRows.length && (
          <p>
            {t('analysis.ties.shown', { shown: tableRows.length, count: allRows.length })}{' '}
            <Button small onClick={() => setAllTies(true)}>
              {t('analysis.ties.showAll', { count: allRows.length })}
            </Button>
          </p>
        )}
      </Section>

      <AnalysisSections data={data} wave={wave} fmt={fmt} dimLabel={dimLabel} />
      <AnalysisExtrasSections measurementId={id} wave={wave.wave} fmt={fmt} />
      {canMove && <BenchmarkSection measurementId={id} fmt={fmt} dimLabel={dimLabel} />}

      <ExportButtons measurementId={id} wave={wave.wave} />
    </div>
  );
}

function TieDetails({
  tie,
  reverse,
  dimension,
  thresholds,
  fmt,
  dimLabel,
  onClose,
}: {
  tie: TieResult | undefined;
  reverse: TieResult | undefined;
  /** The dimension chosen above the map: the panel's score and level follow it. */
  dimension: RkDimension | 'total';
  thresholds: { high: number; low: number };
  fmt: ReturnType<typeof formatters>;
  dimLabel: (d: RkDimension) => string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (tie) heading.current?.focus();
  }, [tie]);
  if (!tie) return <p className="muted tie-details__hint">{t('analysis.details.hint')}</p>;
  // The chosen dimension's score and level, as the map colours the tie.
  const levelText = (x: TieResult) =>
    t(
      `analysis.level.${dimension === 'total' || x.suppressed ? x.level : levelOf(tieScore(x, dimension), thresholds)}` as MessageKey,
    );
  const scoreLabel = dimension === 'total' ? t('analysis.score') : dimLabel(dimension);
  return (
    <section className="tie-details" aria-labelledby="tie-details-title">
      <h3 id="tie-details-title" ref={heading} tabIndex={-1}>
        {tie.from} → {tie.to}
      </h3>
      <dl className="facts facts--compact">
        <div>
          <dt>{scoreLabel}</dt>
          <dd>{fmt.num(tieScore(tie, dimension))}</dd>
        </div>
        <div>
          <dt>{t('analysis.n')}</dt>
          <dd>{fmt.count(tie.n, tie.suppressedReason)}</dd>
        </div>
        <div>
          <dt>{t('analysis.level')}</dt>
          <dd>{levelText(tie)}</dd>
        </div>
        <div>
          <dt>{t('analysis.dontKnow')}</dt>
          <dd>{fmt.pct(tie.dontKnowShare)}</dd>
        </div>
      </dl>
      <table className="table table--compact">
        <caption>{t('analysis.details.dimensions')}</caption>
        <tbody>
          {RK_ITEMS.map((d) => (
            <tr key={d}>
              <th scope="row">
                {dimLabel(d)}
                {tie.weakestDimension === d && (
                  <span className="badge badge--weakest">{t('analysis.weakestBadge')}</span>
                )}
              </th>
              <td className="table__num">
                {d === dimension ? (
                  <strong>{fmt.num(tie.dimensions[d])}</strong>
                ) : (
                  fmt.num(tie.dimensions[d])
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <strong>{t('analysis.details.reverse', { from: tie.to, to: tie.from })}</strong>{' '}
        {reverse
          ? t('analysis.details.reverseValue', {
              label: scoreLabel.toLocaleLowerCase(),
              score: fmt.num(tieScore(reverse, dimension)),
              n: fmt.count(reverse.n, reverse.suppressedReason),
              level: levelText(reverse),
            })
          : t('analysis.details.noReverse')}
      </p>
      <Button variant="quiet" small onClick={onClose}>
        {t('common.close')}
      </Button>
    </section>
  );
}
