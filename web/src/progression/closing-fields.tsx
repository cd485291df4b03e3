/**
 * The two questions of a course's closing (docs/progression.md): the citizen's experience of
 * the course and the education/employment status, asked on the progression tab and in the
 * dialog that closes a course.
 */
import { CLOSING_STATUSES, type ClosingStatus } from '../../../contract/progression.js';
import type { ClosingInput } from '../../../contract/progression.schema.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { SelectField } from '../ui/field.js';

/** What the two fields hold: empty strings while nothing is chosen. */
export interface ClosingChoice {
  experience: string;
  status: ClosingStatus | '';
}

/** The closing to send, or undefined when neither question was answered. */
export function closingOf(choice: ClosingChoice): ClosingInput | undefined {
  if (!choice.experience && !choice.status) return undefined;
  return {
    status: choice.status || 'ukendt',
    ...(choice.experience ? { experience: Number(choice.experience) } : {}),
  };
}

/** The experience (1–5 or not stated) and status selects. */
export function ClosingFields({
  value,
  onChange,
}: {
  value: ClosingChoice;
  onChange: (value: ClosingChoice) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        label={t('trial.closing.experience')}
        value={value.experience}
        onChange={(e) => onChange({ ...value, experience: e.target.value })}
      >
        <option value="">{t('trial.closing.noExperience')}</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {t(`trial.experience.${n}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('trial.closing.status')}
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.target.value as ClosingStatus })}
      >
        <option value="">{t('trial.closing.chooseStatus')}</option>
        {CLOSING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`trial.status.${s}` as MessageKey)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
