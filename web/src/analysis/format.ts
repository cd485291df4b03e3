/** Number formatting for the analysis, with suppressed values shown as such. */
import type { useI18n } from '../i18n/i18n.js';

type T = ReturnType<typeof useI18n>;

/**
 * Number formats, made once per locale and precision: `toLocaleString` builds a new
 * formatter on every call, which cost over a second on a 60-group map's 3 540 ties.
 */
const FORMATS = new Map<string, Intl.NumberFormat>();
function format(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let found = FORMATS.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    FORMATS.set(key, found);
  }
  return found;
}

export function formatters({ t, locale }: T, minGroup: number) {
  const num = (value: number | null | undefined, digits = 2) =>
    value === null || value === undefined
      ? t('analysis.hidden')
      : format(locale, digits, digits).format(value);
  /** A count, or why it is hidden: too few answers, or so it cannot be worked out from others. */
  const count = (value: number | null | undefined, reason?: 'small' | 'complementary' | null) =>
    value === null || value === undefined
      ? reason === 'complementary'
        ? t('suppressed.complementary')
        : reason === 'small'
          ? t('suppressed.small', { min: minGroup })
          : t('analysis.fewer', { min: minGroup })
      : format(locale, 0, 0).format(value);
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('analysis.hidden')
      : `${format(locale, 0, 0).format(value * 100)} %`;
  const p = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('analysis.hidden')
      : value < 0.001
        ? '< 0,001'.replace(',', locale.startsWith('da') ? ',' : '.')
        : num(value, 3);
  const ci = (value: [number, number] | null | undefined) =>
    value ? `${num(value[0])} – ${num(value[1])}` : t('analysis.hidden');
  return { num, count, pct, p, ci };
}
