/** The citizen's contact details, as the new-course form and the edit dialog ask for them. */
import { useI18n } from '../i18n/i18n.js';
import { ChoiceField, TextField } from '../ui/field.js';
import { CONTACT_FORMS, type ContactForm } from './courses-api.js';
import { contactLabel } from './course-labels.js';

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
        value={props.phone}
        error={props.errors.phone}
        onChange={(e) => props.onPhone(e.target.value)}
      />
      <TextField
        label={t('courses.citizen.email')}
        type="email"
        inputMode="email"
        autoComplete="off"
        maxLength={254}
        value={props.email}
        error={props.errors.email}
        onChange={(e) => props.onEmail(e.target.value)}
      />
      <TextField
        label={t('courses.citizen.address')}
        autoComplete="off"
        maxLength={300}
        value={props.address}
        onChange={(e) => props.onAddress(e.target.value)}
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
