/**
 * One intervention: its groups and leaders, the two network meetings, the checklist of
 * small agreements, the agreements and joint decisions (visible to everyone in the
 * involved units), the status and the follow-up measurement.
 */
import { formatDate, formatDateTime } from '../ui/format-date.js';
import type { AgreementKind, ChecklistKey } from '../../../contract/interventions.js';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { asApiError, type ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert, Loading, Notice } from '../ui/feedback.js';
import { SelectField, TextAreaField, TextField, bindText } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import {
  addAgreement,
  getIntervention,
  getTemplate,
  INTERVENTION_STATUSES,
  scheduleFollowUp,
  updateIntervention,
  updateMeeting,
  type Intervention,
} from './interventions-api.js';
import { statusKey } from './intervention-list-page.js';
import { Button } from '../ui/button.js';
import { Section } from '../ui/section.js';
import { Breadcrumb } from '../ui/breadcrumb.js';

export function InterventionPage() {
  const { id = '' } = useParams();
  const { t, lang, locale } = useI18n();
  const loaded = useApi(() => getIntervention(id), `intervention-${id}`);
  const template = useApi(getTemplate, 'intervention-template');
  const [current, setCurrent] = useState<Intervention>();
  const [error, setError] = useState<ApiError>();
  const i = current ?? loaded.data;

  if (!i || !template.data) {
    return (
      <div className="page">
        <ErrorAlert error={loaded.error ?? template.error} />
        {!loaded.error && <Loading />}
      </div>
    );
  }
  const run = async (call: () => Promise<Intervention>) => {
    try {
      setCurrent(await call());
      setError(undefined);
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    }
  };
  const checklistLabel = (key: string) =>
    template.data?.checklist.find((c) => c.key === key)?.[lang] ?? key;

  return (
    <div className="page">
      <Breadcrumb to="/indsatser" label={t('intervention.list.title')} />
      <div className="page-header">
        <div>
          <PageTitle title={i.title}>{i.title}</PageTitle>
          <p className="lead">
            {t('intervention.page.groups', { groups: i.units.map((u) => u.name).join(', ') })}
          </p>
          <p>
            {t('intervention.page.leaders', {
              leaders: i.leaders
                .map((l) => `${l.name}${l.unitName ? ` (${l.unitName})` : ''}`)
                .join(', '),
            })}
          </p>
        </div>
      </div>
      <ErrorAlert error={error} />
      {!i.youLead && <Notice tone="info">{t('intervention.page.readOnly')}</Notice>}

      <Section id="iv-status" title={t('intervention.field.status')}>
        {i.youLead ? (
          <SelectField
            label={t('intervention.field.status')}
            value={i.status}
            onChange={(e) =>
              void run(() =>
                updateIntervention(id, { status: e.target.value as Intervention['status'] }),
              )
            }
          >
            {INTERVENTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </SelectField>
        ) : (
          <p>
            <span className="badge">{t(statusKey(i.status))}</span>
          </p>
        )}
      </Section>

      <Section id="iv-meetings" title={t('intervention.page.meetings')}>
        <p className="muted">{template.data.facilitation[lang]}</p>
        <ul className="item-list">
          {i.meetings.map((m) => (
            <li key={m.number} className="item-list__item">
              <strong>
                {t('intervention.meeting.title', {
                  n: m.number,
                  topic:
                    template.data?.meetings.find((x) => x.number === m.number)?.topic[lang] ?? '',
                })}
              </strong>
              <br />
              {formatDateTime(m.startsAt, locale)} ·{' '}
              {t('intervention.meeting.minutesValue', { n: m.durationMinutes })} ·{' '}
              {t('intervention.meeting.who', {
                facilitator: m.facilitator,
                colleague: m.colleague,
              })}
              {i.youLead ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={m.held}
                    onChange={(e) =>
                      void run(() =>
                        updateMeeting(id, m.number, {
                          ...m,
                          held: e.target.checked,
                          participants: m.participants.map((p) => p.id),
                        }),
                      )
                    }
                  />
                  {t('intervention.meeting.held')}
                  <span className="visually-hidden"> ({m.number})</span>
                </label>
              ) : (
                m.held && <span className="badge">{t('intervention.meeting.held')}</span>
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="iv-checklist" title={t('intervention.page.checklist')}>
        <ul className="check-list">
          {template.data.checklist.map((c) => (
            <li key={c.key}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={i.checklist[c.key] === true}
                  disabled={!i.youLead}
                  onChange={(e) =>
                    void run(() =>
                      updateIntervention(id, { checklist: { [c.key]: e.target.checked } }),
                    )
                  }
                />
                {c[lang]}
              </label>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="iv-agreements" title={t('intervention.page.agreements')}>
        {i.agreements.length === 0 && (
          <p className="muted">{t('intervention.page.noAgreements')}</p>
        )}
        <ul className="item-list">
          {i.agreements.map((a) => (
            <li key={a.id} className="item-list__item">
              <span className="badge">
                {a.kind === 'decision'
                  ? t('intervention.agreement.decision')
                  : t('intervention.agreement.agreement')}
              </span>{' '}
              {a.text}
              <br />
              <span className="muted">
                {a.createdBy ?? ''} · {formatDate(a.createdAt, locale)}
                {a.checklistKey && ` · ${checklistLabel(a.checklistKey)}`}
              </span>
            </li>
          ))}
        </ul>
        {i.youLead && (
          <AgreementForm
            checklist={template.data.checklist.map((c) => ({ key: c.key, label: c[lang] }))}
            onAdd={(body) => run(() => addAgreement(id, body))}
          />
        )}
      </Section>

      <Section id="iv-follow" title={t('intervention.page.followUp')}>
        {i.followUpMeasurement ? (
          <p role="status">
            {t('intervention.page.followUpScheduled', {
              date: formatDate(i.followUpOn, locale),
              title: i.followUpMeasurement.title,
            })}
          </p>
        ) : (
          <p>{t('intervention.page.followUpNone')}</p>
        )}
        {i.youLead && i.measurementId && (
          <FollowUpForm
            initial={i.followUpOn ?? ''}
            onSchedule={(date) => run(() => scheduleFollowUp(id, date))}
          />
        )}
        {!i.measurementId && <p className="muted">{t('intervention.page.noMeasurement')}</p>}
      </Section>
    </div>
  );
}

function AgreementForm({
  checklist,
  onAdd,
}: {
  checklist: { key: string; label: string }[];
  onAdd: (body: {
    kind: AgreementKind;
    checklistKey: ChecklistKey | null;
    text: string;
  }) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<AgreementKind>('agreement');
  const [key, setKey] = useState<ChecklistKey | ''>('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onAdd({ kind, checklistKey: key || null, text: text.trim() })) {
      setText('');
      setKey('');
    }
  };
  return (
    <form className="form" onSubmit={submit}>
      <TextAreaField
        label={t('intervention.agreement.text')}
        {...bindText(text, setText)}
        required
        maxLength={2000}
      />
      <SelectField
        label={t('intervention.agreement.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as 'agreement' | 'decision')}
      >
        <option value="agreement">{t('intervention.agreement.agreement')}</option>
        <option value="decision">{t('intervention.agreement.decision')}</option>
      </SelectField>
      <SelectField
        label={t('intervention.agreement.checklist')}
        value={key}
        onChange={(e) => setKey(e.target.value as ChecklistKey | '')}
      >
        <option value="">{t('intervention.agreement.noChecklist')}</option>
        {checklist.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit">{t('intervention.agreement.add')}</Button>
    </form>
  );
}

function FollowUpForm({
  initial,
  onSchedule,
}: {
  initial: string;
  onSchedule: (date: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(initial);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSchedule(date);
      }}
    >
      <TextField
        label={t('intervention.field.followUp')}
        hint={t('intervention.field.followUpHint')}
        type="date"
        {...bindText(date, setDate)}
        required
      />
      <Button type="submit">{t('intervention.page.schedule')}</Button>
    </form>
  );
}
