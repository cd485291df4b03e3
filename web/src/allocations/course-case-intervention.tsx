/**
 * A course's place in the intervention study, on the course page: its arm and allocation,
 * and its case leadership intervention (the two meetings with participants, the checklist
 * of small agreements and the agreements made).
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { Button } from '../ui/button.js';
import { CheckList, TextField, textFields, toggled } from '../ui/field.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert, LoadStatus } from '../ui/feedback.js';
import { danishDay, formatDateTime } from '../ui/format-date.js';
import { CHECKLIST_KEYS, INTERVENTION_TEMPLATE } from '../../../contract/interventions.js';
import {
  loadCourseCaseIntervention,
  planCaseIntervention,
  type CourseCaseIntervention as CaseData,
} from './allocations-api.js';

/** The Danish calendar day `days` from now, for the date fields' defaults. */
const inDays = (days: number) => danishDay(new Date(Date.now() + days * 86_400_000));

/** The leader's form for the two network meetings: dates, leader colleague, participants. */
function PlanForm({ data, reload }: { data: CaseData; reload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { run, pending, error } = useAction(reload);
  const [form, setForm] = useState(() => ({
    facilitator: '',
    colleague: '',
    first: inDays(7),
    second: inDays(7 + INTERVENTION_TEMPLATE.daysBetweenMeetings),
  }));
  const field = textFields(form, (key, value) => setForm((f) => ({ ...f, [key]: value })));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(data.parties.map((p) => p.id)),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const meeting = (date: string) => ({
      startsAt: new Date(`${date}T09:00`).toISOString(),
      durationMinutes: INTERVENTION_TEMPLATE.meetingMinutes.max,
      facilitator: form.facilitator,
      colleague: form.colleague,
      participants: [...chosen],
    });
    void run(() =>
      planCaseIntervention(data.courseId, {
        title: t('caseIntervention.title'),
        meetings: [meeting(form.first), meeting(form.second)],
      }),
    );
  };
  return (
    <form onSubmit={submit}>
      <ErrorAlert error={error} />
      <TextField label={t('caseIntervention.facilitator')} required {...field('facilitator')} />
      <TextField label={t('caseIntervention.colleague')} required {...field('colleague')} />
      <TextField label={t('caseIntervention.first')} type="date" required {...field('first')} />
      <TextField label={t('caseIntervention.second')} type="date" required {...field('second')} />
      <fieldset>
        <legend>{t('caseIntervention.participants')}</legend>
        <CheckList
          items={data.parties.map((p) => ({ id: p.id, label: p.name }))}
          chosen={chosen}
          onToggle={(id, on) => setChosen(toggled(chosen, id, on))}
        />
      </fieldset>
      <Button type="submit" variant="primary" pending={pending}>
        {t('caseIntervention.plan')}
      </Button>
    </form>
  );
}

export function CourseCaseIntervention({ courseId }: { courseId: string }) {
  const { t, lang, locale } = useI18n();
  const data = useApi(() => loadCourseCaseIntervention(courseId), `case-intervention:${courseId}`);
  const c = data.data;
  const iv = c?.intervention ?? null;
  const label = (key: string) =>
    INTERVENTION_TEMPLATE.checklist.find((x) => x.key === key)?.[lang] ?? key;
  return (
    <section aria-labelledby="case-intervention-title">
      <h2 id="case-intervention-title">{t('caseIntervention.title')}</h2>
      <LoadStatus state={data} />
      {c && (
        <>
          <p>
            {c.allocation && c.arm
              ? t('caseIntervention.arm', { arm: t(`caseIntervention.arm.${c.arm}`) })
              : t('caseIntervention.notAllocated')}
          </p>
          {iv === null ? (
            c.arm !== 'kontrol' &&
            (c.canPlan ? (
              <>
                <p>{t('caseIntervention.canPlan')}</p>
                <PlanForm data={c} reload={data.reload} />
              </>
            ) : (
              <p>{t('caseIntervention.none')}</p>
            ))
          ) : (
            <>
              <h3>{iv.title}</h3>
              {iv.meetings.map((m) => (
                <div key={m.number}>
                  <p>
                    {t('caseIntervention.meeting', {
                      number: m.number,
                      date: formatDateTime(m.startsAt, locale),
                      minutes: m.durationMinutes,
                      facilitator: m.facilitator,
                      colleague: m.colleague,
                    })}
                    {m.held ? ` (${t('caseIntervention.held')})` : ''}
                  </p>
                  <p>
                    {t('caseIntervention.participants')}:{' '}
                    {m.participants.length === 0
                      ? t('caseIntervention.noParticipants')
                      : m.participants.map((p) => p.name).join(', ')}
                  </p>
                </div>
              ))}
              <h3>{t('caseIntervention.checklist')}</h3>
              <ul>
                {CHECKLIST_KEYS.map((key) => (
                  <li key={key}>
                    {iv.checklist[key] ? '✓' : '○'} {label(key)}
                  </li>
                ))}
              </ul>
              {iv.agreements.length > 0 && (
                <>
                  <h3>{t('caseIntervention.agreements')}</h3>
                  <ul>
                    {iv.agreements.map((a) => (
                      <li key={a.id}>{a.text}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
