/**
 * The plan's versions: who changed it, when, who took part; any two compared, and any
 * one shown as it was.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { InlineSelect } from '../ui/field.js';
import { EmptyState, ErrorAlert, LoadStatus } from '../ui/feedback.js';
import { RowAction } from '../ui/row-action.js';
import { DataTable, TableFrame } from '../ui/table-frame.js';
import { actionStatusLabel, formatDate, formatDateTime, lawLabel } from './course-labels.js';
import type { CourseTabProps } from './course-tab.js';
import {
  ACTION_STATUSES,
  comparePlan,
  LAWS,
  type ActionStatus,
  type Law,
  listVersions,
  loadVersion,
  type PlanChange,
  type PlanVersion,
} from './courses-api.js';
import { PlanView } from './plan-view.js';
import { responsiblesOf } from './responsible.js';
import { CourseTab } from './course-tab.js';
import { Button } from '../ui/button.js';
import { SubmitButton } from '../ui/submit-button.js';

const FIELD_KEYS: Record<string, MessageKey> = {
  text: 'courses.plan.actionText',
  responsiblePartyId: 'courses.plan.responsible',
  law: 'courses.plan.law',
  paragraph: 'courses.plan.paragraph',
  start: 'courses.plan.start',
  end: 'courses.plan.end',
  status: 'courses.plan.status',
  statusReason: 'courses.plan.reason',
  subGoal: 'courses.versions.movedTo',
};

/** A change's path (`goal`, `subGoals[<id>].text`, `actions[<id>].status`) in words. */
function describePath(t: (key: MessageKey) => string, path: string): string {
  if (path === 'part') return t('courses.versions.member');
  if (path === 'dreams') return t('courses.plan.dreams');
  if (path === 'goal') return t('courses.plan.goal');
  if (path.startsWith('subGoals[')) return t('courses.plan.subGoalText');
  const field = /^actions\[[^\]]+\](?:\.(\w+))?$/.exec(path);
  if (field) {
    const key = field[1] ? FIELD_KEYS[field[1]] : undefined;
    return key ? `${t('courses.plan.action')}: ${t(key)}` : t('courses.plan.action');
  }
  return path;
}

export function CourseVersions({ course }: CourseTabProps) {
  const { t, locale } = useI18n();
  const versions = useApi(() => listVersions(course.id), `versions:${course.id}`);
  const list = versions.data?.versions ?? [];
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [changes, setChanges] = useState<{ from: number; to: number; changes: PlanChange[] }>();
  const [shown, setShown] = useState<PlanVersion>();
  const { run, pending: busy, error } = useAction();

  // Default to comparing the two latest versions.
  const sorted = [...list].sort((a, b) => b.version - a.version);
  const fromValue = from ?? sorted[1]?.version ?? sorted[0]?.version;
  const toValue = to ?? sorted[0]?.version;

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    if (fromValue === undefined || toValue === undefined || busy) return;
    await run(async () => setChanges(await comparePlan(course.id, fromValue, toValue)));
  };

  const show = (version: number) =>
    run(async () => setShown(await loadVersion(course.id, version)));

  const memberName = (id: string) => course.members?.find((m) => m.id === id)?.name ?? '–';
  /** A changed value in words: party names, law and status labels, dates. */
  const valueOf = (path: string, value: string | null) => {
    if (value === null) return '–';
    if (path.endsWith('.responsiblePartyId'))
      return responsiblesOf(course, t).find((p) => p.id === value)?.name ?? value;
    if (path.endsWith('.status') && (ACTION_STATUSES as readonly string[]).includes(value))
      return actionStatusLabel(t, value as ActionStatus);
    if (path.endsWith('.law') && (LAWS as readonly string[]).includes(value))
      return lawLabel(t, value as Law);
    if (path.endsWith('.start') || path.endsWith('.end')) return formatDate(value, locale);
    if (path === 'part') return memberName(value);
    return value;
  };

  const versionOptions = sorted.map((v) => (
    <option key={v.version} value={v.version}>
      {t('courses.versions.versionN', { n: v.version })}
    </option>
  ));

  return (
    <CourseTab id="versions-title" title={t('courses.versions')}>
      <LoadStatus state={versions} />
      {versions.data && list.length === 0 && (
        <EmptyState title={t('courses.versions.empty')}>
          <p>{t('courses.versions.emptyHint')}</p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <DataTable
          label={t('courses.versions')}
          columns={[
            t('courses.versions.version'),
            t('courses.versions.at'),
            t('courses.versions.by'),
            t('courses.versions.participants'),
            t('courses.versions.note'),
          ]}
          actions={t('courses.actions')}
        >
          {sorted.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td className="table__nowrap">{formatDateTime(v.changedAt, locale)}</td>
              <td>{v.changedBy ?? '–'}</td>
              <td>{v.participants.length > 0 ? v.participants.join(', ') : '–'}</td>
              <td className="table__detail free-text">{v.note ?? '–'}</td>
              <td className="table__actions">
                <RowAction
                  label={t('courses.versions.show')}
                  target={t('courses.versions.versionN', { n: v.version })}
                  onClick={() => void show(v.version)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {list.length > 1 && (
        <form className="toolbar compare-form" onSubmit={compare} noValidate>
          <InlineSelect
            label={t('courses.versions.from')}
            value={fromValue}
            onChange={(e) => setFrom(Number(e.target.value))}
          >
            {versionOptions}
          </InlineSelect>
          <InlineSelect
            label={t('courses.versions.to')}
            value={toValue}
            onChange={(e) => setTo(Number(e.target.value))}
          >
            {versionOptions}
          </InlineSelect>
          <SubmitButton pending={busy}>{t('courses.versions.compare')}</SubmitButton>
        </form>
      )}
      <ErrorAlert error={error} />
      {changes && (
        <section className="panel" aria-labelledby="changes-title" aria-live="polite">
          <h3 className="panel__title" id="changes-title">
            {t('courses.versions.changes', { from: changes.from, to: changes.to })}
          </h3>
          {changes.changes.length === 0 ? (
            <p>{t('courses.versions.noChanges')}</p>
          ) : (
            <TableFrame
              label={t('courses.versions.changes', { from: changes.from, to: changes.to })}
            >
              <table className="table table--compact">
                <caption className="visually-hidden">
                  {t('courses.versions.changes', { from: changes.from, to: changes.to })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('courses.versions.change')}</th>
                    <th scope="col">{t('courses.versions.member')}</th>
                    <th scope="col">{t('courses.versions.what')}</th>
                    <th scope="col">{t('courses.versions.before')}</th>
                    <th scope="col">{t('courses.versions.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.changes.map((c, i) => (
                    <tr key={`${c.memberId}-${c.path}-${i}`}>
                      <td>
                        <span className={`badge badge--change-${c.kind}`}>
                          {t(`courses.versions.kind.${c.kind}`)}
                        </span>
                      </td>
                      <td>{memberName(c.memberId)}</td>
                      <td>{describePath(t, c.path)}</td>
                      <td className="free-text">{valueOf(c.path, c.before)}</td>
                      <td className="free-text">{valueOf(c.path, c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          )}
        </section>
      )}
      {shown && (
        <section className="panel" aria-labelledby="shown-title">
          <div className="section-header">
            <h3 className="panel__title" id="shown-title">
              {t('courses.versions.shown', { n: shown.version })}
            </h3>
            <Button variant="quiet" small onClick={() => setShown(undefined)}>
              {t('common.close')}
            </Button>
          </div>
          <PlanView
            plan={shown.plan}
            members={course.members ?? []}
            parties={responsiblesOf(course, t)}
            headingLevel={4}
          />
        </section>
      )}
    </CourseTab>
  );
}
