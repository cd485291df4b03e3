/**
 * A course's progression: the instrument and interval (start, every N months, closure),
 * what is due, recording a measurement with the citizen or a parent beside the
 * caseworker, and each item's curve over time with a table of the same numbers.
 */
import { useState } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import type { CourseTabProps } from '../courses/course-tab.js';
import { formatDate } from '../courses/course-labels.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ErrorAlert, Notice, LoadStatus } from '../ui/feedback.js';
import { SelectField, TextField, bindText } from '../ui/field.js';
import { ProgressionCurves } from './progression-curves.js';
import { ProgressionForm } from './progression-form.js';
import {
  loadInstruments,
  loadProgression,
  recordResponse,
  setSchedule,
  type ProgressionValue,
  type RespondentKind,
} from './progression-api.js';
import { CourseTab } from '../courses/course-tab.js';
import { Button } from '../ui/button.js';

const RESPONDENTS: { value: RespondentKind; label: MessageKey }[] = [
  { value: 'borger', label: 'progression.by.borger' },
  { value: 'foraelder', label: 'progression.by.foraelder' },
  { value: 'sagsbehandler', label: 'progression.by.sagsbehandler' },
];

/** An occasion's name: start, after N months, or closure. */
export function occasionLabel(
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  key: string,
) {
  if (key === 'start') return t('progression.occasion.start');
  if (key === 'afslutning') return t('progression.occasion.end');
  return t('progression.occasion.months', { months: key.slice(1) });
}

export function CourseProgression({ course }: CourseTabProps) {
  const { t, locale } = useI18n();
  const progression = useApi(() => loadProgression(course.id), `progression:${course.id}`);
  const full = course.access === 'full';
  const instruments = useApi(
    () => (full ? loadInstruments() : Promise.resolve({ instruments: [] })),
    `instruments:${full}`,
  );
  const [instrumentId, setInstrumentId] = useState('');
  const [intervalMonths, setIntervalMonths] = useState('6');
  const [by, setBy] = useState<RespondentKind>('borger');
  const { run, pending: busy, error, notice, setNotice } = useAction(progression.reload);
  const data = progression.data;
  const schedule = data?.schedule ?? null;
  const instrument = data?.instruments.find((i) => i.id === schedule?.instrumentId);
  const choices = (instruments.data?.instruments ?? []).filter((i) => !i.archived);

  const saveSchedule = () =>
    run(
      () =>
        setSchedule(course.id, {
          instrumentId: instrumentId || schedule?.instrumentId || choices[0]?.id || '',
          intervalMonths: Number(intervalMonths),
        }),
      t('progression.scheduleSaved'),
    );
  const answer = (answers: Record<string, ProgressionValue>) =>
    run(() => recordResponse(course.id, { answeredBy: by, answers }), t('progression.answered'));

  return (
    <CourseTab id="progression-title" title={t('progression.title')} lead={t('progression.lead')}>
      <LoadStatus state={progression} error={progression.error ?? instruments.error} />
      {full && course.status === 'open' && (
        <div className="progression-schedule">
          <SelectField
            label={t('progression.instrument')}
            value={instrumentId || schedule?.instrumentId || ''}
            onChange={(e) => setInstrumentId(e.target.value)}
          >
            {!schedule && <option value="">{t('progression.chooseInstrument')}</option>}
            {choices.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('progression.interval')}
            type="number"
            min={1}
            max={24}
            {...bindText(intervalMonths, setIntervalMonths)}
          />
          <Button small disabled={busy} onClick={() => void saveSchedule()}>
            {t('progression.saveSchedule')}
          </Button>
        </div>
      )}
      {notice && <Notice onDismiss={() => setNotice(undefined)}>{notice}</Notice>}
      <ErrorAlert error={error} />
      {data && !schedule && <p>{t('progression.noSchedule')}</p>}
      {schedule && (
        <>
          <ul className="progression-occasions">
            {schedule.occasions.map((o) => (
              <li key={o.key}>
                {occasionLabel(t, o.key)} ({formatDate(o.due, locale)}):{' '}
                {o.answered ? t('progression.occasionAnswered') : t('progression.occasionOpen')}
              </li>
            ))}
            {schedule.next && (
              <li>
                {occasionLabel(t, schedule.next.key)} ({formatDate(schedule.next.due, locale)}):{' '}
                {t('progression.occasionComing')}
              </li>
            )}
          </ul>
          {schedule.due && instrument && full && (
            <details className="progression-record">
              <summary>
                {t('progression.record', { occasion: occasionLabel(t, schedule.due.key) })}
              </summary>
              <SelectField
                label={t('progression.answeredBy')}
                value={by}
                onChange={(e) => setBy(e.target.value as RespondentKind)}
              >
                {RESPONDENTS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {t(r.label)}
                  </option>
                ))}
              </SelectField>
              <ProgressionForm
                instrument={instrument}
                busy={busy}
                onSubmit={(a) => void answer(a)}
              />
            </details>
          )}
        </>
      )}
      {data && (
        <>
          <h3>{t('progression.curves')}</h3>
          <ProgressionCurves progression={data} />
        </>
      )}
    </CourseTab>
  );
}
