/** Number formatting for the analysis, with suppressed values shown as such. */
import type { useI18n } from '../i18n/i18n.js';

type T = ReturnType<typeof useI18n>;

export function formatters({ t, locale }: T, minGroup: number) {
  const num = (value: number | null | undefined, digits = 2) =>
    value === null || value === undefined
      ? t('analysis.hidden')
      : value.toLocaleString(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
  const count = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('analysis.fewer', { min: minGroup })
      : value.toLocaleString(locale);
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('analysis.hidden')
      : `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 0 })} %`;
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
