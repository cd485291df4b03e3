/** The municipality's settings: today the consent to the benchmark across municipalities. */
import { useState } from 'react';
import type { MunicipalitySettings } from '../../../contract/municipality.schema.js';
import { can } from '../../../contract/permissions.js';
import { api, asApiError, type ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useUser } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert, Loading, Notice } from '../ui/feedback.js';
import { Checkbox } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { SamlSettings } from './saml-settings.js';
import { OidcSettings } from './oidc-settings.js';
import { Section } from '../ui/section.js';

const loadSettings = () => api.get<MunicipalitySettings>('/api/municipality/settings');
const saveConsent = (consent: boolean) =>
  api.put<MunicipalitySettings>('/api/municipality/benchmark-consent', { consent });

export function SettingsPage() {
  const { t } = useI18n();
  const user = useUser();
  const settings = useApi(loadSettings, 'municipality-settings');
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // The box shows the new choice at once, while it is being saved.
  const [pending, setPending] = useState<boolean>();
  const isAdmin = can(user.role, 'settings.edit');

  const change = async (consent: boolean) => {
    if (busy) return;
    setBusy(true);
    setPending(consent);
    setError(undefined);
    setSaved(false);
    try {
      await saveConsent(consent);
      await settings.reload();
      setSaved(true);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(undefined);
      setBusy(false);
    }
  };

  return (
    <div className="page page--narrow">
      <PageTitle title={t('settings.title')}>{t('settings.title')}</PageTitle>
      {settings.status === 'loading' && !settings.data && <Loading />}
      <ErrorAlert error={settings.error} />
      {settings.data && (
        <Section id="settings-benchmark" title={t('settings.benchmark.title')}>
          <p>{t('settings.benchmark.text')}</p>
          {isAdmin ? (
            <Checkbox
              label={t('settings.benchmark.consent')}
              checked={pending ?? settings.data.benchmarkConsent}
              onChange={(on) => void change(on)}
            />
          ) : (
            <p className="muted">
              {t('settings.benchmark.consent')}:{' '}
              <strong>{settings.data.benchmarkConsent ? '✓' : '–'}</strong>.{' '}
              {t('settings.benchmark.adminOnly')}
            </p>
          )}
          {saved && (
            <Notice onDismiss={() => setSaved(false)}>{t('settings.benchmark.saved')}</Notice>
          )}
          <ErrorAlert error={error} />
        </Section>
      )}
      {isAdmin && <SamlSettings />}
      {isAdmin && <OidcSettings />}
    </div>
  );
}
