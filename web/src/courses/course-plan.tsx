/**
 * The plan of a course. With full access on an open course it is edited and saved as a
 * new version with who took part; a save that crossed someone else's is refused by the
 * server (409), and the user then chooses what happens to their text: nothing is lost
 * or overwritten silently. Otherwise the plan is shown read-only (only covered parts).
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { ErrorAlert, Notice, LoadStatus } from '../ui/feedback.js';
import { CheckList, FieldSet, TextAreaField, TextField, toggled, bindText } from '../ui/field.js';
import { formatDateTime } from './course-labels.js';
import type { CourseTabProps } from './course-tab.js';
import { loadPlan, savePlan, type CourseView, type Plan, type PlanVersion } from './courses-api.js';
import { PlanEditor } from './plan-editor.js';
import { cleanPlan, mergePlans, planProblems, withParts, type PlanProblem } from './plan-model.js';
import { PlanView } from './plan-view.js';
import { responsiblesOf } from './responsible.js';
import { CourseTab } from './course-tab.js';
import { Button } from '../ui/button.js';
import { SubmitButton } from '../ui/submit-button.js';

export function CoursePlan({ course, reload }: CourseTabProps) {
  const { t, locale } = useI18n();
  const plan = useApi(() => loadPlan(course.id), `plan:${course.id}`);
  const editable = course.access === 'full' && course.status === 'open';

  if (!plan.data) {
    return (
      <CourseTab id="plan-title" title={t('courses.plan')}>
        <LoadStatus state={plan} retry />
      </CourseTab>
    );
  }
  const current = plan.data;
  const members = course.members ?? [];
  const responsibles = responsiblesOf(course, t);

  return (
    <CourseTab
      id="plan-title"
      title={t('courses.plan')}
      actions={
        <p className="muted">
          {current.version > 0
            ? t('courses.plan.versionBy', {
                version: current.version,
                at: formatDateTime(current.changedAt, locale),
                by: current.changedBy ?? '–',
              })
            : t('courses.plan.noVersion')}
        </p>
      }
    >
      {editable ? (
        <PlanForm
          key={course.id}
          course={course}
          current={current}
          onSaved={async () => {
            await Promise.all([plan.reload(), reload()]);
          }}
        />
      ) : (
        <>
          {course.access === 'consent' && <p className="muted">{t('courses.plan.consentOnly')}</p>}
          <PlanView plan={current.plan} members={members} parties={responsibles} />
        </>
      )}
    </CourseTab>
  );
}

/** The editor, the save panel, and the way out of a conflicting save. */
function PlanForm({
  course,
  current,
  onSaved,
}: {
  course: CourseView;
  current: PlanVersion;
  onSaved: () => Promise<void>;
}) {
  const { t } = useI18n();
  const members = course.members ?? [];
  const parties = course.network ?? [];
  const responsibles = responsiblesOf(course, t);
  const family = course.kind === 'family';
  const [draft, setDraft] = useState<Plan>(() => withParts(current.plan, members, family));
  // The plan as it was when the draft started from it: what a merge compares against.
  const [base, setBase] = useState<Plan>(draft);
  const [baseVersion, setBaseVersion] = useState(current.version);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Map<string, PlanProblem>>(new Map());
  const [participants, setParticipants] = useState<Set<string>>(new Set());
  const [others, setOthers] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [conflict, setConflict] = useState<PlanVersion>();
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  // Warn before the tab is closed with unsaved text.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const people = [
    ...members.map((m) => m.name),
    ...parties.map((p) => p.name).filter((name) => !members.some((m) => m.name === name)),
  ];

  const change = (next: Plan) => {
    setDraft(next);
    setDirty(true);
    if (problems.size > 0) setProblems(planProblems(next));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = planProblems(draft);
    setProblems(found);
    if (found.size > 0) {
      setError(undefined);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.plan-editor [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const named = [
      ...participants,
      ...others
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ];
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const saved = await savePlan(course.id, {
        baseVersion,
        plan: cleanPlan(draft),
        participants: named,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setBaseVersion(saved.version);
      setBase(draft);
      setDirty(false);
      setConflict(undefined);
      setNote('');
      setNotice(
        [
          t('courses.plan.saved', { version: saved.version, count: saved.notified }),
          ...(saved.notNotified.length > 0
            ? [t('courses.plan.notNotified', { names: saved.notNotified.join(', ') })]
            : []),
        ].join(' '),
      );
      await onSaved();
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.status === 409) {
        // Someone saved first: keep every word of the draft, and fetch what they saved.
        try {
          setConflict(await loadPlan(course.id));
        } catch (loadError) {
          setError(asApiError(loadError));
        }
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form plan-form" noValidate onSubmit={save}>
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          <p>{notice}</p>
        </Notice>
      )}
      {conflict && (
        <div className="alert alert--error plan-conflict" role="alert">
          <p>
            <strong>{t('courses.plan.conflict.title')}</strong>
          </p>
          <p>
            {t('courses.plan.conflict.body', {
              version: conflict.version,
              by: conflict.changedBy ?? '–',
            })}
          </p>
          <div className="plan-buttons">
            <Button
              onClick={() => {
                const merged = mergePlans(base, draft, withParts(conflict.plan, members, family));
                setDraft(merged.plan);
                setBase(withParts(conflict.plan, members, family));
                setBaseVersion(conflict.version);
                setConflict(undefined);
                setNotice(
                  t(
                    merged.overlaps > 0
                      ? 'courses.plan.conflict.mergedOverlap'
                      : 'courses.plan.conflict.merged',
                    { version: conflict.version, count: merged.overlaps },
                  ),
                );
              }}
            >
              {t('courses.plan.conflict.keep')}
            </Button>
            <Button variant="quiet-danger" onClick={() => setConfirmDiscard(true)}>
              {t('courses.plan.conflict.discard')}
            </Button>
          </div>
          <details className="plan-conflict__theirs">
            <summary>{t('courses.plan.conflict.show', { version: conflict.version })}</summary>
            <PlanView
              plan={conflict.plan}
              members={members}
              parties={responsibles}
              headingLevel={4}
            />
          </details>
        </div>
      )}
      {problems.size > 0 && (
        <div className="alert alert--error" role="alert">
          <p>{t('courses.plan.problems', { count: problems.size })}</p>
        </div>
      )}
      {parties.length === 0 && (
        <div className="alert alert--info" role="note">
          <p>{t('courses.plan.noParties')}</p>
        </div>
      )}
      <PlanEditor
        plan={draft}
        members={members}
        parties={responsibles}
        problems={problems}
        onChange={change}
      />
      <section className="panel plan-save" aria-labelledby="plan-save-title">
        <h3 className="panel__title" id="plan-save-title">
          {t('courses.plan.saveTitle')}
        </h3>
        <FieldSet
          legend={t('courses.plan.participants')}
          hint={t('courses.plan.participants.hint')}
        >
          <CheckList
            items={people.map((name) => ({ id: name, label: name }))}
            chosen={participants}
            onToggle={(name, on) => setParticipants((current) => toggled(current, name, on))}
          />
        </FieldSet>
        <TextField
          label={t('courses.plan.others')}
          hint={t('courses.plan.others.hint')}
          maxLength={1000}
          {...bindText(others, setOthers)}
        />
        <TextAreaField
          label={t('courses.plan.note')}
          rows={2}
          maxLength={2000}
          {...bindText(note, setNote)}
        />
        <ErrorAlert error={error} />
        <div className="form-actions">
          <SubmitButton pending={busy}>{t('courses.plan.save')}</SubmitButton>
          <p className="form-actions__note">
            {dirty ? t('courses.plan.unsaved') : t('courses.plan.upToDate')}
          </p>
        </div>
      </section>
      {confirmDiscard && conflict && (
        <ConfirmDialog
          title={t('courses.plan.conflict.discard')}
          confirmLabel={t('courses.plan.conflict.discardConfirm')}
          danger
          onClose={() => setConfirmDiscard(false)}
          onConfirm={async () => {
            setDraft(withParts(conflict.plan, members, family));
            setBase(withParts(conflict.plan, members, family));
            setBaseVersion(conflict.version);
            setConflict(undefined);
            setDirty(false);
            setProblems(new Map());
            setNotice(t('courses.plan.conflict.discarded', { version: conflict.version }));
            await onSaved();
          }}
        >
          <p>{t('courses.plan.conflict.discardBody')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
