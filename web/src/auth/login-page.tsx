/**
 * The login page, e-mail first: the e-mail's domain decides whether a password field or
 * the municipality's own sign-in ("Log ind med Aarhus Kommunes login") is offered
 * (`POST /api/auth/sso/discover`), with the server's reason when it refuses.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, asApiError, type ApiError } from '../api/client.js';
import { LanguageSwitch, useI18n, type MessageKey } from '../i18n/i18n.js';
import { Button, buttonClass } from '../ui/button.js';
import { ErrorAlert, Notice } from '../ui/feedback.js';
import { TextField, bindText } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import type { LoginState } from './require-auth.js';
import { useSession, type SessionNotice } from './session.js';
import { SiteFooter } from '../ui/site-footer.js';

const NOTICES: Record<SessionNotice, MessageKey> = {
  expired: 'login.notice.expired',
  unauthenticated: 'login.notice.unauthenticated',
  loggedOut: 'login.notice.loggedOut',
};

/** The sign-in refusals the OpenID Connect callback sends back (`/login?sso=reason`). */
const SSO_REASONS = [
  'state',
  'expired',
  'provider',
  'email',
  'domain',
  'no-role',
  'disabled',
] as const;

/** How the e-mail signs in, as the server says from its domain. */
type SignInMethod =
  | { method: 'password' }
  | {
      method: 'oidc' | 'saml';
      municipalityName: string;
      url: string;
      passwordAllowed: boolean;
    };

const domainOf = (email: string) => {
  const match = /@([^@\s]+\.[^@\s]+)$/.exec(email.trim());
  return match ? match[1]!.toLowerCase() : '';
};

/** Only paths inside the app, never another site. */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
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

  const ssoReason = new URLSearchParams(location.search).get('sso');
  const ssoError = SSO_REASONS.find((r) => r === ssoReason);
  // The sign-in method per domain: asked once per domain, a moment after typing stops.
  const [methods, setMethods] = useState<Record<string, SignInMethod>>({});
  const domain = domainOf(email);
  const method = domain ? methods[domain] : undefined;
  useEffect(() => {
    if (!domain || methods[domain]) return;
    const timer = setTimeout(() => {
      api
        .post<SignInMethod>('/api/auth/sso/discover', { email: email.trim() })
        .then((found) => setMethods((known) => ({ ...known, [domain]: found })))
        .catch(() => setMethods((known) => ({ ...known, [domain]: { method: 'password' } })));
    }, 250);
    return () => clearTimeout(timer);
  }, [domain, email, methods]);
  const showPassword =
    method !== undefined && (method.method === 'password' || method.passwordAllowed);

  if (user && !busy) return <Navigate to={target} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: typeof fieldErrors = {};
    if (email.trim() === '') problems.email = t('login.email.missing');
    else if (!domain) problems.email = t('login.email.invalid');
    if (!showPassword) {
      setFieldErrors(problems);
      return;
    }
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
        {notice && !error && !ssoError && <Notice tone="info">{t(NOTICES[notice])}</Notice>}
        {ssoError && !error && (
          <div className="alert alert--error" role="alert">
            {t(`login.sso.${ssoError}` as MessageKey)}
          </div>
        )}
        <ErrorAlert error={error} />
        <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            {...bindText(email, setEmail, fieldErrors.email)}
          />
          {method !== undefined && method.method !== 'password' && (
            <div className="login__sso">
              <a className={buttonClass('primary', { block: true })} href={method.url}>
                {t('login.sso.button', {
                  name: method.municipalityName,
                  // Danish genitive: "Aarhus Kommunes", "Faxe'".
                  genitive: /[sxz]$/i.test(method.municipalityName)
                    ? `${method.municipalityName}'`
                    : `${method.municipalityName}s`,
                })}
              </a>
              {method.passwordAllowed && <p className="muted">{t('login.sso.orPassword')}</p>}
            </div>
          )}
          {showPassword && (
            <TextField
              label={t('login.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              {...bindText(password, setPassword, fieldErrors.password)}
            />
          )}
          {(showPassword || method === undefined) && (
            <Button
              type="submit"
              variant={
                method !== undefined && method.method !== 'password' ? 'secondary' : 'primary'
              }
              block
              pending={busy}
              pendingLabel={t('login.submitting')}
            >
              {showPassword ? t('login.submit') : t('login.next')}
            </Button>
          )}
        </form>
      </main>
      <SiteFooter label={t('common.accessibilityStatement')} />
    </div>
  );
}
