/**
 * The admin's OpenID Connect settings: the staff provider (Entra ID, AD FS, …) and the
 * citizens' MitID broker. The client secret is write-only; leaving it empty keeps it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, asApiError, type ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { ErrorAlert, Notice } from '../ui/feedback.js';
import { Checkbox, TextAreaField, TextField, textFields } from '../ui/field.js';
import type { OidcProviderAnswer } from '../../../contract/oidc.schema.js';
import { Section } from '../ui/section.js';

type Purpose = 'staff' | 'citizen';

const EMPTY = {
  issuer: '',
  clientId: '',
  clientSecret: '',
  emailClaim: 'email',
  roleClaim: '',
  roleMap: '',
  domains: '',
  passwordsAllowed: true,
  cprClaim: 'dk:gov:cpr',
};

function ProviderForm({ purpose }: { purpose: Purpose }) {
  const { t } = useI18n();
  const loaded = useApi(
    () => api.get<OidcProviderAnswer>(`/api/municipality/oidc/${purpose}`),
    `oidc-${purpose}`,
  );
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<'saved' | 'removed'>();
  const provider = loaded.data?.provider ?? null;

  useEffect(() => {
    if (!provider) return;
    setForm({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: '',
      emailClaim: provider.emailClaim,
      roleClaim: provider.roleClaim ?? '',
      roleMap: Object.entries(provider.roleMap)
        .map(([value, role]) => `${value}=${role}`)
        .join('\n'),
      domains: provider.domains.join(', '),
      passwordsAllowed: provider.passwordsAllowed,
      cprClaim: provider.cprClaim,
    });
  }, [provider]);

  const field = textFields(form, (key, value) => setForm((f) => ({ ...f, [key]: value })));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(undefined);
    const roleMap = Object.fromEntries(
      form.roleMap
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => [
          line.slice(0, line.lastIndexOf('=')).trim(),
          line.slice(line.lastIndexOf('=') + 1).trim(),
        ]),
    );
    try {
      await api.put(`/api/municipality/oidc/${purpose}`, {
        issuer: form.issuer.trim(),
        clientId: form.clientId.trim(),
        ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
        ...(purpose === 'staff'
          ? {
              emailClaim: form.emailClaim.trim() || 'email',
              roleClaim: form.roleClaim.trim() || null,
              roleMap,
              domains: form.domains
                .split(',')
                .map((d) => d.trim())
                .filter(Boolean),
              passwordsAllowed: form.passwordsAllowed,
            }
          : { cprClaim: form.cprClaim.trim() || 'dk:gov:cpr' }),
      });
      await loaded.reload();
      setDone('saved');
    } catch (caught) {
      setError(asApiError(caught));
    }
  };

  const remove = async () => {
    setError(undefined);
    try {
      await api.delete(`/api/municipality/oidc/${purpose}`);
      setForm(EMPTY);
      await loaded.reload();
      setDone('removed');
    } catch (caught) {
      setError(asApiError(caught));
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void save(e)}>
      <h3>{t(purpose === 'staff' ? 'settings.oidc.staff' : 'settings.oidc.citizen')}</h3>
      <TextField label={t('settings.oidc.issuer')} type="url" {...field('issuer')} />
      <TextField label={t('settings.oidc.clientId')} {...field('clientId')} />
      <TextField
        label={t('settings.oidc.clientSecret')}
        type="password"
        autoComplete="off"
        hint={provider ? t('settings.oidc.secretKept') : undefined}
        {...field('clientSecret')}
      />
      {purpose === 'staff' ? (
        <>
          <TextField label={t('settings.oidc.emailClaim')} {...field('emailClaim')} />
          <TextField label={t('settings.oidc.roleClaim')} {...field('roleClaim')} />
          <TextAreaField label={t('settings.oidc.roleMap')} rows={3} {...field('roleMap')} />
          <TextField label={t('settings.oidc.domains')} {...field('domains')} />
          <Checkbox
            label={t('settings.oidc.passwords')}
            checked={form.passwordsAllowed}
            onChange={(on) => setForm((f) => ({ ...f, passwordsAllowed: on }))}
          />
        </>
      ) : (
        <TextField label={t('settings.oidc.cprClaim')} {...field('cprClaim')} />
      )}
      {provider && (
        <p className="muted">{t('settings.oidc.callback', { url: provider.callbackUrl })}</p>
      )}
      <div className="dialog__actions">
        <Button type="submit" variant="primary">
          {t('settings.oidc.save')}
        </Button>
        {provider && <Button onClick={() => void remove()}>{t('settings.oidc.remove')}</Button>}
      </div>
      {done && <Notice onDismiss={() => setDone(undefined)}>{t(`settings.oidc.${done}`)}</Notice>}
      <ErrorAlert error={error} />
    </form>
  );
}

/** The two OpenID Connect providers of the municipality (admins only). */
export function OidcSettings() {
  const { t } = useI18n();
  return (
    <Section id="settings-oidc" title={t('settings.oidc.title')}>
      <p>{t('settings.oidc.text')}</p>
      <ProviderForm purpose="staff" />
      <ProviderForm purpose="citizen" />
    </Section>
  );
}
