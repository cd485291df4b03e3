/**
 * The survey behind a personal link (`/s/:measurementId/:token`), made for phones.
 *
 * No login. Every click is saved at once through a queue that retries until the server
 * has it, so nothing is lost; coming back with the same link continues where the
 * respondent left off.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { useLightI18n } from '../i18n/i18n-core.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { ErrorAlert, Loading, Notice } from '../ui/feedback.js';
import { professionLabel } from '../org/profession.js';
import { PageTitle } from '../ui/page-title.js';
import {
  answerKey,
  LEADERSHIP_ITEMS,
  loadSurvey,
  RK_ITEMS,
  saveAnswers,
  saveGroups,
  submitSurvey,
  type AnswerValue,
  type Survey,
  type SurveyAnswer,
} from './survey-api.js';
import { SiteFooter } from '../ui/site-footer.js';
import { SCALE } from './scale.js';
import { LightHeader } from '../ui/brand.js';
import { formatDate } from '../ui/format-date.js';
import { Button } from '../ui/button.js';
import type { SurveyFatal as Fatal, SurveyPageData } from '../../../contract/survey-page.js';
import { IMPLEMENTATION_OPTIONS, optionLabel } from '../../../contract/implementation.js';

type Step = 'intro' | 'groups' | 'items' | 'leadership' | 'implementation' | 'review' | 'done';
type SaveState = 'idle' | 'saving' | 'saved' | 'error';

const WIDE_QUERY = '(min-width: 60rem)';

/**
 * A wide screen. The page rendered on the server is the phone's and hydrates as such; the
 * width is read after that (an effect, not an external store: Preact, which the built page
 * runs on, would read the store while hydrating and leave the server's markup unchanged).
 */
function useWide(): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(WIDE_QUERY);
    const change = () => setWide(query.matches);
    change();
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return wide;
}

/**
 * False while the page is the server's HTML and the script has not taken it over yet: then
 * nothing in it may be used, or an answer ticked before would show but never be saved.
 */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function fatalOf(error: ApiError): Fatal | undefined {
  if (error.status === 410) return 'closed';
  if (error.status === 404) return 'notFound';
  if (error.status === 409) return 'finished';
  return undefined;
}

/** Where a loaded survey starts: the saved groups and answers, and the first step left open. */
function startOf(data: Survey) {
  const groupIds = data.groups.map((g) => g.id);
  const picked = data.measurement.chooseGroups
    ? (data.chosenGroups ?? []).filter((id) => groupIds.includes(id))
    : groupIds;
  const answers = new Map<string, Exclude<AnswerValue, null>>();
  for (const a of data.answers)
    if (a.value !== null) answers.set(answerKey(a.target, a.item), a.value);
  const resumed = data.answers.length > 0 || data.chosenGroups !== null;
  let step: Step = 'intro';
  let groupIndex = 0;
  if (resumed && data.measurement.kind === 'implementation') {
    const open = data.measurement.implementationItems.some(
      (item) => !answers.has(answerKey('', item.key)),
    );
    step = open ? 'implementation' : 'review';
  } else if (resumed) {
    const firstOpen = picked.findIndex((g) =>
      RK_ITEMS.some((item) => !answers.has(answerKey(g, item))),
    );
    const leadershipOpen =
      data.measurement.includeLeadership &&
      LEADERSHIP_ITEMS.some((item) => !answers.has(answerKey('', item)));
    if (picked.length === 0 && data.measurement.chooseGroups) step = 'groups';
    else if (firstOpen >= 0) {
      groupIndex = firstOpen;
      step = 'items';
    } else if (leadershipOpen) step = 'leadership';
    else step = 'review';
  }
  return { picked, answers, resumed, step, groupIndex };
}

/**
 * The survey page. `initial` is what the server put into the page with it (the survey, or
 * the link's message); without it the page loads the survey itself.
 */
export function SurveyPage({
  measurementId,
  token,
  initial,
}: {
  measurementId: string;
  token: string;
  initial?: SurveyPageData | undefined;
}) {
  const { t, lang, locale } = useLightI18n();
  const wide = useWide();
  const hydrated = useHydrated();
  const [start] = useState(() =>
    initial && 'survey' in initial && !initial.survey.finished
      ? startOf(initial.survey)
      : undefined,
  );
  const [survey, setSurvey] = useState<Survey | undefined>(
    start && initial && 'survey' in initial ? initial.survey : undefined,
  );
  const [loadError, setLoadError] = useState<ApiError>();
  const [fatal, setFatal] = useState<Fatal | undefined>(() => {
    if (!initial) return undefined;
    if ('fatal' in initial) return initial.fatal;
    return initial.survey.finished ? 'finished' : undefined;
  });
  const [step, setStep] = useState<Step>(start?.step ?? 'intro');
  const [groupIndex, setGroupIndex] = useState(start?.groupIndex ?? 0);
  const [chosen, setChosen] = useState<string[]>(start?.picked ?? []);
  const [answers, setAnswers] = useState<Map<string, Exclude<AnswerValue, null>>>(
    start?.answers ?? new Map(),
  );
  const [resumed, setResumed] = useState(start?.resumed ?? false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [confirming, setConfirming] = useState(false);
  const [groupError, setGroupError] = useState(false);

  // The save queue: what the server does not have yet. Cleared only after a successful save.
  const pendingGroups = useRef<string[] | null>(null);
  const pendingAnswers = useRef(new Map<string, SurveyAnswer>());
  const running = useRef(false);
  const wake = useRef<(() => void) | undefined>(undefined);

  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      const data = await loadSurvey(measurementId, token);
      if (data.finished) {
        setFatal('finished');
        return;
      }
      const loaded = startOf(data);
      setSurvey(data);
      setChosen(loaded.picked);
      setAnswers(loaded.answers);
      if (loaded.resumed) {
        setResumed(true);
        setGroupIndex(loaded.groupIndex);
        setStep(loaded.step);
      }
    } catch (caught) {
      const error = asApiError(caught);
      const kind = fatalOf(error);
      if (kind) setFatal(kind);
      else setLoadError(error);
    }
  }, [measurementId, token]);

  // A page that came with its data (or its message) has nothing to load.
  const needsLoad = initial === undefined;
  useEffect(() => {
    if (needsLoad) void load();
  }, [load, needsLoad]);

  const flush = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setSaveState('saving');
    let delay = 1000;
    try {
      while (pendingGroups.current !== null || pendingAnswers.current.size > 0) {
        try {
          const groups = pendingGroups.current;
          if (groups !== null) {
            await saveGroups(measurementId, token, groups);
            if (pendingGroups.current === groups) pendingGroups.current = null;
          } else {
            const batch = [...pendingAnswers.current.entries()].slice(0, 100);
            await saveAnswers(
              measurementId,
              token,
              batch.map(([, a]) => a),
            );
            for (const [key, a] of batch) {
              if (pendingAnswers.current.get(key) === a) pendingAnswers.current.delete(key);
            }
          }
          delay = 1000;
          setSaveState('saving');
        } catch (caught) {
          const error = asApiError(caught);
          const kind = fatalOf(error);
          if (kind) {
            setFatal(kind);
            return;
          }
          setSaveState('error');
          await new Promise<void>((resolve) => {
            wake.current = resolve;
            void sleep(delay).then(resolve);
          });
          wake.current = undefined;
          delay = Math.min(delay * 2, 15_000);
          setSaveState('saving');
        }
      }
      setSaveState('saved');
    } finally {
      running.current = false;
    }
  }, [measurementId, token]);

  // Warn before leaving while something is not saved yet.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pendingGroups.current !== null || pendingAnswers.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const answer = (target: string, item: string, value: Exclude<AnswerValue, null>) => {
    const key = answerKey(target, item);
    setAnswers((current) => new Map(current).set(key, value));
    pendingAnswers.current.set(key, { target, item, value });
    void flush();
  };

  const toggleGroup = (id: string, on: boolean) => {
    setGroupError(false);
    const next = on ? [...chosen, id] : chosen.filter((g) => g !== id);
    // Keep the survey's order, so the questions come in the same order as the list.
    const ordered = (survey?.groups ?? []).map((g) => g.id).filter((g) => next.includes(g));
    setChosen(ordered);
    if (!on) {
      setAnswers((current) => {
        const copy = new Map(current);
        for (const item of RK_ITEMS) copy.delete(answerKey(id, item));
        return copy;
      });
      for (const item of RK_ITEMS) pendingAnswers.current.delete(answerKey(id, item));
    }
    pendingGroups.current = ordered;
    void flush();
  };

  // An implementation survey asks its own items, about no group.
  const implementation = survey?.measurement.kind === 'implementation';
  const implementationItems = survey?.measurement.implementationItems ?? [];
  const targets = implementation ? [] : chosen;
  const leadership = survey?.measurement.includeLeadership ?? false;
  const total =
    targets.length * RK_ITEMS.length +
    (leadership ? LEADERSHIP_ITEMS.length : 0) +
    implementationItems.length;
  const answered = useMemo(() => {
    let count = 0;
    for (const g of targets)
      for (const item of RK_ITEMS) if (answers.has(answerKey(g, item))) count += 1;
    if (leadership)
      for (const item of LEADERSHIP_ITEMS) if (answers.has(answerKey('', item))) count += 1;
    for (const item of implementationItems) if (answers.has(answerKey('', item.key))) count += 1;
    return count;
  }, [answers, targets, leadership, implementationItems]);

  // Move focus to the step's heading when the step changes, for screen readers and keyboards.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step, groupIndex]);

  const submit = async () => {
    // Let the queue finish first; a failing save keeps retrying, so wait for it.
    wake.current?.();
    await flush();
    while (running.current || pendingAnswers.current.size > 0 || pendingGroups.current !== null) {
      await sleep(200);
      if (!running.current) await flush();
    }
    try {
      await submitSurvey(measurementId, token);
    } catch (caught) {
      const error = asApiError(caught);
      const kind = fatalOf(error);
      if (kind === 'finished') {
        setStep('done');
        return;
      }
      if (kind) {
        setFatal(kind);
        return;
      }
      throw error;
    }
    setStep('done');
  };

  const frame = (title: string, children: ReactNode) => (
    <div className="survey" inert={!hydrated}>
      <LightHeader />
      <main id="main" className="survey__main">
        <PageTitle title={title}>{title}</PageTitle>
        {resumed && step !== 'done' && !fatal && <Notice tone="info">{t('survey.resumed')}</Notice>}
        {children}
      </main>
      <SiteFooter label={t('common.accessibilityStatement')} />
    </div>
  );

  if (fatal === 'closed')
    return frame(t('survey.closed.title'), <p className="lead">{t('survey.closed.body')}</p>);
  if (fatal === 'notFound')
    return frame(t('survey.notFound.title'), <p className="lead">{t('survey.notFound.body')}</p>);
  if (fatal === 'finished' && step !== 'done')
    return frame(t('survey.finished.title'), <p className="lead">{t('survey.finished.body')}</p>);
  if (loadError)
    return frame(
      t('survey.title'),
      <ErrorAlert error={loadError}>
        <Button onClick={() => void load()}>{t('common.retry')}</Button>
      </ErrorAlert>,
    );
  if (!survey) return frame(t('survey.title'), <Loading />);

  const m = survey.measurement;
  // Groups are units, or professions across units (named in lower case by the server).
  const byProfession = m.groupKind === 'profession';
  const groupName = (id: string) => {
    const stored = survey.groups.find((g) => g.id === id)?.name ?? '';
    const name = byProfession ? professionLabel(stored) : stored;
    if (id !== survey.ownUnitId) return name;
    return t(byProfession ? 'survey.ownProfession' : 'survey.ownUnit', { name });
  };
  const itemText = (item: string) => m.items[item]?.[lang] ?? item;

  if (step === 'done')
    return frame(
      t('survey.done.title'),
      <>
        <p className="lead">{t('survey.done.body')}</p>
        <p>
          {t(
            implementation
              ? 'survey.done.use.implementation'
              : byProfession
                ? 'survey.done.use.profession'
                : 'survey.done.use',
          )}
        </p>
        <p>{t('survey.done.protect')}</p>
      </>,
    );

  const saveStatus = (
    <div className="survey__status">
      {/* While the groups are being chosen the total is not known yet: no count that jumps. */}
      {step !== 'groups' && (
        <>
          <progress
            className="survey__progress"
            max={Math.max(total, 1)}
            value={answered}
            aria-label={t('survey.progress')}
          />
          <p className="survey__count">{t('survey.progressText', { answered, total })}</p>
        </>
      )}
      <p className={`survey__saved survey__saved--${saveState}`} aria-live="polite" role="status">
        {saveState === 'saving' && t('survey.saving')}
        {saveState === 'saved' && t('survey.saved')}
        {saveState === 'error' && (
          <>
            {t('survey.saveError')}{' '}
            <Button variant="quiet" small onClick={() => wake.current?.()}>
              {t('common.retry')}
            </Button>
          </>
        )}
      </p>
    </div>
  );

  const firstItemsStep = m.chooseGroups ? 'groups' : 'intro';
  const afterItems: Step = implementation ? 'implementation' : leadership ? 'leadership' : 'review';

  /** A question step: progress and save status, the step's heading, then its content. */
  const stepFrame = (heading: ReactNode, content: ReactNode) =>
    frame(
      m.title,
      <>
        {saveStatus}
        <h2 className="survey__step" ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        {content}
      </>,
    );

  /** Back and next, below a step. */
  const stepNav = (onBack: () => void, onNext: () => void) => (
    <div className="form-actions survey__nav">
      <Button onClick={onBack}>{t('survey.back')}</Button>
      <Button variant="primary" onClick={onNext}>
        {t('survey.next')}
      </Button>
    </div>
  );

  /** Back from after the items: to the last group's items, or before them when there are none. */
  const backToItems = () => {
    if (targets.length > 0) {
      setGroupIndex(wide ? 0 : targets.length - 1);
      setStep('items');
    } else setStep(firstItemsStep);
  };

  if (step === 'intro')
    return frame(
      m.title,
      <>
        <p className="lead">{t('survey.intro.lead', { process: m.focalProcess })}</p>
        <p>
          {t(
            implementation
              ? 'survey.intro.how.implementation'
              : byProfession
                ? 'survey.intro.how.profession'
                : 'survey.intro.how',
          )}
        </p>
        <div className="panel survey__privacy">
          <h2 className="panel__title">{t('survey.intro.privacyTitle')}</h2>
          <p>{t('survey.intro.privacy', { n: m.minGroup })}</p>
        </div>
        {m.closesAt && (
          <p className="muted">
            {t('survey.intro.closes', {
              date: formatDate(m.closesAt, locale),
            })}
          </p>
        )}
        <div className="form-actions">
          <Button
            variant="primary"
            onClick={() =>
              setStep(m.chooseGroups ? 'groups' : targets.length > 0 ? 'items' : afterItems)
            }
          >
            {t('survey.start')}
          </Button>
        </div>
      </>,
    );

  if (step === 'groups')
    return stepFrame(
      t('survey.groups.title'),
      <>
        <fieldset className="fieldset" aria-describedby="survey-groups-hint">
          <legend className="survey__legend">
            {t(byProfession ? 'survey.groups.legend.profession' : 'survey.groups.legend')}
          </legend>
          <p className="field__hint" id="survey-groups-hint">
            {t(byProfession ? 'survey.groups.hint.profession' : 'survey.groups.hint')}
          </p>
          <div className="choices">
            {survey.groups.map((g) => (
              <label key={g.id} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(g.id)}
                  onChange={(event) => toggleGroup(g.id, event.target.checked)}
                />
                <span className="choice__label">{groupName(g.id)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {groupError && (
          <p className="field__error" role="alert">
            {t(byProfession ? 'survey.groups.none.profession' : 'survey.groups.none')}
          </p>
        )}
        {stepNav(
          () => setStep('intro'),
          () => {
            if (chosen.length === 0 && !leadership) {
              setGroupError(true);
              return;
            }
            setGroupIndex(0);
            setStep(chosen.length > 0 ? 'items' : afterItems);
          },
        )}
      </>,
    );

  if (step === 'items') {
    const shown = wide ? targets : targets.slice(groupIndex, groupIndex + 1);
    const back = () => {
      if (!wide && groupIndex > 0) setGroupIndex(groupIndex - 1);
      else setStep(firstItemsStep);
    };
    const next = () => {
      if (!wide && groupIndex < targets.length - 1) setGroupIndex(groupIndex + 1);
      else setStep(afterItems);
    };
    return stepFrame(
      wide
        ? t(byProfession ? 'survey.items.titleAll.profession' : 'survey.items.titleAll')
        : t(byProfession ? 'survey.items.title.profession' : 'survey.items.title', {
            index: groupIndex + 1,
            count: targets.length,
          }),
      <>
        <p>{t('survey.items.hint', { process: m.focalProcess })}</p>
        {shown.map((g) => (
          // By index: a profession (the group's id) may contain spaces, which an id may not.
          <section
            key={g}
            className="survey__group"
            aria-labelledby={`group-${targets.indexOf(g)}`}
          >
            <h3 className="survey__group-name" id={`group-${targets.indexOf(g)}`}>
              {groupName(g)}
            </h3>
            <div className={wide ? 'survey__matrix' : 'survey__list'}>
              {RK_ITEMS.map((item) => (
                <ItemQuestion
                  key={item}
                  name={`${g}-${item}`}
                  text={itemText(item)}
                  context={wide ? groupName(g) : undefined}
                  value={answers.get(answerKey(g, item))}
                  onAnswer={(value) => answer(g, item, value)}
                />
              ))}
            </div>
          </section>
        ))}
        {stepNav(back, next)}
      </>,
    );
  }

  if (step === 'leadership')
    return stepFrame(
      t('survey.leadership.title'),
      <>
        <p>{t('survey.leadership.hint')}</p>
        {m.samspilWording && <p className="muted">{t('survey.leadership.wording')}</p>}
        <div className={wide ? 'survey__matrix' : 'survey__list'}>
          {LEADERSHIP_ITEMS.filter((item) => m.items[item]).map((item) => (
            <ItemQuestion
              key={item}
              name={`leadership-${item}`}
              text={itemText(item)}
              value={answers.get(answerKey('', item))}
              onAnswer={(value) => answer('', item, value)}
            />
          ))}
        </div>
        {stepNav(backToItems, () => setStep('review'))}
      </>,
    );

  if (step === 'implementation')
    return stepFrame(
      t('survey.implementation.title'),
      <>
        <p>{t('survey.implementation.hint')}</p>
        <div className="survey__list">
          {implementationItems.map((item) => (
            <ItemQuestion
              key={item.key}
              name={`implementation-${item.key}`}
              text={item[lang]}
              options={IMPLEMENTATION_OPTIONS.map((option) => ({
                value: option === 'dk' ? 'dk' : option,
                label: optionLabel(item.scale, option)[lang],
              }))}
              value={answers.get(answerKey('', item.key))}
              onAnswer={(value) => answer('', item.key, value)}
            />
          ))}
        </div>
        {stepNav(
          () => setStep('intro'),
          () => setStep('review'),
        )}
      </>,
    );

  // Review and submit.
  const missing = total - answered;
  return stepFrame(
    t('survey.review.title'),
    <>
      <p>
        {missing === 0
          ? t('survey.review.complete')
          : t('survey.review.missing', { count: missing })}
      </p>
      <p>{t('survey.review.change')}</p>
      <div className="form-actions survey__nav">
        <Button
          onClick={() => {
            if (implementation) setStep('implementation');
            else if (leadership) setStep('leadership');
            else backToItems();
          }}
        >
          {t('survey.back')}
        </Button>
        <Button variant="primary" onClick={() => setConfirming(true)}>
          {t('survey.submit')}
        </Button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('survey.confirm.title')}
          confirmLabel={t('survey.confirm.yes')}
          onConfirm={submit}
          onClose={() => setConfirming(false)}
        >
          <p>{t('survey.confirm.body')}</p>
        </ConfirmDialog>
      )}
    </>,
  );
}

/**
 * One statement as a radio group: 1–5 with visible labels and "Don't know", or the given
 * options (an implementation item's scale).
 */
function ItemQuestion({
  name,
  text,
  context,
  options,
  value,
  onAnswer,
}: {
  name: string;
  text: string;
  context?: string | undefined;
  options?: { value: Exclude<AnswerValue, null>; label: string }[];
  value: Exclude<AnswerValue, null> | undefined;
  onAnswer: (value: Exclude<AnswerValue, null>) => void;
}) {
  const { t } = useLightI18n();
  const id = useId();
  return (
    <fieldset className="fieldset question">
      <legend className="question__text">
        {text}
        {context && <span className="visually-hidden"> ({context})</span>}
      </legend>
      <div className="question__options">
        {(options ?? SCALE.map((o) => ({ value: o.value, label: t(o.label) }))).map((option) => (
          <label
            key={String(option.value)}
            className={option.value === 'dk' ? 'scale scale--dk' : 'scale'}
          >
            <input
              type="radio"
              name={`${id}-${name}`}
              value={String(option.value)}
              checked={value === option.value}
              onChange={() => onAnswer(option.value)}
            />
            <span className="scale__label">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
