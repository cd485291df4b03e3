/** The audit log in words (issue #16): actions, records and details by their labels, never raw keys. */
import {
  AUDIT_ACTION_LABELS,
  AUDIT_DETAIL_LABELS,
  AUDIT_ENTITY_LABELS,
  AUDIT_VALUE_LABELS,
} from '../../../contract/audit.js';

type Lang = 'da' | 'en';
type Labels = Readonly<Record<string, { da: string; en: string }>>;

/** A known word by its label; anything else (an older entry's key) as it was stored. */
const labelOf = (labels: Labels, value: string, lang: Lang) =>
  Object.hasOwn(labels, value) ? labels[value]![lang] : value;

/** What an audit action is called, e.g. "Plan læst" for `plan.read`. */
export const auditActionLabel = (action: string, lang: Lang) =>
  labelOf(AUDIT_ACTION_LABELS, action, lang);

/** What a kind of record is called, e.g. "Forløb" for `course`. */
export const auditEntityLabel = (entity: string, lang: Lang) =>
  labelOf(AUDIT_ENTITY_LABELS, entity, lang);

function formatValue(value: unknown, lang: Lang, locale: string): string {
  if (Array.isArray(value)) return value.map((v) => formatValue(v, lang, locale)).join(', ');
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return labelOf(AUDIT_VALUE_LABELS, value, lang);
  if (typeof value === 'number') return value.toLocaleString(locale);
  if (typeof value === 'boolean')
    return { da: value ? 'ja' : 'nej', en: value ? 'yes' : 'no' }[lang];
  return '';
}

/** The detail fields a person can read, labelled ("adgang: fuld"); ids and internal fields are left out. */
export function auditDetail(
  detail: Record<string, unknown> | null,
  lang: Lang,
  locale: string,
): string {
  return Object.entries(detail ?? {})
    .filter(([key]) => Object.hasOwn(AUDIT_DETAIL_LABELS, key))
    .map(
      ([key, value]) => `${AUDIT_DETAIL_LABELS[key]![lang]}: ${formatValue(value, lang, locale)}`,
    )
    .join('; ');
}
