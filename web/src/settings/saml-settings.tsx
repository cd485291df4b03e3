/**
 * The admin's SAML sign-in settings (e.g. KOMBIT adgangsstyring): our service provider's
 * facts to register with the IdP, the IdP's metadata, e-mail domains, attributes, the map
 * from named system roles to Samspil roles, and whether passwords still work.
 */
import { formatDateTime } from '../ui/format-date.js';
import { useEffect, useState, type FormEvent } from 'react';
import { api, asApiError, type ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { SubmitButton } from '../ui/submit-button.js';
import { ErrorAlert, Loading, Notice } from '../ui/feedback.js';
import { Checkbox, TextAreaField, TextField, textFields } from '../ui/field.js';
import type { SamlSettingsView } from '../../../contract/saml.schema.js';
import { SAML_DEFAULTS } from '../../../contract/saml.js';
import { Section } from '../ui/section.js';

/** KOMBIT's attribute names, the server's defaults too. */
const DEFAULTS: Record<keyof typeof SAML_DEFAULTS, string> = SAML_DEFAULTS;

const loadSaml = () => api.get<SamlSettingsView>('/api/municipality/saml');

/** One `SYSTEMROLE=ROLE` per line ↔ the map. */
const mapToText = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([name, role]) => `${name}=${role}`)
    .join('\n');
const textToMap = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const at = line.lastIndexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );

export function SamlSettings() {
  const { t, locale } = useI18n();
  const saml = useApi(loadSaml, 'saml-settings');
  const [form, setForm] = useState({
    enabled: true,
    metadataUrl: '',
    metadataXml: '',
    domains: '',
    emailAttribute: DEFAULTS.emailAttribute,
    nameAttribute: DEFAULTS.nameAttribute,
    roleAttribute: DEFAULTS.roleAttribute,
    roleMap: '',
    cvr: '',
    localPasswords: true,
  });
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const current = saml.data?.settings;

  // Fill the form from what is stored, once it has loaded (and after each save).
  useEffect(() => {
    if (!current) return;
    setForm({
      enabled: current.enabled,
      metadataUrl: current.metadataUrl ?? '',
      metadataXml: '',
      domains: current.emailDomains.join(', '),
      emailAttribute: current.emailAttribute,
      nameAttribute: current.nameAttribute,
      roleAttribute: current.roleAttribute,
      roleMap: mapToText(current.roleMap),
      cvr: current.cvr ?? '',
      localPasswords: current.localPasswords,
    });
  }, [current]);

  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const field = textFields(form, set);

  const run = async (work: () => Promise<unknown>, message: string) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      await work();
      await saml.reload();
      setSaved(message);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const xml = form.metadataXml.trim();
    const url = form.metadataUrl.trim();
    void run(
      () =>
        api.put<SamlSettingsView>('/api/municipality/saml', {
          enabled: form.enabled,
          ...(xml !== '' ? { metadataXml: xml } : url !== '' ? { metadataUrl: url } : {}),
          emailDomains: form.domains
            .split(/[,\s]+/)
            .map((d) => d.trim())
            .filter((d) => d !== ''),
          emailAttribute: form.emailAttribute,
          nameAttribute: form.nameAttribute,
          roleAttribute: form.roleAttribute,
          roleMap: textToMap(form.roleMap),
          cvr: form.cvr.trim() === '' ? null : form.cvr.trim(),
          localPasswords: form.localPasswords,
        }),
      t('settings.saml.saved'),
    );
  };

  const sp = saml.data?.serviceProvider;
  return (
    <Section id="settings-saml" title={t('settings.saml.title')}>
      <p>{t('settings.saml.text')}</p>
      {saml.status === 'loading' && !saml.data && <Loading />}
      <ErrorAlert error={saml.error} />
      {sp && (
        <dl className="facts">
          <div>
            <dt>{t('settings.saml.spEntityId')}</dt>
            <dd>
              <code>{sp.entityId}</code>
            </dd>
          </div>
          <div>
            <dt>{t('settings.saml.spMetadata')}</dt>
            <dd>
              <a href={sp.metadataUrl}>{sp.metadataUrl}</a>
            </dd>
          </div>
          <div>
            <dt>{t('settings.saml.acs')}</dt>
            <dd>
              <code>{sp.acsUrl}</code>
            </dd>
          </div>
          {current && (
            <div>
              <dt>{t('settings.saml.idp')}</dt>
              <dd>
                <code>{current.idpEntityId}</code>{' '}
                {t('settings.saml.idpFacts', {
                  count: current.idpCertificateCount,
                  date: formatDateTime(current.metadataFetchedAt, locale),
                })}
              </dd>
            </div>
          )}
        </dl>
      )}
      {saml.data && (
        <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
          <Checkbox
            label={t('settings.saml.enabled')}
            checked={form.enabled}
            onChange={(on) => set('enabled', on)}
          />
          <TextField
            label={t('settings.saml.metadataUrl')}
            hint={t('settings.saml.metadataUrlHint')}
            type="url"
            {...field('metadataUrl')}
          />
          <TextAreaField
            label={t('settings.saml.metadataXml')}
            hint={t('settings.saml.metadataXmlHint')}
            rows={3}
            {...field('metadataXml')}
          />
          <TextField
            label={t('settings.saml.domains')}
            hint={t('settings.saml.domainsHint')}
            required
            {...field('domains')}
          />
          <TextField label={t('settings.saml.emailAttribute')} {...field('emailAttribute')} />
          <TextField label={t('settings.saml.nameAttribute')} {...field('nameAttribute')} />
          <TextField
            label={t('settings.saml.roleAttribute')}
            hint={t('settings.saml.roleAttributeHint')}
            {...field('roleAttribute')}
          />
          <TextAreaField
            label={t('settings.saml.roleMap')}
            hint={t('settings.saml.roleMapHint')}
            rows={4}
            {...field('roleMap')}
          />
          <TextField
            label={t('settings.saml.cvr')}
            hint={t('settings.saml.cvrHint')}
            inputMode="numeric"
            {...field('cvr')}
          />
          <Checkbox
            label={t('settings.saml.localPasswords')}
            checked={form.localPasswords}
            onChange={(on) => set('localPasswords', on)}
          />
          {saved && <Notice onDismiss={() => setSaved(undefined)}>{saved}</Notice>}
          <ErrorAlert error={error} />
          <div className="form-actions">
            <SubmitButton pending={busy}>{t('settings.saml.save')}</SubmitButton>
            {current && (
              <Button
                variant="quiet-danger"
                aria-disabled={busy || undefined}
                onClick={() =>
                  void run(() => api.delete('/api/municipality/saml'), t('settings.saml.removed'))
                }
              >
                {t('settings.saml.remove')}
              </Button>
            )}
          </div>
        </form>
      )}
    </Section>
  );
}
