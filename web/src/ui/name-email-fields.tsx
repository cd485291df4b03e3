/** The name and e-mail fields of a person or a user, and the e-mail rule they share. */
import { useI18n } from '../i18n/i18n.js';
import { TextField, textFields } from './field.js';

/** The same rule as the import: something@something.something, no spaces. */
export const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** A person's or a user's name and e-mail, edited together. */
export interface NameEmail {
  name: string;
  email: string;
}

export function NameEmailFields({
  value,
  set,
  errors,
  emailHint,
}: {
  value: NameEmail;
  set: (update: (value: NameEmail) => NameEmail) => void;
  errors: { name?: string | undefined; email?: string | undefined };
  emailHint?: string;
}) {
  const { t } = useI18n();
  const field = textFields(value, (key, text) => set((v) => ({ ...v, [key]: text })), errors);
  return (
    <>
      <TextField label={t('org.person.name')} required autoComplete="off" {...field('name')} />
      <TextField
        label={t('org.person.email')}
        {...(emailHint ? { hint: emailHint } : {})}
        type="email"
        inputMode="email"
        required
        autoComplete="off"
        {...field('email')}
      />
    </>
  );
}
