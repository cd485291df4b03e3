/** What an import did, in numbers, for the success message on the organisation page. */
import type { ImportAction } from '../../../contract/org.js';
import type { ImportReport } from '../../../contract/org.schema.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { Notice } from '../ui/feedback.js';

export interface ImportSummary {
  rows: number;
  units: Record<ImportAction, number>;
  people: Record<ImportAction, number>;
  /** Names of the units the import created. */
  newUnits: string[];
}

function countActions(items: { action: ImportAction }[]): Record<ImportAction, number> {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const item of items) counts[item.action]++;
  return counts;
}

export function summariseImport(report: ImportReport): ImportSummary {
  return {
    rows: report.rows,
    units: countActions(report.plan.units),
    people: countActions(report.plan.people),
    newUnits: report.plan.units.filter((u) => u.action === 'create').map((u) => u.name),
  };
}

/** "2 new units, 1 changed unit, 5 new people …" in the current language. */
export function useDescribeChanges() {
  const { t, tn } = useI18n();
  return (summary: Pick<ImportSummary, 'units' | 'people'>): string => {
    const parts: string[] = [];
    const add = (count: number, one: MessageKey, other: MessageKey) => {
      if (count > 0) parts.push(tn(count, one, other));
    };
    add(summary.units.create, 'import.units.create.one', 'import.units.create.other');
    add(summary.units.update, 'import.units.update.one', 'import.units.update.other');
    add(summary.people.create, 'import.people.create.one', 'import.people.create.other');
    add(summary.people.update, 'import.people.update.one', 'import.people.update.other');
    const unchanged = summary.units.unchanged + summary.people.unchanged;
    if (unchanged > 0) parts.push(t('import.unchanged', { count: unchanged }));
    return parts.length === 0 ? t('import.noChanges') : parts.join(', ');
  };
}

export function ImportSummaryNotice({
  summary,
  onDismiss,
}: {
  summary: ImportSummary;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const describe = useDescribeChanges();
  return (
    <Notice onDismiss={onDismiss}>
      <p>
        <strong>{t('import.done.title')}</strong> {t('import.done.rows', { rows: summary.rows })}{' '}
        {describe(summary)}.
      </p>
      {summary.newUnits.length > 0 && (
        <p>{t('import.done.newUnits', { units: summary.newUnits.join(', ') })}</p>
      )}
    </Notice>
  );
}
