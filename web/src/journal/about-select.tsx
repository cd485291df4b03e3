/** Whom a journal entry or a piece of information is about: the course, or one of its members. */
import { useI18n } from '../i18n/i18n.js';
import { SelectField } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import type { CourseJournal } from './journal-api.js';

/** The course as a whole (`''`) is offered only to those who may write course-wide. */
export function AboutSelect({
  journal,
  value,
  onChange,
}: {
  journal: CourseJournal;
  value: string;
  onChange: (memberId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t('journal.about')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {journal.canWriteCourseWide && <option value="">{t('journal.about.course')}</option>}
      <NamedOptions items={journal.members} />
    </SelectField>
  );
}
