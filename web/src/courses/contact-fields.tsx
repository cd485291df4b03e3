/** The citizen's contact details, as the new-course form and the edit dialog ask for them. */
import { useI18n } from '../i18n/i18n.js';
import { bindText, ChoiceField, TextField } from '../ui/field.js';
import { CONTACT_FORMS, TARGET_GROUPS, type ContactForm, type TargetGroup } from './courses-api.js';
import { contactLabel, targetGroupLabel } from './course-labels.js';

/** Phone, e-mail, address and preferred contact form, each with its own setter. */
export function ContactFields(props: {
  phone: string;
  email: string;
  address: string;
  contact: ContactForm;
  errors: { phone?: string | undefined; email?: string | undefined };
  onPhone: (value: string) => void;
  onEmail: (value: string) => void;
  onAddress: (value: string) => void;
  onContact: (value: ContactForm) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('courses.citizen.phone')}
        type="tel"
        autoComplete="off"
        maxLength={40}
        {...bindText(props.phone, props.onPhone, props.errors.phone)}
      />
      <TextField
        label={t('courses.citizen.email')}
        type="email"
        inputMode="email"
        autoComplete="off"
        maxLength={254}
        {...bindText(props.email, props.onEmail, props.errors.email)}
      />
      <TextField
        label={t('courses.citizen.address')}
        autoComplete="off"
        maxLength={300}
        {...bindText(props.address, props.onAddress)}
      />
      <ChoiceField
        label={t('courses.citizen.contact')}
        value={props.contact}
        choices={CONTACT_FORMS}
        choiceLabel={(c) => contactLabel(t, c)}
        onChange={props.onContact}
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
