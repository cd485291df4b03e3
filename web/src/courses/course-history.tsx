/** The course's history: every read and change of the citizen's data, newest first. */
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { auditActionLabel, auditDetail } from '../audit/audit-labels.js';
import { EmptyState, LoadStatus } from '../ui/feedback.js';
import { Checkbox } from '../ui/field.js';
import { DataTable } from '../ui/table-frame.js';
import { formatDateTime } from './course-labels.js';
import type { CourseTabProps } from './course-tab.js';
import { loadCourseAudit, type CourseAuditEntry } from './courses-api.js';
import { CourseTab } from './course-tab.js';
import { Button } from '../ui/button.js';

/** Reads are logged as often as they happen; "only changes" hides them. */
const isRead = (action: string) => /\.(read|list|compare)$/.test(action);

interface Row extends CourseAuditEntry {
  /** How many citizens the same step touched (one entry is logged per citizen). */
  citizens: number;
}

/**
 * Newest first, one row per step: the entries per citizen of one step (same second,
 * same action and detail, at most one per member) become one row.
 */
function rowsOf(entries: CourseAuditEntry[], members: number): Row[] {
  const rows: Row[] = [];
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i)
    .map(({ e }) => e);
  for (const e of sorted) {
    const last = rows[rows.length - 1];
    if (
      last &&
      last.citizens < members &&
      last.action === e.action &&
      last.userName === e.userName &&
      last.reason === e.reason &&
      last.at.slice(0, 19) === e.at.slice(0, 19) &&
      JSON.stringify(last.detail) === JSON.stringify(e.detail)
    ) {
      last.citizens += 1;
    } else {
      rows.push({ ...e, citizens: 1 });
    }
  }
  return rows;
}

export function CourseHistory({ course }: CourseTabProps) {
  const { t, locale, lang } = useI18n();
  const audit = useApi(() => loadCourseAudit(course.id), `course-audit:${course.id}`);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const rows = rowsOf(audit.data?.entries ?? [], course.members?.length ?? 1).filter(
    (r) => !onlyChanges || !isRead(r.action),
  );

  return (
    <CourseTab
      id="history-title"
      title={t('courses.history')}
      lead={t('courses.history.lead')}
      actions={
        <Button small onClick={audit.reload}>
          {t('courses.refresh')}
        </Button>
      }
    >
      <div className="toolbar">
        <Checkbox
          label={t('courses.history.onlyChanges')}
          checked={onlyChanges}
          onChange={setOnlyChanges}
        />
        {audit.data && (
          <p className="result-count" role="status">
            {t('courses.history.count', { count: rows.length })}
          </p>
        )}
      </div>
      <LoadStatus state={audit} />
      {audit.data && rows.length === 0 && <EmptyState title={t('courses.history.empty')} />}
      {rows.length > 0 && (
        <DataTable
          label={t('courses.history')}
          columns={[
            t('courses.history.at'),
            t('courses.history.who'),
            t('courses.history.what'),
            t('courses.history.reason'),
            t('courses.history.detail'),
          ]}
          compact
        >
          {rows.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td className="table__nowrap">{formatDateTime(e.at, locale)}</td>
              <td>{e.userName ?? '–'}</td>
              <td>{auditActionLabel(e.action, lang)}</td>
              <td className="free-text">{e.reason ?? '–'}</td>
              <td className="table__detail">
                {auditDetail(e.detail, lang, locale) || '–'}
                {e.citizens > 1 && (
                  <span className="table__sub">
                    {t('courses.history.citizens', { count: e.citizens })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </CourseTab>
  );
}
