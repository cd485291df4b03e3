/**
 * A course's progression: the instruments and interval (start, every N months, closure),
 * what is due, recording a measurement by the citizen's side or the caseworker (about a
 * child for a per-child questionnaire, on a date for a session rating), the two sides'
 * answers side by side, each item's curve, and what closing recorded.
 */
import { useState } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import type { CourseTabProps } from '../courses/course-tab.js';
import { formatDate } from '../courses/course-labels.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ErrorAlert, Notice, LoadStatus } from '../ui/feedback.js';
import { CheckList, SelectField, TextField, bindText, toggled } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { ClosingFields, closingOf, type ClosingChoice } from './closing-fields.js';
import { ProgressionCurves } from './progression-curves.js';
import { ProgressionForm } from './progression-form.js';
import { ProgressionSideBySide } from './side-by-side.js';
import { occasionLabel } from './occasion-label.js';
import {
  loadInstruments,
  loadProgression,
  recordClosing,
  recordResponse,
  setSchedule,
  type ProgressionValue,
  type RespondentKind,
} from './progression-api.js';
import { CourseTab } from '../courses/course-tab.js';
import { Button } from '../ui/button.js';

export { occasionLabel } from './occasion-label.js';

const RESPONDENTS: { value: RespondentKind; label: MessageKey }[] = [
  { value: 'borger', label: 'progression.by.borger' },
  { value: 'foraelder', label: 'progression.by.foraelder' },
  { value: 'sagsbehandler', label: 'progression.by.sagsbehandler' },
];

export function CourseProgression({ course }: CourseTabProps) {
  const { t, locale } = useI18n();
  // Keyed by the status too: closing the course in its header records the closing shown here.
  const progression = useApi(
    () => loadProgression(course.id),
    `progression:${course.id}:${course.status}`,
  );
  const full = course.access === 'full';
  const instruments = useApi(
    () => (full ? loadInstruments() : Promise.resolve({ instruments: [] })),
    `instruments:${full}`,
  );
  const [instrumentId, setInstrumentId] = useState('');
  const [more, setMore] = useState<Set<string>>();
  const [intervalMonths, setIntervalMonths] = useState('6');
  const [by, setBy] = useState<RespondentKind>('borger');
  const [answerWith, setAnswerWith] = useState('');
  const [memberId, setMemberId] = useState('');
  const [occasion, setOccasion] = useState('');
  const [sessionDate, setSessionDate] = useState('');
  const [closing, setClosing] = useState<ClosingChoice>({ experience: '', status: '' });
  const { run, pending: busy, error, notice, setNotice } = useAction(progression.reload);
  const data = progression.data;
  const schedule = data?.schedule ?? null;
  const choices = (instruments.data?.instruments ?? []).filter((i) => !i.archived);
  const mainId = instrumentId || schedule?.instrumentId || '';
  const chosenMore = more ?? new Set(schedule?.instrumentIds.slice(1) ?? []);
  const used = (schedule?.instrumentIds ?? []).flatMap(
    (id) => data?.instruments.find((i) => i.id === id) ?? [],
  );
  const instrument = used.find((i) => i.id === answerWith) ?? used[0];
  const members = course.members ?? [];
  const children = members.filter((m) => m.relation === 'barn');
  const perChild = instrument?.structure === 'per-child';
  const session = instrument?.structure === 'session';
  const occasions = (schedule?.occasions ?? []).filter(
    (o) => course.status === 'open' || o.key === 'afslutning',
  );
  const canRecord =
    full && schedule !== null && (session ? course.status === 'open' : occasions.length > 0);

  const saveSchedule = () =>
    run(
      () =>
        setSchedule(course.id, {
          instrumentId: mainId || choices[0]?.id || '',
          intervalMonths: Number(intervalMonths),
          moreInstrumentIds: [...chosenMore].filter((id) => id !== mainId),
        }),
      t('progression.scheduleSaved'),
    );
  const answer = (answers: Record<string, ProgressionValue>) =>
    run(
      () =>
        recordResponse(course.id, {
          instrumentId: instrument?.id,
          answeredBy: by,
          answers,
          ...(perChild ? { memberId: memberId || children[0]?.id } : {}),
          ...(session
            ? sessionDate
              ? { occasion: `session-${sessionDate}` }
              : {}
            : { occasion: occasion || occasions.at(-1)?.key }),
        }),
      t('progression.answered'),
    );
  const saveClosing = () =>
    run(() => recordClosing(course.id, closingOf(closing)!), t('trial.closing.saved'));

  return (
    <CourseTab id="progression-title" title={t('progression.title')} lead={t('progression.lead')}>
      <LoadStatus state={progression} error={progression.error ?? instruments.error} />
      {full && course.status === 'open' && (
        <div className="progression-schedule">
          <SelectField
            label={t('progression.instrument')}
            value={mainId}
            onChange={(e) => setInstrumentId(e.target.value)}
          >
            {!schedule && <option value="">{t('progression.chooseInstrument')}</option>}
            <NamedOptions items={choices} />
          </SelectField>
          <TextField
            label={t('progression.interval')}
            type="number"
            min={1}
            max={24}
            {...bindText(intervalMonths, setIntervalMonths)}
          />
          <details>
            <summary>{t('trial.more')}</summary>
            <CheckList
              items={choices
                .filter((i) => i.id !== mainId)
                .map((i) => ({ id: i.id, label: i.name }))}
              chosen={chosenMore}
              onToggle={(id, on) => setMore(toggled(chosenMore, id, on))}
            />
          </details>
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
          {canRecord && instrument && (
            <details className="progression-record" open={schedule.due !== null}>
              <summary>
                {schedule.due
                  ? t('progression.record', { occasion: occasionLabel(t, schedule.due.key) })
                  : t('trial.recordAny')}
              </summary>
              {used.length > 1 && (
                <SelectField
                  label={t('trial.answerInstrument')}
                  value={instrument.id}
                  onChange={(e) => setAnswerWith(e.target.value)}
                >
                  <NamedOptions items={used} />
                </SelectField>
              )}
              {perChild && (
                <SelectField
                  label={t('trial.child')}
                  value={memberId || children[0]?.id || ''}
                  onChange={(e) => setMemberId(e.target.value)}
                >
                  <NamedOptions items={children} />
                </SelectField>
              )}
              {session ? (
                <TextField
                  label={t('trial.sessionDate')}
                  type="date"
                  {...bindText(sessionDate, setSessionDate)}
                />
              ) : (
                <SelectField
                  label={t('trial.occasion')}
                  value={occasion || occasions.at(-1)?.key || ''}
                  onChange={(e) => setOccasion(e.target.value)}
                >
                  {occasions.map((o) => (
                    <option key={o.key} value={o.key}>
                      {occasionLabel(t, o.key)}
                    </option>
                  ))}
                </SelectField>
              )}
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
                key={`${instrument.id}-${memberId}-${by}-${occasion}`}
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
          <h3>{t('trial.sideBySide')}</h3>
          <ProgressionSideBySide progression={data} members={members} />
          <h3>{t('progression.curves')}</h3>
          <ProgressionCurves progression={data} />
          <h3>{t('trial.closing')}</h3>
          {data.closing ? (
            <p>
              {t('trial.closing.recorded', {
                status: t(`trial.status.${data.closing.status}` as MessageKey),
                experience:
                  data.closing.experience === null
                    ? t('trial.closing.noExperience')
                    : `${data.closing.experience}/5`,
              })}
            </p>
          ) : (
            <p>{t('trial.closing.none')}</p>
          )}
          {full && (
            <div className="progression-schedule">
              <ClosingFields value={closing} onChange={setClosing} />
              <Button small disabled={busy || !closing.status} onClick={() => void saveClosing()}>
                {t('trial.closing.save')}
              </Button>
            </div>
          )}
        </>
      )}
    </CourseTab>
  );
}
