/** The login page: e-mail and password, with the server's reason when it refuses. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { asApiError, type ApiError } from '../api/client.js';
import { LanguageSwitch, useI18n, type MessageKey } from '../i18n/i18n.js';
import { ErrorAlert, Notice } from '../ui/feedback.js';
import { TextField } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import type { LoginState } from './require-auth.js';
import { useSession, type SessionNotice } from './session.js';
import { SiteFooter } from '../ui/site-footer.js';

const NOTICES: Record<SessionNotice, MessageKey> = {
  expired: 'login.notice.expired',
  unauthenticated: 'login.notice.unauthenticated',
  loggedOut: 'login.notice.loggedOut',
};

/** Only paths inside the app, never another site. */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, login, notice } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const target = safeTarget((location.state as LoginState | null)?.from);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  if (user && !busy) return <Navigate to={target} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: typeof fieldErrors = {};
    if (email.trim() === '') problems.email = t('login.email.missing');
    if (password === '') problems.password = t('login.password.missing');
    setFieldErrors(problems);
    setError(undefined);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await login(email.trim(), password);
      void navigate(target, { replace: true });
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <header className="login__language">
        <LanguageSwitch />
      </header>
      <main id="main" className="login__card" tabIndex={-1}>
        <p className="brand brand--large" aria-hidden="true">
          <span className="brand__mark" />
          Samspil
        </p>
        <PageTitle title={t('login.title')}>{t('login.title')}</PageTitle>
        <p className="login__intro">{t('login.intro')}</p>
        {notice && !error && <Notice tone="info">{t(NOTICES[notice])}</Notice>}
        <ErrorAlert error={error} />
        <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            error={fieldErrors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            error={fieldErrors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button
            type="submit"
            className="button button--primary button--block"
            aria-disabled={busy || undefined}
          >
            {busy && <span className="spinner spinner--inverse" aria-hidden="true" />}
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
      <SiteFooter label={t('common.accessibilityStatement')} />
    </div>
  );
}
