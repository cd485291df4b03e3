/** Create a measurement: texts, the groups (units) asked about, and the settings. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { asApiError, type ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { SelectField, TextField } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { createMeasurement, endOfDay, listMeasurements, type Arm } from './measurements-api.js';

export function MeasurementNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const org = useApi(() => loadOrganisation(false), 'org');
  const previous = useApi(listMeasurements, 'measurements');
  const [title, setTitle] = useState('');
  const [focalProcess, setFocalProcess] = useState('');
  const [groups, setGroups] = useState<Map<string, Arm | null>>(new Map());
  const [chooseGroups, setChooseGroups] = useState(true);
  const [includeLeadership, setIncludeLeadership] = useState(true);
  const [closesAt, setClosesAt] = useState('');
  const [minGroup, setMinGroup] = useState('5');
  const [thresholdHigh, setThresholdHigh] = useState('4.0');
  const [thresholdLow, setThresholdLow] = useState('3.5');
  const [waveLabel, setWaveLabel] = useState('1');
  const [previousId, setPreviousId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (title.trim() === '') found.title = t('measurementNew.title.missing');
    if (focalProcess.trim() === '') found.focalProcess = t('measurementNew.focal.missing');
    if (groups.size < 2) found.groups = t('measurementNew.groups.tooFew');
    const min = Number(minGroup);
    if (!Number.isInteger(min) || min < 3) found.minGroup = t('measurementNew.minGroup.invalid');
    const high = Number(thresholdHigh.replace(',', '.'));
    const low = Number(thresholdLow.replace(',', '.'));
    if (!(high >= 1 && high <= 5)) found.thresholdHigh = t('measurementNew.threshold.invalid');
    if (!(low >= 1 && low <= 5)) found.thresholdLow = t('measurementNew.threshold.invalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await createMeasurement({
        title: title.trim(),
        focalProcess: focalProcess.trim(),
        groups: [...groups.entries()].map(([unitId, arm]) => ({ unitId, arm })),
        chooseGroups,
        includeLeadership,
        closesAt: closesAt ? endOfDay(closesAt) : null,
        minGroup: min,
        thresholdHigh: high,
        thresholdLow: low,
        waveLabel: waveLabel.trim() || '1',
        previousMeasurementId: previousId || null,
      });
      void navigate(`/maalinger/${created.id}`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setGroups((current) => {
      const copy = new Map(current);
      if (on) copy.set(id, null);
      else copy.delete(id);
      return copy;
    });

  return (
    <div className="page page--narrow">
      <PageTitle title={t('measurementNew.heading')}>{t('measurementNew.heading')}</PageTitle>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} />
        <TextField
          label={t('measurementNew.title')}
          value={title}
          required
          maxLength={200}
          error={errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={t('measurementNew.focal')}
          hint={t('measurementNew.focal.hint')}
          value={focalProcess}
          required
          maxLength={200}
          error={errors.focalProcess}
          onChange={(e) => setFocalProcess(e.target.value)}
        />
        <fieldset className="fieldset field" aria-describedby="groups-hint">
          <legend className="field__label">{t('measurementNew.groups')}</legend>
          <p className="field__hint" id="groups-hint">
            {t('measurementNew.groups.hint')}
          </p>
          {org.status === 'loading' && !org.data && <Loading />}
          <ErrorAlert error={org.error} />
          <ul className="group-picker">
            {org.data?.units
              .filter((u) => !u.archived)
              .map((u) => (
                <li key={u.id} className="group-picker__row">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={groups.has(u.id)}
                      onChange={(e) => toggle(u.id, e.target.checked)}
                    />
                    {u.name}
                  </label>
                  {groups.has(u.id) && (
                    <label className="inline-field">
                      <span className="visually-hidden">
                        {t('measurementNew.arm.for', { name: u.name })}
                      </span>
                      <select
                        className="input select"
                        value={groups.get(u.id) ?? ''}
                        onChange={(e) =>
                          setGroups((c) =>
                            new Map(c).set(u.id, (e.target.value || null) as Arm | null),
                          )
                        }
                      >
                        <option value="">{t('measurementNew.arm.none')}</option>
                        <option value="intervention">{t('measurementNew.arm.intervention')}</option>
                        <option value="kontrol">{t('measurementNew.arm.kontrol')}</option>
                      </select>
                    </label>
                  )}
                </li>
              ))}
          </ul>
          {errors.groups && (
            <p className="field__error" role="alert">
              {errors.groups}
            </p>
          )}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={chooseGroups}
            onChange={(e) => setChooseGroups(e.target.checked)}
          />
          {t('measurementNew.chooseGroups')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeLeadership}
            onChange={(e) => setIncludeLeadership(e.target.checked)}
          />
          {t('measurementNew.leadership')}
        </label>
        <TextField
          label={t('measurementNew.closesAt')}
          type="date"
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
        />
        <TextField
          label={t('measurementNew.minGroup')}
          hint={t('measurementNew.minGroup.hint')}
          type="number"
          min={3}
          value={minGroup}
          error={errors.minGroup}
          onChange={(e) => setMinGroup(e.target.value)}
        />
        <TextField
          label={t('measurementNew.thresholdHigh')}
          inputMode="decimal"
          value={thresholdHigh}
          error={errors.thresholdHigh}
          onChange={(e) => setThresholdHigh(e.target.value)}
        />
        <TextField
          label={t('measurementNew.thresholdLow')}
          inputMode="decimal"
          value={thresholdLow}
          error={errors.thresholdLow}
          onChange={(e) => setThresholdLow(e.target.value)}
        />
        <TextField
          label={t('measurementNew.wave')}
          value={waveLabel}
          maxLength={40}
          onChange={(e) => setWaveLabel(e.target.value)}
        />
        <SelectField
          label={t('measurementNew.previous')}
          value={previousId}
          onChange={(e) => setPreviousId(e.target.value)}
        >
          <option value="">{t('measurementNew.previous.none')}</option>
          {previous.data?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={busy || undefined}
          >
            {busy ? t('common.working') : t('measurementNew.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
