/**
 * A course's journal (docs/journal.md): shared, dated entries newest first with author,
 * unit and whom they concern, a form to write one, the author's correction (earlier texts
 * stay visible) and marking as wrong; below it the register of information already obtained.
 * What a reader sees follows the course's access: consent shows only the covered members.
 */
import { useState, type FormEvent } from 'react';
import {
  CORRECTION_MINUTES,
  JOURNAL_TEXT_MAX,
  WRONG_REASON_MAX,
} from '../../../contract/journal.js';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { CourseTab, type CourseTabProps } from '../courses/course-tab.js';
import { useI18n } from '../i18n/i18n.js';
import { FormDialog } from '../ui/dialog.js';
import { EmptyState, ErrorAlert, LoadStatus, Notice } from '../ui/feedback.js';
import { bindText, TextAreaField } from '../ui/field.js';
import { formatDateTime } from '../ui/format-date.js';
import { RowAction } from '../ui/row-action.js';
import { SubmitButton } from '../ui/submit-button.js';
import { InformationRegister } from './information-register.js';
import {
  correctEntry,
  loadJournal,
  markEntryWrong,
  writeEntry,
  type CourseJournal as Journal,
  type JournalEntry,
} from './journal-api.js';
import { AboutSelect } from './about-select.js';

type Dialog = { kind: 'correct' | 'wrong'; entry: JournalEntry } | undefined;

export function CourseJournal({ course }: CourseTabProps) {
  const { t } = useI18n();
  const minimal = course.access === 'minimal';
  const state = useApi(
    () => (minimal ? Promise.resolve(undefined) : loadJournal(course.id)),
    `journal:${course.id}`,
  );
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();
  const data = state.data;

  if (minimal) {
    return (
      <CourseTab id="journal-title" title={t('journal.title')}>
        <div className="alert alert--info" role="note">
          <p>{t('journal.minimal')}</p>
        </div>
      </CourseTab>
    );
  }

  return (
    <CourseTab
      id="journal-title"
      title={t('journal.title')}
      lead={t('journal.lead', { minutes: data?.correctionMinutes ?? CORRECTION_MINUTES })}
    >
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          <p>{notice}</p>
        </Notice>
      )}
      <LoadStatus state={state} retry />
      {data?.access === 'consent' && (
        <div className="alert alert--info" role="note">
          <p>
            {t('journal.consent', {
              members: data.members.map((m) => m.name).join(', ') || '–',
            })}
          </p>
        </div>
      )}
      {data && !data.canWrite && (
        <div className="alert alert--info" role="note">
          <p>{t('journal.closed')}</p>
        </div>
      )}
      {data && (
        <>
          <section className="journal" aria-labelledby="journal-entries">
            <h3 id="journal-entries">{t('journal.entries')}</h3>
            {data.canWrite && (data.canWriteCourseWide || data.members.length > 0) && (
              <EntryForm
                journal={data}
                onSave={async (text, memberId) => {
                  await writeEntry(course.id, { text, memberId });
                  setNotice(t('journal.saved'));
                  await state.reload();
                }}
              />
            )}
            {data.entries.length === 0 ? (
              <EmptyState title={t('journal.empty')}>
                {data.canWrite && <p>{t('journal.emptyHint')}</p>}
              </EmptyState>
            ) : (
              <ol className="journal__entries">
                {data.entries.map((entry) => (
                  <Entry
                    key={entry.id}
                    entry={entry}
                    writable={data.canWrite}
                    onCorrect={() => setDialog({ kind: 'correct', entry })}
                    onMarkWrong={() => setDialog({ kind: 'wrong', entry })}
                  />
                ))}
              </ol>
            )}
          </section>
          <InformationRegister
            course={course}
            journal={data}
            onSaved={async () => {
              setNotice(t('journal.info.saved'));
              await state.reload();
            }}
          />
        </>
      )}
      {dialog && (
        <ChangeDialog
          kind={dialog.kind}
          entry={dialog.entry}
          minutes={data?.correctionMinutes ?? CORRECTION_MINUTES}
          onClose={() => setDialog(undefined)}
          onSave={async (value) => {
            if (dialog.kind === 'correct') {
              await correctEntry(course.id, dialog.entry.id, value);
              setNotice(t('journal.corrected.saved'));
            } else {
              await markEntryWrong(course.id, dialog.entry.id, value);
              setNotice(t('journal.marked'));
            }
            await state.reload();
          }}
        />
      )}
    </CourseTab>
  );
}

/** The form above the entries: the text and whom it concerns. */
function EntryForm({
  journal,
  onSave,
}: {
  journal: Journal;
  onSave: (text: string, memberId: string | null) => Promise<void>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [about, setAbout] = useState(
    journal.canWriteCourseWide ? '' : (journal.members[0]?.id ?? ''),
  );
  const [error, setError] = useState<string>();
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('journal.error.text'));
      return;
    }
    setError(undefined);
    const saved = await action.run(() => onSave(text.trim(), about === '' ? null : about));
    if (saved) setText('');
  };

  return (
    <form
      className="form journal__form"
      noValidate
      onSubmit={submit}
      aria-label={t('journal.write')}
    >
      <ErrorAlert error={action.error} />
      <TextAreaField
        label={t('journal.text')}
        hint={t('journal.text.hint', { max: JOURNAL_TEXT_MAX })}
        rows={4}
        maxLength={JOURNAL_TEXT_MAX}
        required
        {...bindText(text, setText, error)}
      />
      <AboutSelect journal={journal} value={about} onChange={setAbout} />
      <div>
        <SubmitButton pending={action.pending}>{t('journal.save')}</SubmitButton>
      </div>
    </form>
  );
}

/** One entry: when, who and from where, whom it concerns, the text and its history. */
function Entry({
  entry,
  writable,
  onCorrect,
  onMarkWrong,
}: {
  entry: JournalEntry;
  writable: boolean;
  onCorrect: () => void;
  onMarkWrong: () => void;
}) {
  const { t, locale } = useI18n();
  const when = formatDateTime(entry.createdAt, locale);
  return (
    <li className={entry.wrong ? 'journal__entry journal__entry--wrong' : 'journal__entry'}>
      <article aria-label={`${when}, ${entry.authorName}`}>
        <p className="journal__meta">
          <time dateTime={entry.createdAt}>{when}</time>
          {' · '}
          {entry.authorUnit
            ? t('journal.by', { name: entry.authorName, unit: entry.authorUnit })
            : entry.authorName}
          {entry.memberName && <> · {t('journal.aboutMember', { name: entry.memberName })}</>}
          {entry.correctedAt && (
            <> · {t('journal.corrected', { at: formatDateTime(entry.correctedAt, locale) })}</>
          )}
        </p>
        {entry.wrong ? (
          <>
            <p className="free-text">
              <del>{entry.text}</del>
            </p>
            <p className="journal__wrong">
              {t('journal.wrong', {
                at: formatDateTime(entry.wrong.at, locale),
                reason: entry.wrong.reason,
              })}
            </p>
          </>
        ) : (
          <p className="free-text">{entry.text}</p>
        )}
        {entry.history.length > 0 && (
          <details className="journal__history">
            <summary>{t('journal.history')}</summary>
            <ul>
              {entry.history.map((h) => (
                <li key={h.replacedAt}>
                  <span className="table__sub">
                    {t('journal.replacedAt', { at: formatDateTime(h.replacedAt, locale) })}
                  </span>
                  <span className="free-text">{h.text}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {writable && (entry.canCorrect || entry.canMarkWrong) && (
          <div className="journal__actions">
            {entry.canCorrect && (
              <RowAction label={t('journal.correct')} target={when} onClick={onCorrect} />
            )}
            {entry.canMarkWrong && (
              <RowAction
                label={t('journal.markWrong')}
                target={when}
                danger
                onClick={onMarkWrong}
              />
            )}
          </div>
        )}
      </article>
    </li>
  );
}

/** The author's correction of the text, or their reason for marking the entry as wrong. */
function ChangeDialog({
  kind,
  entry,
  minutes,
  onClose,
  onSave,
}: {
  kind: 'correct' | 'wrong';
  entry: JournalEntry;
  minutes: number;
  onClose: () => void;
  onSave: (value: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(kind === 'correct' ? entry.text : '');
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      title={t(kind === 'correct' ? 'journal.correctTitle' : 'journal.markWrongTitle')}
      submitLabel={t(kind === 'correct' ? 'journal.save' : 'journal.markWrong')}
      danger={kind === 'wrong'}
      onClose={onClose}
      onSubmit={async () => {
        if (!value.trim()) {
          setError(t(kind === 'correct' ? 'journal.error.text' : 'journal.error.reason'));
          return false;
        }
        await onSave(value.trim());
      }}
    >
      <p>{t(kind === 'correct' ? 'journal.correctHint' : 'journal.markWrongBody', { minutes })}</p>
      <TextAreaField
        label={t(kind === 'correct' ? 'journal.text' : 'journal.reason')}
        rows={kind === 'correct' ? 5 : 3}
        maxLength={kind === 'correct' ? JOURNAL_TEXT_MAX : WRONG_REASON_MAX}
        required
        {...bindText(value, setValue, error)}
      />
    </FormDialog>
  );
}
