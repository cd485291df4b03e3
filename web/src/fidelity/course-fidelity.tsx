/**
 * A course's Én plan checklist (docs/fidelity.md): the occasions so far with their status,
 * what is due, the course's index, and the nine questions for the coordinator. Every
 * choice is saved as a draft shortly after it is made; submitting needs every question
 * answered ("Ved ikke" counts as an answer). Others with access read the answers.
 */
import { useEffect, useRef, useState } from 'react';
import {
  FIDELITY_ANSWERS,
  FIDELITY_ELEMENT_LABELS,
  FIDELITY_ELEMENTS,
  FIDELITY_QUESTIONS,
  type FidelityAnswer,
} from '../../../contract/fidelity.js';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { asApiError, type ApiError } from '../api/client.js';
import { CourseTab, type CourseTabProps } from '../courses/course-tab.js';
import { formatDate } from '../courses/course-labels.js';
import { useI18n } from '../i18n/i18n.js';
import { occasionLabel } from '../progression/course-progression.js';
import { Button } from '../ui/button.js';
import { ErrorAlert, LoadStatus, Notice } from '../ui/feedback.js';
import { TableFrame } from '../ui/table-frame.js';
import {
  loadCourseFidelity,
  saveFidelityDraft,
  submitFidelity,
  type FidelityAnswers,
  type FidelityChecklist,
} from './fidelity-api.js';
import { percent } from './fidelity-format.js';

/** How long after the last choice the draft is saved. */
const AUTOSAVE_MS = 600;

function ChecklistForm({
  courseId,
  occasion,
  initial,
  onSubmitted,
}: {
  courseId: string;
  occasion: string;
  initial: FidelityAnswers;
  onSubmitted: () => Promise<void>;
}) {
  const { t, pick } = useI18n();
  const [answers, setAnswers] = useState<FidelityAnswers>(initial);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [saveError, setSaveError] = useState<ApiError>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(answers);
  const [showMissing, setShowMissing] = useState(false);
  const submit = useAction(onSubmitted);

  useEffect(() => () => clearTimeout(timer.current), []);

  const saveNow = async () => {
    clearTimeout(timer.current);
    setSaving('saving');
    try {
      await saveFidelityDraft(courseId, occasion, latest.current);
      setSaving('saved');
      setSaveError(undefined);
    } catch (error) {
      setSaving('idle');
      setSaveError(asApiError(error));
    }
  };

  const choose = (id: string, answer: FidelityAnswer) => {
    const next = { ...latest.current, [id]: answer };
    latest.current = next;
    setAnswers(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  };

  const missing = FIDELITY_QUESTIONS.filter((q) => answers[q.id] === undefined).length;
  const send = () => {
    clearTimeout(timer.current);
    setShowMissing(missing > 0);
    if (missing > 0) return;
    void submit.run(() => submitFidelity(courseId, occasion, answers));
  };

  return (
    <form
      className="fidelity-form"
      aria-labelledby="fidelity-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <h3 id="fidelity-form-title">
        {t('fidelity.formTitle', { occasion: occasionLabel(t, occasion) })}
      </h3>
      {FIDELITY_ELEMENTS.map((element) => (
        <section key={element} aria-labelledby={`fidelity-element-${element}`}>
          <h4 id={`fidelity-element-${element}`}>{pick(FIDELITY_ELEMENT_LABELS[element])}</h4>
          {FIDELITY_QUESTIONS.filter((q) => q.element === element).map((q) => (
            <fieldset key={q.id} className="progression-question">
              <legend>{pick(q.text)}</legend>
              <div className="progression-options">
                {FIDELITY_ANSWERS.map((a) => (
                  <label key={a} className="progression-option">
                    <input
                      type="radio"
                      name={`fidelity-${q.id}`}
                      checked={answers[q.id] === a}
                      onChange={() => choose(q.id, a)}
                    />
                    <span>{t(`fidelity.answer.${a}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </section>
      ))}
      <p className="survey__saved" role="status" aria-live="polite">
        {saving === 'saving' ? t('fidelity.saving') : saving === 'saved' ? t('fidelity.saved') : ''}
      </p>
      {showMissing && missing > 0 && (
        <div className="alert alert--error" role="alert">
          <p>{t('fidelity.missing', { count: missing })}</p>
        </div>
      )}
      <ErrorAlert error={saveError ?? submit.error} />
      <Button type="submit" variant="primary" disabled={submit.pending}>
        {t('fidelity.submit')}
      </Button>
    </form>
  );
}

function ChecklistAnswers({ checklist }: { checklist: FidelityChecklist }) {
  const { t, pick } = useI18n();
  return (
    <>
      <TableFrame
        label={t('fidelity.formTitle', { occasion: occasionLabel(t, checklist.occasion) })}
      >
        <table className="table">
          <caption>
            {t('fidelity.formTitle', { occasion: occasionLabel(t, checklist.occasion) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('fidelity.element')}</th>
              <th scope="col">{t('fidelity.score')}</th>
            </tr>
          </thead>
          <tbody>
            {FIDELITY_ELEMENTS.map((e) => (
              <tr key={e}>
                <th scope="row">{pick(FIDELITY_ELEMENT_LABELS[e])}</th>
                <td>{percent(checklist.score.elements[e].score, '–')}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('fidelity.index')}</th>
              <td>{percent(checklist.score.index, '–')}</td>
            </tr>
          </tbody>
        </table>
      </TableFrame>
      <ul className="fidelity-answers">
        {FIDELITY_QUESTIONS.map((q) => {
          const a = checklist.answers[q.id];
          return (
            <li key={q.id}>
              {pick(q.text)} <strong>{a ? t(`fidelity.answer.${a}`) : '–'}</strong>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function CourseFidelity({ course }: CourseTabProps) {
  const { t, locale } = useI18n();
  const state = useApi(() => loadCourseFidelity(course.id), `fidelity:${course.id}`);
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string>();
  const submitted = async () => {
    setNotice(t('fidelity.submitted'));
    await state.reload();
  };
  const data = state.data;
  const selected = chosen ?? (data?.canAnswer ? (data.due?.key ?? null) : null);
  const checklist = data?.checklists.find((c) => c.occasion === selected);
  const writable =
    data?.canAnswer === true &&
    checklist?.status !== 'submitted' &&
    (course.status === 'open' || selected === 'afslutning');

  return (
    <CourseTab id="fidelity-title" title={t('fidelity.title')} lead={t('fidelity.lead')}>
      <LoadStatus state={state} retry />
      {notice && <Notice onDismiss={() => setNotice(undefined)}>{notice}</Notice>}
      {data && (
        <>
          {data.due && (
            <div className="alert alert--info" role="note">
              <p>{t('fidelity.dueNow', { occasion: occasionLabel(t, data.due.key) })}</p>
            </div>
          )}
          {!data.canAnswer && data.due && <p>{t('fidelity.onlyCoordinator')}</p>}
          <p>
            {t('fidelity.courseIndex', {
              value:
                data.index.n === 0
                  ? t('fidelity.noIndex')
                  : t('fidelity.indexValue', {
                      value: percent(data.index.index, '–'),
                      n: data.index.n,
                    }),
            })}
          </p>
          {data.occasions.length === 0 && data.next && (
            <p>{t('fidelity.noneYet', { date: formatDate(data.next.due, locale) })}</p>
          )}
          {data.occasions.length > 0 && (
            <TableFrame label={t('fidelity.occasions')}>
              <table className="table">
                <caption>{t('fidelity.occasions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fidelity.occasion')}</th>
                    <th scope="col">{t('fidelity.due')}</th>
                    <th scope="col">{t('fidelity.status')}</th>
                    <th scope="col">{t('fidelity.index')}</th>
                    <th scope="col">
                      <span className="visually-hidden">
                        {t('fidelity.show', { occasion: '' })}
                      </span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.occasions.map((o) => {
                    const c = data.checklists.find((x) => x.occasion === o.key);
                    const label = occasionLabel(t, o.key);
                    const canFill = data.canAnswer && o.status !== 'submitted';
                    return (
                      <tr key={o.key}>
                        <th scope="row">{label}</th>
                        <td>{formatDate(o.due, locale)}</td>
                        <td>{t(`fidelity.status.${o.status}`)}</td>
                        <td>{c && c.status === 'submitted' ? percent(c.score.index, '–') : '–'}</td>
                        <td>
                          {(canFill || c) && (
                            <Button
                              small
                              variant="plain"
                              aria-pressed={selected === o.key}
                              onClick={() => {
                                setChosen(o.key);
                                setNotice(undefined);
                              }}
                            >
                              {canFill
                                ? t('fidelity.fillIn', { occasion: label })
                                : t('fidelity.show', { occasion: label })}
                            </Button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableFrame>
          )}
          {data.occasions.length > 0 && data.next && (
            <p>
              {t('fidelity.next', {
                occasion: occasionLabel(t, data.next.key),
                date: formatDate(data.next.due, locale),
              })}
            </p>
          )}
          {selected !== null && writable && (
            <ChecklistForm
              key={selected}
              courseId={course.id}
              occasion={selected}
              initial={checklist?.answers ?? {}}
              onSubmitted={submitted}
            />
          )}
          {selected !== null && !writable && checklist && (
            <ChecklistAnswers checklist={checklist} />
          )}
        </>
      )}
    </CourseTab>
  );
}
