/** "Min konto": who you are, and changing your own password (which logs out your other sessions). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, asApiError, type ApiError } from '../api/client.js';
import { useUser } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert, Notice } from '../ui/feedback.js';
import { TextField, textFields } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { roleLabel } from '../users/user-labels.js';
import { MIN_PASSWORD } from '../users/users-page.js';
import { SubmitButton } from '../ui/submit-button.js';
import { Section } from '../ui/section.js';

const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/me/password', { currentPassword, newPassword });

const NO_PASSWORDS = { current: '', next: '', repeat: '' };

/** The three password fields: the current one, the new one and the new one again. */
const PASSWORD_FIELDS = [
  { key: 'current', label: 'account.current', autoComplete: 'current-password' },
  { key: 'next', label: 'account.new', autoComplete: 'new-password' },
  { key: 'repeat', label: 'account.repeat', autoComplete: 'new-password' },
] as const;

type Problems = Partial<Record<keyof typeof NO_PASSWORDS, string>>;

export function AccountPage() {
  const { t, pick } = useI18n();
  const user = useUser();
  const [passwords, setPasswords] = useState(NO_PASSWORDS);
  const { current, next, repeat } = passwords;
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Problems = {};
    if (current === '') found.current = t('account.current.missing');
    if (next.length < MIN_PASSWORD) found.next = t('users.password.short', { min: MIN_PASSWORD });
    if (repeat !== next) found.repeat = t('account.repeat.mismatch');
    setProblems(found);
    setError(undefined);
    setDone(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setPasswords(NO_PASSWORDS);
      setDone(true);
    } catch (caught) {
      const apiError = asApiError(caught);
      // The server's reasons belong beside the field they are about.
      if (apiError.code === 'invalid_credentials')
        setProblems({ current: pick(apiError.messages) });
      else if (apiError.code === 'bad_request') setProblems({ next: pick(apiError.messages) });
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const field = textFields(
    passwords,
    (key, value) => setPasswords((p) => ({ ...p, [key]: value })),
    problems,
  );
  return (
    <div className="page page--narrow">
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      <dl className="facts">
        {[
          [t('org.person.name'), user.name],
          [t('org.person.email'), user.email],
          [t('users.col.role'), roleLabel(t, user.role)],
        ].map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Section id="account-password" title={t('account.password.title')}>
        <p>{t('account.password.intro', { min: MIN_PASSWORD })}</p>
        {done && (
          <Notice onDismiss={() => setDone(false)}>
            <p>{t('account.password.changed')}</p>
          </Notice>
        )}
        <ErrorAlert error={error} />
        <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
          {/* Lets password managers tie the new password to the right account. */}
          <input
            type="email"
            name="username"
            autoComplete="username"
            value={user.email}
            readOnly
            hidden
          />
          {PASSWORD_FIELDS.map(({ key, label, autoComplete }) => (
            <TextField
              key={key}
              label={t(label)}
              {...(key === 'next'
                ? { hint: t('users.password.short', { min: MIN_PASSWORD }) }
                : {})}
              type="password"
              autoComplete={autoComplete}
              required
              {...field(key)}
            />
          ))}
          <div className="form-actions">
            <SubmitButton pending={busy}>{t('account.password.submit')}</SubmitButton>
          </div>
        </form>
      </Section>
    </div>
  );
}
