/** The legend under a network map: each tie colour with its swatch and its score range. */
import { useI18n } from '../i18n/i18n.js';
import { COLOURS } from './analysis-api.js';
import { formatters } from './format.js';

export function MapLegend({ thresholds }: { thresholds: { high: number; low: number } }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The group size only matters for counts, which the legend does not show.
  const fmt = formatters(i18n, 0);
  return (
    <ul className="legend" aria-label={t('analysis.legend')}>
      {(['high', 'medium', 'low', 'grey'] as const).map((c) => (
        <li key={c}>
          <span
            className={`legend__swatch legend__swatch--${c}`}
            style={{ borderColor: COLOURS[c] }}
            aria-hidden="true"
          />
          {t(`analysis.legend.${c}`, {
            high: fmt.num(thresholds.high, 1),
            low: fmt.num(thresholds.low, 1),
          })}
        </li>
      ))}
    </ul>
  );
}
