/**
 * Each item's curve over time for dialogue ("is it going up or down, and why?"): a small
 * Observable Plot chart per scored item, each with the same numbers as a table beside it
 * for screen readers and for anyone who reads tables better than lines.
 */
import { formatDate } from '../ui/format-date.js';
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useCitizenI18n } from '../i18n/i18n-core.js';
import type { InstrumentItem, Progression, ProgressionValue } from './progression-api.js';

interface Point {
  at: Date;
  occasion: string;
  value: number;
}

/** The value as a number on the item's axis: yes = 1, no = 0; text has no curve. */
const numeric = (value: ProgressionValue | undefined): number | null =>
  typeof value === 'number' ? value : typeof value === 'boolean' ? (value ? 1 : 0) : null;

const DOMAINS: Record<Exclude<InstrumentItem['kind'], 'text' | 'options'>, [number, number]> = {
  'scale-1-5': [1, 5],
  'scale-0-10': [0, 10],
  'yes-no': [0, 1],
};

/** The axis of an item: its scale, or its answer options' lowest to highest score. */
const domainOf = (item: InstrumentItem): [number, number] => {
  if (item.kind === 'text') return [0, 1];
  if (item.kind !== 'options') return DOMAINS[item.kind];
  const scores = (item.options ?? []).map((o) => o.score);
  return [Math.min(...scores, 0), Math.max(...scores, 1)];
};

/** The number an answer draws: an option's score, or the value itself. */
const pointOf = (item: InstrumentItem, value: ProgressionValue | undefined): number | null =>
  item.kind === 'options'
    ? typeof value === 'number'
      ? (item.options?.[value]?.score ?? null)
      : null
    : numeric(value);

function Chart({ item, points, label }: { item: InstrumentItem; points: Point[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || item.kind === 'text') return;
    const chart = Plot.plot({
      ariaLabel: label,
      height: 150,
      width: Math.min(520, node.clientWidth || 320),
      marginLeft: 36,
      x: { type: 'utc', label: null },
      y: {
        domain: domainOf(item),
        label: null,
        grid: true,
        ticks: item.kind === 'scale-0-10' ? 5 : 4,
      },
      marks: [
        Plot.lineY(points, { x: 'at', y: 'value', stroke: '#1a5fb4', strokeWidth: 2 }),
        Plot.dot(points, { x: 'at', y: 'value', fill: '#1a5fb4', r: 4 }),
      ],
    });
    // One accessible image per chart; Plot's labels on inner groups are not allowed there.
    chart.setAttribute('role', 'img');
    for (const inner of chart.querySelectorAll('[aria-label]')) inner.removeAttribute('aria-label');
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [item, points, label]);
  return <div ref={ref} className="progression-chart" />;
}

/** The curves of the answers given to the current instrument, oldest point first. */
export function ProgressionCurves({
  progression,
  compact = false,
}: {
  progression: Progression;
  /** On the citizen's phone the tables are folded away under a "show numbers" toggle. */
  compact?: boolean;
}) {
  const { t, locale } = useCitizenI18n();
  const instrument =
    progression.instruments.find((i) => i.id === progression.schedule?.instrumentId) ??
    progression.instruments[0];
  if (!instrument || progression.responses.length === 0) {
    return <p className="progression-empty">{t('progression.noAnswers')}</p>;
  }
  const responses = progression.responses
    .filter((r) => r.instrumentId === instrument.id)
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
  const date = (iso: string) => formatDate(iso, locale);
  return (
    <div className="progression-curves">
      {instrument.items
        .filter((item) => item.kind !== 'text')
        .map((item) => {
          const points: Point[] = responses.flatMap((r) => {
            const value = pointOf(item, r.answers[item.id]);
            return value === null
              ? []
              : [{ at: new Date(r.answeredAt), occasion: r.occasion, value }];
          });
          const label = t('progression.curveOf', { item: item.text });
          const table = (
            <table className="table table--compact progression-table">
              <caption className="visually-hidden">{label}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('progression.when')}</th>
                  <th scope="col">{t('progression.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={`${p.occasion}-${p.at.toISOString()}`}>
                    <td>{date(p.at.toISOString())}</td>
                    <td>
                      {item.kind === 'yes-no'
                        ? p.value === 1
                          ? t('progression.yes')
                          : t('progression.no')
                        : p.value}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
          return (
            <section key={item.id} className="progression-item" aria-label={item.text}>
              <h3 className="progression-item__title">{item.text}</h3>
              {points.length === 0 ? (
                <p className="progression-empty">{t('progression.skippedAlways')}</p>
              ) : (
                <>
                  <Chart item={item} points={points} label={label} />
                  {compact ? (
                    <details>
                      <summary>{t('progression.showNumbers')}</summary>
                      {table}
                    </details>
                  ) : (
                    table
                  )}
                </>
              )}
            </section>
          );
        })}
    </div>
  );
}
