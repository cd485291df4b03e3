/** The name and e-mail fields of a person or a user, and the e-mail rule they share. */
import { useI18n } from '../i18n/i18n.js';
import { TextField } from './field.js';

/** The same rule as the import: something@something.something, no spaces. */
export const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function NameEmailFields({
  name,
  email,
  onName,
  onEmail,
  errors,
  emailHint,
}: {
  name: string;
  email: string;
  onName: (name: string) => void;
  onEmail: (email: string) => void;
  errors: { name?: string | undefined; email?: string | undefined };
  emailHint?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('org.person.name')}
        required
        autoComplete="off"
        value={name}
        error={errors.name}
        onChange={(e) => onName(e.target.value)}
      />
      <TextField
        label={t('org.person.email')}
        {...(emailHint ? { hint: emailHint } : {})}
        type="email"
        inputMode="email"
        required
        autoComplete="off"
        value={email}
        error={errors.email}
        onChange={(e) => onEmail(e.target.value)}
      />
    </>
  );
}
