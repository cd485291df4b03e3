/** The citizen's contact details, as the new-course form and the edit dialog ask for them. */
import { useI18n } from '../i18n/i18n.js';
import { ChoiceField, TextField, textFields } from '../ui/field.js';
import { CONTACT_FORMS, TARGET_GROUPS, type ContactForm, type TargetGroup } from './courses-api.js';
import { contactLabel, targetGroupLabel } from './course-labels.js';

/** The citizen's contact details as one form value. */
export interface ContactDetails {
  phone: string;
  email: string;
  address: string;
  contact: ContactForm;
}

/** The text fields of the contact details, each with its own input attributes. */
const TEXT_FIELDS = [
  ['phone', { type: 'tel', maxLength: 40 }],
  ['email', { type: 'email', inputMode: 'email', maxLength: 254 }],
  ['address', { maxLength: 300 }],
] as const;

/** Phone, e-mail, address and preferred contact form. */
export function ContactFields({
  value,
  set,
  errors,
}: {
  value: ContactDetails;
  set: (update: (value: ContactDetails) => ContactDetails) => void;
  errors: { phone?: string | undefined; email?: string | undefined };
}) {
  const { t } = useI18n();
  const field = textFields(value, (key, text) => set((v) => ({ ...v, [key]: text })), errors);
  return (
    <>
      {TEXT_FIELDS.map(([key, attributes]) => (
        <TextField
          key={key}
          label={t(`courses.citizen.${key}`)}
          autoComplete="off"
          {...attributes}
          {...field(key)}
        />
      ))}
      <ChoiceField
        label={t('courses.citizen.contact')}
        value={value.contact}
        choices={CONTACT_FORMS}
        choiceLabel={(c) => contactLabel(t, c)}
        onChange={(contact) => set((v) => ({ ...v, contact }))}
      />
    </>
  );
}

/** The target group of a course, as the new-course form and the edit dialog ask for it. */
export function TargetGroupField({
  value,
  onChange,
}: {
  value: TargetGroup;
  onChange: (value: TargetGroup) => void;
}) {
  const { t } = useI18n();
  return (
    <ChoiceField
      label={t('courses.col.target')}
      value={value}
      choices={TARGET_GROUPS}
      choiceLabel={(g) => targetGroupLabel(t, g)}
      onChange={onChange}
    />
  );
}
