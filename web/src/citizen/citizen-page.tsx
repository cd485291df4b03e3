/**
 * The citizen's own view (`/borger/:courseId/:token`), made for a phone and written in
 * plain Danish: short sentences, no law paragraphs unless the citizen asks for them.
 * The link alone shows nothing: the citizen asks for a one-time code, types it, and then
 * sees their goals, what happens next, who is who, the next meeting and their curves;
 * they can answer a due measurement and the citizen scale, and write to the plan.
 */
import { CITIZEN_MESSAGE_KINDS } from '../../../contract/citizen-view.js';
import { lawTitle } from '../../../contract/plans.js';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { useAction } from '../api/use-action.js';
import type { CitizenMessageKey } from '../i18n/citizen-da.js';
import { useCitizenI18n } from '../i18n/i18n-core.js';
import { ErrorAlert, Loading, Notice } from '../ui/feedback.js';
import { Checkbox } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { ProgressionForm } from '../progression/progression-form.js';
import type { ProgressionValue } from '../progression/progression-api.js';
import {
  answerMyProgression,
  answerMyScale,
  codeStatus,
  enterCode,
  loadMyCourse,
  logoutCitizen,
  sendCode,
  sendMessage,
  type CitizenAction,
  type CitizenView,
  type CodeSent,
} from './citizen-api.js';
import { formatDate, formatDateTime, formatTime } from '../ui/format-date.js';
import { SiteFooter } from '../ui/site-footer.js';
import { SCALE } from '../survey/scale.js';
import { LightHeader } from '../ui/brand.js';
import { Button } from '../ui/button.js';

// The curves bring the chart library (Observable Plot): loaded only once the view opens.
const ProgressionCurves = lazy(() =>
  import('../progression/progression-curves.js').then((m) => ({ default: m.ProgressionCurves })),
);

const STATUS_KEYS: Record<CitizenAction['status'], CitizenMessageKey> = {
  planlagt: 'citizen.status.planlagt',
  'i-gang': 'citizen.status.i-gang',
  afsluttet: 'citizen.status.afsluttet',
  opgivet: 'citizen.status.opgivet',
};

function useDate() {
  const { locale } = useCitizenI18n();
  return {
    date: (iso: string | null) => (iso ? formatDate(iso, locale) : ''),
    dateTime: (iso: string) => formatDateTime(iso, locale),
  };
}

/**
 * Step 1 and 2: ask for a code, type it. A code already sent (and still valid) is asked
 * for first, so a reload keeps the code field; a new code is sent only when asked for.
 */
function CodeStep({
  courseId,
  token,
  onOpened,
}: {
  courseId: string;
  token: string;
  onOpened: () => void;
}) {
  const { t, locale } = useCitizenI18n();
  const [sent, setSent] = useState<CodeSent | null>();
  const [code, setCode] = useState('');
  const { run, pending: busy, error } = useAction();

  useEffect(() => {
    void run(async () => {
      try {
        setSent((await codeStatus(courseId, token)).pending);
      } finally {
        // Whatever the answer, the page can go on (an error shows above the button).
        setSent((current) => current ?? null);
      }
    });
  }, [courseId, token, run]);

  const ask = (again: boolean) =>
    run(async () => {
      setSent(await sendCode(courseId, token, again));
      if (again) setCode('');
    });
  const open = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await enterCode(courseId, token, code.trim());
      onOpened();
    });
  };

  return (
    <>
      <PageTitle title={t('citizen.title')}>{t('citizen.title')}</PageTitle>
      <p>{t('citizen.code.lead')}</p>
      <ErrorAlert error={error} />
      {sent === undefined ? (
        <Loading />
      ) : sent === null ? (
        <Button variant="primary" disabled={busy} onClick={() => void ask(false)}>
          {t('citizen.code.send')}
        </Button>
      ) : (
        <form onSubmit={(e) => void open(e)} className="citizen-code">
          <p role="status">
            {sent.replaced ? `${t('citizen.code.replaced')} ` : ''}
            {t(sent.channel === 'sms' ? 'citizen.code.sentSms' : 'citizen.code.sent', {
              to: sent.sentTo,
              time: formatTime(sent.expiresAt, locale),
            })}
          </p>
          <div className="field">
            <label className="field__label" htmlFor="citizen-code">
              {t('citizen.code.label')}
            </label>
            <input
              id="citizen-code"
              className="input citizen-code__input"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
          </div>
          <Button type="submit" variant="primary" disabled={busy || code.length !== 6}>
            {t('citizen.code.open')}
          </Button>
          <p className="muted">{t('citizen.code.againHelp')}</p>
          <Button variant="quiet" disabled={busy} onClick={() => void ask(true)}>
            {t('citizen.code.again')}
          </Button>
        </form>
      )}
    </>
  );
}

function ScaleForm({ view, onDone }: { view: CitizenView; onDone: () => void }) {
  const { t } = useCitizenI18n();
  const [answers, setAnswers] = useState<Record<string, number | 'dk'>>({});
  const { run, pending: busy, error } = useAction();
  if (!view.scale) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await answerMyScale(answers);
      onDone();
    });
  };
  return (
    <section className="citizen-card" aria-labelledby="scale-title">
      <h2 id="scale-title">{t('citizen.scale.title')}</h2>
      <p>{t('citizen.scale.lead')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={(e) => void submit(e)}>
        {view.scale.items.map((item) => (
          <fieldset key={item.id} className="progression-question">
            <legend>{item.text}</legend>
            <div className="progression-options progression-options--stacked">
              {SCALE.map((o) => (
                <label key={String(o.value)} className="progression-option">
                  <input
                    type="radio"
                    name={`scale-${item.id}`}
                    checked={answers[item.id] === o.value}
                    onChange={() => setAnswers((a) => ({ ...a, [item.id]: o.value }))}
                  />
                  <span>{t(o.label)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <Button type="submit" variant="primary" disabled={busy}>
          {t('progression.send')}
        </Button>
      </form>
    </section>
  );
}

function MessageForm({ onSent }: { onSent: () => void }) {
  const { t } = useCitizenI18n();
  const [kind, setKind] = useState<'kommentar' | 'oenske'>('kommentar');
  const [text, setText] = useState('');
  const { run, pending: busy, error } = useAction();
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await sendMessage({ kind, text });
      setText('');
      setSent(true);
      onSent();
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <fieldset className="progression-question">
        <legend>{t('citizen.write.kind')}</legend>
        <div className="progression-options">
          {CITIZEN_MESSAGE_KINDS.map((k) => (
            <label key={k} className="progression-option">
              <input
                type="radio"
                name="message-kind"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>{t(k === 'kommentar' ? 'citizen.write.comment' : 'citizen.write.wish')}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="citizen-message">
          {t('citizen.write.label')}
        </label>
        <textarea
          id="citizen-message"
          className="input textarea"
          maxLength={2000}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <ErrorAlert error={error} />
      {sent && <Notice onDismiss={() => setSent(false)}>{t('citizen.write.sent')}</Notice>}
      <Button type="submit" variant="primary" disabled={busy || text.trim() === ''}>
        {t('citizen.write.send')}
      </Button>
    </form>
  );
}

function Action({ action, showLaw }: { action: CitizenAction; showLaw: boolean }) {
  const { t } = useCitizenI18n();
  const { date } = useDate();
  return (
    <li className="citizen-action">
      <strong>{action.text}</strong>
      <span>
        {action.who ? `${t('citizen.who')}: ${action.who}. ` : ''}
        {t(STATUS_KEYS[action.status])}
        {action.end ? `. ${t('citizen.until', { date: date(action.end) })}` : ''}.
      </span>
      {showLaw && (action.paragraph || action.law) && (
        <span className="citizen-law">
          {t('citizen.lawBasis')}: {action.law ? lawTitle(action.law) : ''} {action.paragraph}
        </span>
      )}
    </li>
  );
}

type Task = CitizenView['toAnswer'][number];

/** When a task is asked: the occasion in plain words. */
function useOccasion() {
  const { t } = useCitizenI18n();
  return (key: string) =>
    key === 'start'
      ? t('progression.occasion.start')
      : key === 'afslutning'
        ? t('progression.occasion.end')
        : key.startsWith('session-')
          ? t('citizen.progress.session')
          : t('progression.occasion.months', { months: key.slice(1) });
}

/**
 * One instrument due for her side: her answers are saved as she gives them (one save at a
 * time, the last one wins), and "Send svar" saves and says thanks. An answer the
 * caseworker wrote down for her is only shown as given.
 */
function MyMeasurement({
  task,
  instrument,
  onSent,
}: {
  task: Task;
  instrument: CitizenView['progression']['instruments'][number];
  onSent: () => void;
}) {
  const { t } = useCitizenI18n();
  const occasion = useOccasion();
  const { run, pending: busy, error } = useAction();
  const [saved, setSaved] = useState<'saving' | 'saved' | undefined>();
  const [saveError, setSaveError] = useState<ApiError>();
  const queued = useRef<Record<string, ProgressionValue> | null>(null);
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const ref = { instrumentId: task.instrumentId, memberId: task.memberId, occasion: task.occasion };
  // One save in flight at a time; what changed meanwhile goes in the next one.
  const flush = (): Promise<void> => {
    saving.current ??= (async () => {
      try {
        while (queued.current) {
          const answers = queued.current;
          queued.current = null;
          setSaved('saving');
          await answerMyProgression(ref, answers);
        }
        setSaved('saved');
        setSaveError(undefined);
      } catch (e) {
        setSaved(undefined);
        setSaveError(asApiError(e));
      } finally {
        saving.current = null;
      }
    })();
    return saving.current;
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const autosave = (answers: Record<string, ProgressionValue>) => {
    if (Object.keys(answers).length === 0) return;
    queued.current = answers;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 600);
  };
  const title = `${instrument.name}${instrument.structure === 'per-child' ? ` – ${task.memberName}` : ''}`;
  const headingId = `task-${task.instrumentId}-${task.memberId}`;
  return (
    <section className="citizen-task" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="muted">{occasion(task.occasion)}</p>
      {!task.editable ? (
        <p>{t('citizen.progress.recorded')}</p>
      ) : (
        <>
          <ErrorAlert error={error ?? saveError} />
          <ProgressionForm
            instrument={instrument}
            busy={busy}
            prefix={`${headingId}-`}
            initial={task.answers}
            onChange={autosave}
            onSubmit={(answers) =>
              void run(async () => {
                clearTimeout(timer.current);
                if (Object.keys(answers).length > 0) queued.current = answers;
                await (saving.current ?? Promise.resolve());
                if (queued.current) await answerMyProgression(ref, queued.current);
                queued.current = null;
                onSent();
              })
            }
          />
          <p className="muted" role="status">
            {saved === 'saving'
              ? t('survey.saving')
              : saved === 'saved' || task.answers
                ? t('survey.saved')
                : ''}
          </p>
        </>
      )}
    </section>
  );
}

function MyCourse({
  view,
  reload,
  onLogout,
}: {
  view: CitizenView;
  reload: () => void;
  onLogout: () => void;
}) {
  const { t } = useCitizenI18n();
  const { dateTime } = useDate();
  const [showLaw, setShowLaw] = useState(false);
  const [thanks, setThanks] = useState(false);
  const progression = view.progression;

  return (
    <>
      <PageTitle title={t('citizen.title')}>
        {t('citizen.hello', { name: view.me.name.split(' ')[0] ?? '' })}
      </PageTitle>
      <p>{t('citizen.lead')}</p>

      <section className="citizen-card" aria-labelledby="goals-title">
        <h2 id="goals-title">{t('citizen.goals')}</h2>
        {view.parts.map((part) => (
          <div key={part.memberId} className="citizen-part">
            {view.parts.length > 1 && <h3>{part.name}</h3>}
            {part.dreams && (
              <p>
                <span className="citizen-label">{t('citizen.dreams')}</span> {part.dreams}
              </p>
            )}
            <p>
              <span className="citizen-label">{t('citizen.goal')}</span>{' '}
              {part.goal || t('citizen.noGoal')}
            </p>
            {part.subGoals.map((g) => (
              <div key={g.id}>
                {/* Under the part's name when there are several parts, else under the h2. */}
                {view.parts.length > 1 ? (
                  <h4 className="citizen-subgoal">{g.text}</h4>
                ) : (
                  <h3 className="citizen-subgoal">{g.text}</h3>
                )}
                <ul className="citizen-actions">
                  {g.actions.map((a) => (
                    <Action key={a.id} action={a} showLaw={showLaw} />
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ))}
        <Checkbox label={t('citizen.showLaw')} checked={showLaw} onChange={setShowLaw} />
      </section>

      <section className="citizen-card" aria-labelledby="next-title">
        <h2 id="next-title">{t('citizen.next')}</h2>
        {view.nextSteps.length === 0 ? (
          <p>{t('citizen.nextNone')}</p>
        ) : (
          <ul className="citizen-actions">
            {view.nextSteps.map((a) => (
              <Action key={a.id} action={a} showLaw={showLaw} />
            ))}
          </ul>
        )}
      </section>

      <section className="citizen-card" aria-labelledby="meeting-title">
        <h2 id="meeting-title">{t('citizen.meeting')}</h2>
        {view.nextMeeting ? (
          <>
            <p>
              <strong>{view.nextMeeting.title}</strong>
            </p>
            <p>{t('citizen.meeting.when', { when: dateTime(view.nextMeeting.startsAt) })}</p>
            <p>{t('citizen.meeting.where', { place: view.nextMeeting.place })}</p>
          </>
        ) : (
          <p>{t('citizen.meeting.none')}</p>
        )}
      </section>

      <section className="citizen-card" aria-labelledby="people-title">
        <h2 id="people-title">{t('citizen.people')}</h2>
        <ul className="citizen-people">
          {view.coordinator && (
            <li>
              <strong>{view.coordinator.name}</strong>
              <span>{t('citizen.people.coordinator')}</span>
              {view.coordinator.email && (
                <a href={`mailto:${view.coordinator.email}`}>{view.coordinator.email}</a>
              )}
            </li>
          )}
          {view.people.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.task && <span>{p.task}</span>}
              {p.phone && (
                <a href={`tel:${p.phone.replace(/\s/g, '')}`}>
                  {t('citizen.people.call', { phone: p.phone })}
                </a>
              )}
              {p.responseTime && (
                <span>{t('citizen.people.answers', { time: p.responseTime })}</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="citizen-card" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('citizen.progress')}</h2>
        {thanks && (
          <Notice onDismiss={() => setThanks(false)}>{t('citizen.progress.thanks')}</Notice>
        )}
        {view.toAnswer.length > 0 && <p>{t('citizen.progress.due')}</p>}
        {view.toAnswer.map((task) => {
          const instrument = progression.instruments.find((i) => i.id === task.instrumentId);
          return instrument ? (
            <MyMeasurement
              key={`${task.instrumentId}-${task.memberId}-${task.occasion}`}
              task={task}
              instrument={instrument}
              onSent={() => {
                setThanks(true);
                reload();
              }}
            />
          ) : null;
        })}
        <Suspense fallback={<Loading />}>
          <ProgressionCurves progression={progression} compact />
        </Suspense>
      </section>

      <ScaleForm view={view} onDone={reload} />

      <section className="citizen-card" aria-labelledby="write-title">
        <h2 id="write-title">{t('citizen.write')}</h2>
        <p>{t('citizen.write.lead')}</p>
        <MessageForm onSent={reload} />
        {view.messages.length > 0 && (
          <>
            <h3>{t('citizen.write.earlier')}</h3>
            <ul className="citizen-messages">
              {view.messages.map((m) => (
                <li key={m.id} className="free-text">
                  {m.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <Button onClick={onLogout}>{t('citizen.logout')}</Button>
    </>
  );
}

/** Why a MitID sign-in was refused (`?fejl=` from the callback). */
const MITID_REASONS = ['state', 'expired', 'provider', 'cpr', 'no-course', 'no-consent'] as const;

/** The MitID entry (`/borger/mitid/:municipality`): one button, and the reason of a refusal. */
function MitidStep({ municipality }: { municipality: string }) {
  const { t } = useCitizenI18n();
  const reason = new URLSearchParams(window.location.search).get('fejl');
  const refused = MITID_REASONS.find((r) => r === reason);
  return (
    <>
      <PageTitle title={t('citizen.title')}>{t('citizen.title')}</PageTitle>
      {refused && (
        <div className="alert alert--error" role="alert">
          {t(`citizen.mitid.${refused}`)}
        </div>
      )}
      <p>{t('citizen.mitid.lead')}</p>
      <a
        className="button button--primary button--block"
        href={`/api/auth/mitid/start?municipality=${encodeURIComponent(municipality)}`}
      >
        {t('citizen.mitid.button')}
      </a>
      <p className="muted">{t('citizen.mitid.noMitid')}</p>
    </>
  );
}

export function CitizenPage({ courseId, token }: { courseId: string; token: string }) {
  const { t } = useCitizenI18n();
  // `/borger/mitid/:municipality`: signed in (or not yet) with MitID, any of one's courses.
  const viaMitid = courseId === 'mitid';
  const [view, setView] = useState<CitizenView | null>();
  const [error, setError] = useState<ApiError>();

  const load = useCallback(async () => {
    try {
      const mine = await loadMyCourse();
      setView(mine && (viaMitid || mine.course.id === courseId) ? mine : null);
    } catch (caught) {
      const e = asApiError(caught);
      if (e.status === 401) setView(null);
      else {
        setError(e);
        setView(null);
      }
    }
  }, [courseId, viaMitid]);

  useEffect(() => {
    void load();
  }, [load]);

  const logout = async () => {
    await logoutCitizen().catch(() => undefined);
    setView(null);
  };

  return (
    <div className="survey citizen">
      <LightHeader />
      <main id="main" className="survey__main" tabIndex={-1}>
        {view === undefined ? (
          <Loading />
        ) : view ? (
          <MyCourse view={view} reload={() => void load()} onLogout={() => void logout()} />
        ) : error && error.status === 410 ? (
          <>
            <PageTitle title={t('citizen.title')}>{t('citizen.title')}</PageTitle>
            <ErrorAlert error={error} />
          </>
        ) : viaMitid ? (
          <MitidStep municipality={token} />
        ) : (
          <CodeStep courseId={courseId} token={token} onOpened={() => void load()} />
        )}
      </main>
      <SiteFooter label={t('common.accessibilityStatement')} />
    </div>
  );
}
