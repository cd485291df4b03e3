/**
 * The register of information already obtained in a course (docs/journal.md): what, from
 * whom, when, where it is kept and who registered it, so it is not asked for twice.
 * Registering the same kind from the same source again within the duplicate window shows
 * the earlier registration and asks before registering anyway.
 */
import { useState } from 'react';
import { INFORMATION_TEXT_MAX, INFORMATION_WHAT_MAX } from '../../../contract/journal.js';
import { ApiError } from '../api/client.js';
import { today } from '../courses/course-labels.js';
import type { CourseView } from '../courses/courses-api.js';
import { useI18n } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { FormDialog } from '../ui/dialog.js';
import { EmptyState } from '../ui/feedback.js';
import { bindText, SelectField, TextField } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { formatDate } from '../ui/format-date.js';
import { DataTable } from '../ui/table-frame.js';
import {
  registerInformation,
  type CourseJournal,
  type DuplicateInformationDetails,
  type ObtainedInformation,
} from './journal-api.js';
import { AboutSelect } from './about-select.js';

export function InformationRegister({
  course,
  journal,
  onSaved,
}: {
  course: CourseView;
  journal: CourseJournal;
  onSaved: () => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const rows = journal.information;

  return (
    <section className="journal-info" aria-labelledby="journal-info-title">
      <div className="section-header">
        <h3 id="journal-info-title">{t('journal.info')}</h3>
        {journal.canWrite && (
          <Button variant="primary" onClick={() => setOpen(true)}>
            {t('journal.info.add')}
          </Button>
        )}
      </div>
      <p>{t('journal.info.lead')}</p>
      {rows.length === 0 ? (
        <EmptyState title={t('journal.info.empty')} />
      ) : (
        <DataTable
          label={t('journal.info')}
          columns={[
            t('journal.info.what'),
            t('journal.info.source'),
            t('journal.info.obtainedOn'),
            t('journal.info.keptAt'),
            t('journal.about'),
            t('journal.info.registeredBy'),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.what}</th>
              <td>{row.sourceName}</td>
              <td className="table__nowrap">{formatDate(row.obtainedOn, locale)}</td>
              <td className="free-text">{row.keptAt}</td>
              <td>{row.memberName ?? t('journal.about.course')}</td>
              <td>
                {row.registeredBy}
                {row.registeredByUnit && <span className="table__sub">{row.registeredByUnit}</span>}
                <span className="table__sub">{formatDate(row.registeredAt, locale)}</span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {open && (
        <InformationDialog
          course={course}
          journal={journal}
          onClose={() => setOpen(false)}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}

/** `details.duplicateOf` of a 409 answer, when the answer is the duplicate warning. */
function duplicateOf(error: unknown): ObtainedInformation | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const details = error.details as Partial<DuplicateInformationDetails> | undefined;
  return details?.duplicateOf;
}

const OTHER = 'other';

function InformationDialog({
  course,
  journal,
  onClose,
  onSaved,
}: {
  course: CourseView;
  journal: CourseJournal;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const parties = course.network ?? [];
  const [what, setWhat] = useState('');
  const [source, setSource] = useState(parties[0]?.id ?? OTHER);
  const [sourceName, setSourceName] = useState('');
  const [obtainedOn, setObtainedOn] = useState(today());
  const [keptAt, setKeptAt] = useState('');
  const [about, setAbout] = useState(
    journal.canWriteCourseWide ? '' : (journal.members[0]?.id ?? ''),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [duplicate, setDuplicate] = useState<ObtainedInformation>();

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!what.trim()) found.what = t('journal.info.error.what');
    if (source === OTHER && !sourceName.trim()) found.sourceName = t('journal.info.error.source');
    if (obtainedOn === '' || obtainedOn > today()) found.obtainedOn = t('journal.info.error.date');
    if (!keptAt.trim()) found.keptAt = t('journal.info.error.keptAt');
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    try {
      await registerInformation(course.id, {
        what: what.trim(),
        ...(source === OTHER ? { sourceName: sourceName.trim() } : { sourcePartyId: source }),
        obtainedOn,
        keptAt: keptAt.trim(),
        memberId: about === '' ? null : about,
        ...(duplicate ? { confirmDuplicate: true } : {}),
      });
    } catch (error) {
      const earlier = duplicateOf(error);
      if (!earlier) throw error;
      setDuplicate(earlier);
      return false;
    }
    await onSaved();
  };

  // A changed field is a new question: the warning was about the old one.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setDuplicate(undefined);
      set(value);
    };

  return (
    <FormDialog
      title={t('journal.info.formTitle')}
      submitLabel={t(duplicate ? 'journal.info.saveAnyway' : 'journal.info.save')}
      onClose={onClose}
      onSubmit={submit}
    >
      {duplicate && (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>{t('journal.info.duplicate')}</strong>
          </p>
          <p>
            {t('journal.info.duplicateBody', {
              what: duplicate.what,
              source: duplicate.sourceName,
              on: formatDate(duplicate.obtainedOn, locale),
              keptAt: duplicate.keptAt,
            })}
          </p>
        </div>
      )}
      <TextField
        label={t('journal.info.what')}
        hint={t('journal.info.what.hint')}
        required
        maxLength={INFORMATION_WHAT_MAX}
        {...bindText(what, changed(setWhat), errors.what)}
      />
      <SelectField
        label={t('journal.info.source')}
        value={source}
        onChange={(e) => changed(setSource)(e.target.value)}
      >
        <NamedOptions items={parties} />
        <option value={OTHER}>{t('journal.info.source.other')}</option>
      </SelectField>
      {source === OTHER && (
        <TextField
          label={t('journal.info.sourceName')}
          required
          maxLength={INFORMATION_TEXT_MAX}
          {...bindText(sourceName, changed(setSourceName), errors.sourceName)}
        />
      )}
      <TextField
        label={t('journal.info.obtainedOn')}
        type="date"
        required
        max={today()}
        {...bindText(obtainedOn, changed(setObtainedOn), errors.obtainedOn)}
      />
      <TextField
        label={t('journal.info.keptAt')}
        hint={t('journal.info.keptAt.hint')}
        required
        maxLength={INFORMATION_TEXT_MAX}
        {...bindText(keptAt, setKeptAt, errors.keptAt)}
      />
      <AboutSelect journal={journal} value={about} onChange={changed(setAbout)} />
    </FormDialog>
  );
}
