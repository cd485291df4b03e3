/**
 * A course's meetings: the next one at the top, planning a meeting with invitees from
 * the network (the coordinator is always invited), roles, minutes and agreements that
 * become plan actions in one reviewed revision, cancelling, and the .ics per meeting.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import type { CourseTabProps } from '../courses/course-tab.js';
import { formatDateTime } from '../courses/course-labels.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { EmptyState, ErrorAlert, Notice, LoadStatus } from '../ui/feedback.js';
import { Checkbox, SelectField, TextAreaField, TextField, bindText } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import {
  agreementsToPlan,
  cancelMeeting,
  createMeeting,
  icsUrl,
  loadMeetings,
  MEETING_KINDS,
  MEETING_ROLES,
  updateMeeting,
  type Meeting,
  type MeetingKind,
  type MeetingRole,
} from './meetings-api.js';
import { CourseTab } from '../courses/course-tab.js';
import { Button } from '../ui/button.js';

const KIND_KEYS: Record<MeetingKind, MessageKey> = {
  opstart: 'meetings.kind.opstart',
  netvaerk: 'meetings.kind.netvaerk',
  personale: 'meetings.kind.personale',
};
const ROLE_KEYS: Record<MeetingRole, MessageKey> = {
  facilitator: 'meetings.role.facilitator',
  drawer: 'meetings.role.drawer',
  minuteTaker: 'meetings.role.minuteTaker',
};

/** A `datetime-local` value one week ahead at 10:00. */
function nextWeek(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

function PlanMeeting({ course, onDone }: CourseTabProps & { onDone: () => void }) {
  const { t } = useI18n();
  const network = course.network ?? [];
  const members = course.members ?? [];
  const [kind, setKind] = useState<MeetingKind>('netvaerk');
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState(nextWeek());
  const [duration, setDuration] = useState('60');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [parties, setParties] = useState<Set<string>>(new Set());
  const [people, setPeople] = useState<Set<string>>(new Set(members.slice(0, 1).map((m) => m.id)));
  const [roles, setRoles] = useState<Partial<Record<MeetingRole, string>>>({});
  const { run, pending: busy, error } = useAction();
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const coordinators = [course.coordinator, ...course.coCoordinators];
  const invited = [
    ...coordinators.map((c) => ({ id: c.personId, name: c.name })),
    ...network.filter((p) => parties.has(p.id)),
    ...(kind === 'personale' ? [] : members.filter((m) => people.has(m.id))),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const startsAt = new Date(when);
      await createMeeting(course.id, {
        kind,
        ...(title.trim() ? { title } : {}),
        startsAt: Number.isNaN(startsAt.getTime()) ? when : startsAt.toISOString(),
        durationMinutes: Number(duration),
        place,
        agenda,
        partyIds: [...parties],
        memberIds: kind === 'personale' ? [] : [...people],
        roles: Object.fromEntries(Object.entries(roles).filter(([, v]) => v)),
      });
      onDone();
    });
  };
  return (
    <form className="meeting-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('meetings.plan')}</h3>
      <SelectField
        label={t('meetings.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as MeetingKind)}
      >
        {MEETING_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_KEYS[k])}
          </option>
        ))}
      </SelectField>
      <TextField label={t('meetings.title.label')} maxLength={200} {...bindText(title, setTitle)} />
      <TextField
        label={t('meetings.when')}
        type="datetime-local"
        required
        {...bindText(when, setWhen)}
      />
      <TextField
        label={t('meetings.duration')}
        type="number"
        min={5}
        max={600}
        required
        {...bindText(duration, setDuration)}
      />
      <TextField
        label={t('meetings.place')}
        required
        maxLength={300}
        {...bindText(place, setPlace)}
      />
      <TextAreaField label={t('meetings.agenda')} {...bindText(agenda, setAgenda)} />
      <fieldset className="meeting-invitees">
        <legend>{t('meetings.invitees')}</legend>
        <p className="field__hint">
          {t('meetings.coordinatorAlways', {
            name: coordinators.map((c) => c.name).join(', '),
          })}
        </p>
        {network.map((p) => (
          <Checkbox
            key={p.id}
            label={p.name}
            checked={parties.has(p.id)}
            onChange={(on) => setParties((s) => toggle(s, p.id, on))}
          />
        ))}
        {kind !== 'personale' &&
          members.map((m) => (
            <Checkbox
              key={m.id}
              label={m.name}
              checked={people.has(m.id)}
              onChange={(on) => setPeople((s) => toggle(s, m.id, on))}
            />
          ))}
      </fieldset>
      {MEETING_ROLES.map((role) => (
        <SelectField
          key={role}
          label={t(ROLE_KEYS[role])}
          value={roles[role] ?? ''}
          onChange={(e) => setRoles((r) => ({ ...r, [role]: e.target.value }))}
        >
          <option value="">{t('meetings.role.none')}</option>
          <NamedOptions items={invited} />
        </SelectField>
      ))}
      <ErrorAlert error={error} />
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? t('common.working') : t('meetings.create')}
      </Button>
    </form>
  );
}

interface AgreementRow {
  id?: string;
  partyId: string;
  text: string;
  due: string;
}

const agreementRows = (meeting: Meeting): AgreementRow[] =>
  meeting.agreements.map((a) => ({ id: a.id, partyId: a.partyId, text: a.text, due: a.due ?? '' }));

function MinutesEditor({
  course,
  meeting,
  onSaved,
}: CourseTabProps & { meeting: Meeting; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const network = course.network ?? [];
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [rows, setRows] = useState<AgreementRow[]>(() => agreementRows(meeting));
  const action = useAction(onSaved);
  const { pending: busy, error, notice, setNotice } = action;
  const applied = new Set(meeting.agreements.filter((a) => a.actionId).map((a) => a.id));
  // Each step says what it did.
  const run = (work: () => Promise<string>) => action.run(work, (done) => done);
  const save = () =>
    run(async () => {
      const saved = await updateMeeting(course.id, meeting.id, {
        minutes,
        agreements: rows
          .filter((r) => r.text.trim() && r.partyId)
          .map((r) => ({
            ...(r.id ? { id: r.id } : {}),
            partyId: r.partyId,
            text: r.text,
            due: r.due || null,
          })),
      });
      // New agreements now have ids: a second save must update them, not add them again.
      setRows(agreementRows(saved));
      return t('meetings.saved');
    });
  const toPlan = () =>
    run(async () => {
      const result = await agreementsToPlan(course.id, meeting.id, {
        baseVersion: course.planVersion ?? 1,
        participants: meeting.invitees.map((i) => i.name),
      });
      return t('meetings.toPlan.done', { count: result.added, version: result.version });
    });
  return (
    <div className="meeting-minutes">
      <TextAreaField label={t('meetings.minutes')} {...bindText(minutes, setMinutes)} />
      <h4>{t('meetings.agreements')}</h4>
      {rows.map((row, i) => (
        <div key={row.id ?? `new-${i}`} className="meeting-agreement">
          <TextField
            label={t('meetings.agreement.what')}
            value={row.text}
            disabled={row.id !== undefined && applied.has(row.id)}
            onChange={(e) =>
              setRows((rs) => rs.map((r, j) => (j === i ? { ...r, text: e.target.value } : r)))
            }
          />
          <SelectField
            label={t('meetings.agreement.who')}
            value={row.partyId}
            disabled={row.id !== undefined && applied.has(row.id)}
            onChange={(e) =>
              setRows((rs) => rs.map((r, j) => (j === i ? { ...r, partyId: e.target.value } : r)))
            }
          >
            <option value="">{t('meetings.agreement.choose')}</option>
            <NamedOptions items={network} />
          </SelectField>
          <TextField
            label={t('meetings.agreement.when')}
            type="date"
            value={row.due}
            disabled={row.id !== undefined && applied.has(row.id)}
            onChange={(e) =>
              setRows((rs) => rs.map((r, j) => (j === i ? { ...r, due: e.target.value } : r)))
            }
          />
          {row.id !== undefined && applied.has(row.id) && (
            <p className="field__hint">{t('meetings.agreement.inPlan')}</p>
          )}
        </div>
      ))}
      <div className="toolbar">
        <Button small onClick={() => setRows((rs) => [...rs, { partyId: '', text: '', due: '' }])}>
          {t('meetings.agreement.add')}
        </Button>
        <Button small disabled={busy} onClick={() => void save()}>
          {t('meetings.save')}
        </Button>
        <Button
          small
          disabled={busy || meeting.agreements.every((a) => a.actionId)}
          onClick={() => void toPlan()}
        >
          {t('meetings.toPlan')}
        </Button>
      </div>
      <ErrorAlert error={error} />
      {notice && <Notice onDismiss={() => setNotice(undefined)}>{notice}</Notice>}
    </div>
  );
}

function MeetingCard({ course, meeting, reload }: CourseTabProps & { meeting: Meeting }) {
  const { t, locale } = useI18n();
  const { run, error } = useAction(reload);
  const full = course.access === 'full';
  const cancel = () => run(() => cancelMeeting(course.id, meeting.id));
  const names = new Map(meeting.invitees.map((i) => [i.id, i.name]));
  return (
    <article
      className={`meeting-card${meeting.status === 'cancelled' ? ' meeting-card--cancelled' : ''}`}
    >
      <h3>
        {meeting.title}
        {meeting.status === 'cancelled' && <span className="badge">{t('meetings.cancelled')}</span>}
      </h3>
      <p className="meeting-card__meta">
        {t(KIND_KEYS[meeting.kind])} · {formatDateTime(meeting.startsAt, locale)} ·{' '}
        {meeting.durationMinutes} {t('meetings.minutesShort')} · {meeting.place}
      </p>
      {meeting.agenda && <p className="free-text">{meeting.agenda}</p>}
      <p>
        <strong>{t('meetings.invitees')}:</strong> {meeting.invitees.map((i) => i.name).join(', ')}
      </p>
      {Object.keys(meeting.roles).length > 0 && (
        <p>
          {MEETING_ROLES.filter((r) => meeting.roles[r])
            .map((r) => `${t(ROLE_KEYS[r])}: ${names.get(meeting.roles[r]!) ?? ''}`)
            .join(' · ')}
        </p>
      )}
      <div className="toolbar">
        <a
          className="button button--secondary button--small"
          href={icsUrl(course.id, meeting.id)}
          download
        >
          {t('meetings.ics')}
        </a>
        {full && meeting.status === 'planned' && course.status === 'open' && (
          <Button variant="quiet" small onClick={() => void cancel()}>
            {t('meetings.cancel')}
          </Button>
        )}
      </div>
      <ErrorAlert error={error} />
      {full && meeting.status === 'planned' && course.status === 'open' && (
        <details>
          <summary>{t('meetings.minutesAndAgreements')}</summary>
          <MinutesEditor course={course} reload={reload} meeting={meeting} onSaved={reload} />
        </details>
      )}
      {meeting.planVersion !== null && (
        <p className="field__hint">
          {t('meetings.inPlanVersion', { version: meeting.planVersion })}
        </p>
      )}
      {!full && meeting.minutes && <p className="free-text">{meeting.minutes}</p>}
    </article>
  );
}

/** The meetings tab of a course. */
export function CourseMeetings({ course, reload }: CourseTabProps) {
  const { t } = useI18n();
  const meetings = useApi(() => loadMeetings(course.id), `meetings:${course.id}`);
  const [planning, setPlanning] = useState(false);
  const reloadAll = async () => {
    await Promise.all([meetings.reload(), reload()]);
  };
  const data = meetings.data;
  return (
    <CourseTab
      id="meetings-title"
      title={t('meetings.title')}
      lead={t('meetings.lead')}
      actions={
        course.access === 'full' &&
        course.status === 'open' && (
          <Button
            variant={planning ? 'secondary' : 'primary'}
            small
            onClick={() => setPlanning((p) => !p)}
          >
            {planning ? t('common.cancel') : t('meetings.plan')}
          </Button>
        )
      }
    >
      {planning && (
        <PlanMeeting
          course={course}
          reload={reload}
          onDone={() => {
            setPlanning(false);
            void meetings.reload();
          }}
        />
      )}
      <LoadStatus state={meetings} />
      {data && data.upcoming.length === 0 && data.past.length === 0 && (
        <EmptyState title={t('meetings.none')} />
      )}
      {data && data.upcoming.length > 0 && (
        <>
          <h3>{t('meetings.upcoming')}</h3>
          {data.upcoming.map((m) => (
            <MeetingCard key={m.id} course={course} reload={reloadAll} meeting={m} />
          ))}
        </>
      )}
      {data && data.past.length > 0 && (
        <>
          <h3>{t('meetings.past')}</h3>
          {data.past.map((m) => (
            <MeetingCard key={m.id} course={course} reload={reloadAll} meeting={m} />
          ))}
        </>
      )}
    </CourseTab>
  );
}
