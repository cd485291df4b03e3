/** Interventions: plan one from the research's template (leaders) and see those you lead or take part in. */
import { formatDate } from '../ui/format-date.js';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { MeasurementSelect } from '../measurements/measurement-select.js';
import { EmptyState, ErrorAlert, LoadStatus } from '../ui/feedback.js';
import { Checkbox, TextField, bindText, textFields } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import {
  createIntervention,
  getTemplate,
  listCoLeaders,
  listInterventions,
  type InterventionStatus,
  type MeetingInput,
  type Template,
} from './interventions-api.js';
import { Button } from '../ui/button.js';

export const statusKey = (s: InterventionStatus): MessageKey => `intervention.status.${s}`;

export function InterventionListPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const list = useApi(listInterventions, 'interventions');
  const template = useApi(getTemplate, 'intervention-template');
  const [planning, setPlanning] = useState(false);
  const leader = user !== null && can(user.role, 'interventions.create');
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('intervention.list.title')}>{t('intervention.list.title')}</PageTitle>
          <p className="lead">{t('intervention.list.lead')}</p>
        </div>
        {leader && !planning && (
          <div className="page-header__actions">
            <Button variant="primary" onClick={() => setPlanning(true)}>
              {t('intervention.new.open')}
            </Button>
          </div>
        )}
      </div>
      {planning && template.data && (
        <PlanForm template={template.data} onCancel={() => setPlanning(false)} />
      )}
      <LoadStatus state={list} error={list.error ?? template.error} />
      {list.data && list.data.length === 0 && <EmptyState title={t('intervention.list.empty')} />}
      {list.data && list.data.length > 0 && (
        <DataTable
          label={t('intervention.list.title')}
          columns={[
            t('intervention.field.title'),
            t('intervention.field.groups'),
            t('intervention.field.status'),
            t('intervention.list.nextMeeting'),
            t('intervention.field.followUp'),
          ]}
        >
          {list.data.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link to={`/indsatser/${i.id}`}>{i.title}</Link>
              </th>
              <td>{i.units.map((u) => u.name).join(', ')}</td>
              <td>
                <span className="badge">{t(statusKey(i.status))}</span>
              </td>
              <td className="table__nowrap">{formatDate(i.nextMeeting, locale)}</td>
              <td className="table__nowrap">{formatDate(i.followUpOn, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
};

interface MeetingDraft {
  date: string;
  time: string;
  durationMinutes: string;
  facilitator: string;
  colleague: string;
}

/** The plan form, filled from the template: two meetings about a month apart, the follow-up 3 months later. */
function PlanForm({ template, onCancel }: { template: Template; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const leaders = useApi(listCoLeaders, 'co-leaders');
  const { user } = useSession();
  const first = addDays(isoDay(new Date()), 14);
  const second = addDays(first, template.daysBetweenMeetings);
  const [title, setTitle] = useState('');
  const [coLeaders, setCoLeaders] = useState<string[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [measurementId, setMeasurementId] = useState('');
  const draft = (date: string): MeetingDraft => ({
    date,
    time: '09:00',
    durationMinutes: '60',
    facilitator: user?.name ?? '',
    colleague: '',
  });
  const [meetings, setMeetings] = useState<[MeetingDraft, MeetingDraft]>([
    draft(first),
    draft(second),
  ]);
  const [followUpOn, setFollowUpOn] = useState(addDays(second, 91));
  const { run, pending: busy, error } = useAction();

  const own = leaders.data?.own;
  const chosenLeaders = (leaders.data?.coLeaders ?? []).filter((l) => coLeaders.includes(l.id));
  const groupChoices = [
    ...(own ? [{ id: own.unitId, name: own.unitName }] : []),
    ...chosenLeaders.map((l) => ({ id: l.unitId, name: l.unitName })),
  ].filter((u, i, all) => all.findIndex((x) => x.id === u.id) === i);
  const chosenUnits = units.filter((u) => groupChoices.some((g) => g.id === u));
  const setMeeting = (i: 0 | 1, key: keyof MeetingDraft, value: string) =>
    setMeetings((m) => {
      const next = [...m] as [MeetingDraft, MeetingDraft];
      next[i] = { ...next[i], [key]: value };
      return next;
    });
  const toInput = (m: MeetingDraft): MeetingInput => ({
    startsAt: new Date(`${m.date}T${m.time}`).toISOString(),
    durationMinutes: Number(m.durationMinutes),
    facilitator: m.facilitator.trim(),
    colleague: m.colleague.trim(),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const created = await createIntervention({
        title: title.trim(),
        unitIds: chosenUnits.length ? chosenUnits : own ? [own.unitId] : [],
        coLeaderUserIds: coLeaders,
        measurementId: measurementId || null,
        meetings: [toInput(meetings[0]), toInput(meetings[1])],
        followUpOn: measurementId && followUpOn ? followUpOn : null,
      });
      void navigate(`/indsatser/${created.id}`);
    });
  };

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="plan-title">
      <h2 className="panel__title" id="plan-title">
        {t('intervention.new.title')}
      </h2>
      <p>{template.facilitation[lang]}</p>
      <ErrorAlert error={error ?? leaders.error} />
      <TextField
        label={t('intervention.field.title')}
        {...bindText(title, setTitle)}
        required
        maxLength={200}
      />
      <fieldset className="fieldset">
        <legend>{t('intervention.field.coLeaders')}</legend>
        <p className="field__hint">{t('intervention.field.coLeadersHint')}</p>
        {(leaders.data?.coLeaders ?? []).map((l) => (
          <Checkbox
            key={l.id}
            label={`${l.name} (${l.unitName})`}
            checked={coLeaders.includes(l.id)}
            onChange={(on) =>
              setCoLeaders((c) => (on ? [...c, l.id] : c.filter((x) => x !== l.id)))
            }
          />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('intervention.field.groups')}</legend>
        <p className="field__hint">{t('intervention.field.groupsHint')}</p>
        {groupChoices.map((g) => (
          <Checkbox
            key={g.id}
            label={g.name}
            checked={
              chosenUnits.includes(g.id) || (chosenUnits.length === 0 && g.id === own?.unitId)
            }
            onChange={(on) =>
              setUnits(() => {
                const current = chosenUnits.length ? chosenUnits : own ? [own.unitId] : [];
                return on ? [...current, g.id] : current.filter((x) => x !== g.id);
              })
            }
          />
        ))}
      </fieldset>
      {template.meetings.map((m, i) => {
        const field = textFields(meetings[i as 0 | 1], (key, value) =>
          setMeeting(i as 0 | 1, key, value),
        );
        return (
          <fieldset key={m.number} className="fieldset">
            <legend>
              {t('intervention.meeting.title', { n: m.number, topic: m.topic[lang] })}
            </legend>
            <div className="inline-field">
              <TextField
                label={t('intervention.meeting.date')}
                type="date"
                required
                {...field('date')}
              />
              <TextField
                label={t('intervention.meeting.time')}
                type="time"
                required
                {...field('time')}
              />
              <TextField
                label={t('intervention.meeting.minutes')}
                type="number"
                min={template.meetingMinutes.min}
                max={template.meetingMinutes.max}
                required
                {...field('durationMinutes')}
              />
            </div>
            <TextField
              label={t('intervention.meeting.facilitator')}
              required
              {...field('facilitator')}
            />
            <TextField
              label={t('intervention.meeting.colleague')}
              required
              {...field('colleague')}
            />
          </fieldset>
        );
      })}
      <MeasurementSelect
        label={t('intervention.field.measurement')}
        hint={t('intervention.field.measurementHint')}
        noneLabel={t('intervention.field.noMeasurement')}
        value={measurementId}
        onChange={setMeasurementId}
      />
      {measurementId && (
        <TextField
          label={t('intervention.field.followUp')}
          hint={t('intervention.field.followUpHint')}
          type="date"
          {...bindText(followUpOn, setFollowUpOn)}
        />
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={busy}>
          {t('intervention.new.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
