/**
 * The settings of a measurement as a form: texts, the groups asked about with their arm
 * (units, or professions across units), and the settings. Creating a measurement and
 * editing a draft use it.
 */
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import { professionLabel, professionsOf } from '../org/profession.js';
import { ErrorAlert, LoadStatus } from '../ui/feedback.js';
import { Checkbox, SelectField, TextField } from '../ui/field.js';
import {
  endOfDay,
  FOCAL_KINDS,
  GROUP_KINDS,
  type Arm,
  type FocalKind,
  type Flow,
  type GroupKind,
  type Measurement,
} from './measurements-api.js';
import { Button } from '../ui/button.js';

/** What the form holds, as typed. Dates are the date inputs' `yyyy-mm-dd`. */
export interface MeasurementValues {
  title: string;
  focalProcess: string;
  focalKind: FocalKind | '';
  /** Whether the groups are units or professions across units. */
  groupKind: GroupKind;
  groups: Map<string, Arm | null>;
  /** The hand-over role of each chosen group (absent = none). */
  flows: Map<string, Flow>;
  /** The chosen professions (as stored: lower case) with their arm. */
  professions: Map<string, Arm | null>;
  chooseGroups: boolean;
  includeLeadership: boolean;
  opensAt: string;
  closesAt: string;
  minGroup: string;
  thresholdHigh: string;
  thresholdLow: string;
  waveLabel: string;
}

/** The checked values, ready for the API. */
export interface MeasurementSettings {
  title: string;
  focalProcess: string;
  focalKind: FocalKind | null;
  groupKind: GroupKind;
  /** The units, when the groups are units (else empty). */
  groups: { unitId: string; arm: Arm | null; flow: Flow | null }[];
  /** The professions, when the groups are professions (else empty). */
  professions: { name: string; arm: Arm | null }[];
  chooseGroups: boolean;
  includeLeadership: boolean;
  opensAt: string | null;
  closesAt: string | null;
  minGroup: number;
  thresholdHigh: number;
  thresholdLow: number;
  waveLabel: string;
}

export const EMPTY_VALUES: MeasurementValues = {
  title: '',
  focalProcess: '',
  focalKind: '',
  groupKind: 'unit',
  groups: new Map(),
  flows: new Map(),
  professions: new Map(),
  chooseGroups: true,
  includeLeadership: true,
  opensAt: '',
  closesAt: '',
  minGroup: '5',
  thresholdHigh: '4.0',
  thresholdLow: '3.5',
  waveLabel: '1',
};

/** An ISO time as a date input's value, in local time. */
const dateValue = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The form's values for an existing measurement. */
export function valuesOf(
  m: Measurement,
  all: { id: string; kind?: string; arm: Arm | null; flow?: Flow | null }[],
): MeasurementValues {
  const byProfession = m.groupKind === 'profession';
  const groups = byProfession ? [] : all;
  return {
    title: m.title,
    focalProcess: m.focalProcess,
    focalKind: m.focalKind ?? '',
    groupKind: m.groupKind,
    groups: new Map(groups.map((g) => [g.id, g.arm])),
    flows: new Map(groups.flatMap((g) => (g.flow ? [[g.id, g.flow] as const] : []))),
    professions: new Map(byProfession ? all.map((g) => [g.id, g.arm]) : []),
    chooseGroups: m.chooseGroups,
    includeLeadership: m.includeLeadership,
    opensAt: dateValue(m.opensAt),
    closesAt: dateValue(m.closesAt),
    minGroup: String(m.minGroup),
    thresholdHigh: String(m.thresholdHigh),
    thresholdLow: String(m.thresholdLow),
    waveLabel: m.waveLabel,
  };
}

/** The values as settings for the API (without checking them). */
export function settingsOf(v: MeasurementValues): MeasurementSettings {
  return {
    title: v.title.trim(),
    focalProcess: v.focalProcess.trim(),
    focalKind: v.focalKind || null,
    groupKind: v.groupKind,
    // Only the chosen kind's groups: the server refuses the other kind beside them.
    groups:
      v.groupKind === 'unit'
        ? [...v.groups.entries()]
            .map(([unitId, arm]) => ({ unitId, arm, flow: v.flows.get(unitId) ?? null }))
            .sort((a, b) => a.unitId.localeCompare(b.unitId))
        : [],
    professions:
      v.groupKind === 'profession'
        ? [...v.professions.entries()]
            .map(([name, arm]) => ({ name, arm }))
            .sort((a, b) => a.name.localeCompare(b.name, 'da'))
        : [],
    chooseGroups: v.chooseGroups,
    includeLeadership: v.includeLeadership,
    opensAt: v.opensAt ? new Date(`${v.opensAt}T00:00:00`).toISOString() : null,
    closesAt: v.closesAt ? endOfDay(v.closesAt) : null,
    minGroup: Number(v.minGroup),
    thresholdHigh: Number(v.thresholdHigh.replace(',', '.')),
    thresholdLow: Number(v.thresholdLow.replace(',', '.')),
    waveLabel: v.waveLabel.trim() || '1',
  };
}

export function MeasurementForm({
  initial,
  showOpensAt = false,
  submitLabel,
  onSubmit,
  children,
  actions,
}: {
  initial: MeasurementValues;
  /** Also ask for the opening date (editing a draft). */
  showOpensAt?: boolean;
  submitLabel: string;
  onSubmit: (settings: MeasurementSettings) => Promise<void>;
  /** More fields, after the settings. */
  children?: ReactNode;
  /** More buttons, after the submit button. */
  actions?: ReactNode;
}) {
  const { t, tn } = useI18n();
  const org = useApi(() => loadOrganisation(false), 'org');
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending: busy, error } = useAction();

  const set = <K extends keyof MeasurementValues>(key: K, value: MeasurementValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const settings = settingsOf(values);
    const found: Record<string, string> = {};
    if (settings.title === '') found.title = t('measurementNew.title.missing');
    if (settings.focalProcess === '') found.focalProcess = t('measurementNew.focal.missing');
    if (settings.groupKind === 'unit' && settings.groups.length < 2)
      found.groups = t('measurementNew.groups.tooFew');
    if (settings.groupKind === 'profession' && settings.professions.length < 2)
      found.professions = t('measurementNew.professions.tooFew');
    if (!Number.isInteger(settings.minGroup) || settings.minGroup < 3)
      found.minGroup = t('measurementNew.minGroup.invalid');
    if (!(settings.thresholdHigh >= 1 && settings.thresholdHigh <= 5))
      found.thresholdHigh = t('measurementNew.threshold.invalid');
    if (!(settings.thresholdLow >= 1 && settings.thresholdLow <= 5))
      found.thresholdLow = t('measurementNew.threshold.invalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await run(() => onSubmit(settings));
  };

  const toggle = (id: string, on: boolean) =>
    setValues((current) => {
      const groups = new Map(current.groups);
      const flows = new Map(current.flows);
      if (on) groups.set(id, null);
      else {
        groups.delete(id);
        flows.delete(id);
      }
      return { ...current, groups, flows };
    });

  const toggleProfession = (name: string, on: boolean) =>
    setValues((current) => {
      const chosen = new Map(current.professions);
      if (on) chosen.set(name, null);
      else chosen.delete(name);
      return { ...current, professions: chosen };
    });
  // The municipality's professions, and any chosen one no active person has any more.
  const inUse = professionsOf(org.data?.people ?? []);
  const professions = [
    ...inUse,
    ...[...values.professions.keys()]
      .filter((name) => !inUse.some((p) => p.name === name))
      .map((name) => ({ name, people: 0 })),
  ];

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorAlert error={error} />
      <TextField
        label={t('measurementNew.title')}
        value={values.title}
        required
        maxLength={200}
        error={errors.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextField
        label={t('measurementNew.focal')}
        hint={t('measurementNew.focal.hint')}
        value={values.focalProcess}
        required
        maxLength={200}
        error={errors.focalProcess}
        onChange={(e) => set('focalProcess', e.target.value)}
      />
      <SelectField
        label={t('measurementNew.focalKind')}
        hint={t('measurementNew.focalKind.hint')}
        value={values.focalKind}
        onChange={(e) => set('focalKind', e.target.value as FocalKind | '')}
      >
        <option value="">{t('measurementNew.focalKind.none')}</option>
        {FOCAL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`focalKind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset field" aria-describedby="group-kind-hint">
        <legend className="field__label">{t('measurementNew.groupKind')}</legend>
        <p className="field__hint" id="group-kind-hint">
          {t('measurementNew.groupKind.hint')}
        </p>
        <div className="choices">
          {GROUP_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="group-kind"
                value={kind}
                checked={values.groupKind === kind}
                onChange={() => set('groupKind', kind)}
              />
              <span>
                <span className="choice__label">{t(`measurementNew.groupKind.${kind}`)}</span>
                <span className="choice__hint">{t(`measurementNew.groupKind.${kind}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {values.groupKind === 'unit' && (
        <fieldset className="fieldset field" aria-describedby="groups-hint">
          <legend className="field__label">{t('measurementNew.groups')}</legend>
          <p className="field__hint" id="groups-hint">
            {t('measurementNew.groups.hint')}
          </p>
          <LoadStatus state={org} />
          <ul className="group-picker">
            {org.data?.units
              .filter((u) => !u.archived || values.groups.has(u.id))
              .map((u) => (
                <li key={u.id} className="group-picker__row">
                  <Checkbox
                    label={u.name}
                    checked={values.groups.has(u.id)}
                    onChange={(on) => toggle(u.id, on)}
                  />
                  {values.groups.has(u.id) && (
                    <label className="inline-field">
                      <span className="visually-hidden">
                        {t('measurementNew.arm.for', { name: u.name })}
                      </span>
                      <select
                        className="input select"
                        value={values.groups.get(u.id) ?? ''}
                        onChange={(e) =>
                          set(
                            'groups',
                            new Map(values.groups).set(
                              u.id,
                              (e.target.value || null) as Arm | null,
                            ),
                          )
                        }
                      >
                        <option value="">{t('measurementNew.arm.none')}</option>
                        <option value="intervention">{t('measurementNew.arm.intervention')}</option>
                        <option value="kontrol">{t('measurementNew.arm.kontrol')}</option>
                      </select>
                    </label>
                  )}
                  {values.groups.has(u.id) && (
                    <label className="inline-field">
                      <span className="visually-hidden">
                        {t('measurementNew.flow.for', { name: u.name })}
                      </span>
                      <select
                        className="input select"
                        value={values.flows.get(u.id) ?? ''}
                        onChange={(e) => {
                          const flows = new Map(values.flows);
                          if (e.target.value) flows.set(u.id, e.target.value as Flow);
                          else flows.delete(u.id);
                          set('flows', flows);
                        }}
                      >
                        <option value="">{t('measurementNew.flow.none')}</option>
                        <option value="sender">{t('measurementNew.flow.sender')}</option>
                        <option value="receiver">{t('measurementNew.flow.receiver')}</option>
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
      )}
      {values.groupKind === 'profession' && (
        <fieldset className="fieldset field" aria-describedby="professions-hint">
          <legend className="field__label">{t('measurementNew.professions')}</legend>
          <p className="field__hint" id="professions-hint">
            {t('measurementNew.professions.hint')}
          </p>
          <LoadStatus state={org} />
          {org.data && professions.length === 0 && (
            <p className="muted">{t('measurementNew.professions.none')}</p>
          )}
          <ul className="group-picker">
            {professions.map(({ name, people }) => (
              <li key={name} className="group-picker__row">
                <Checkbox
                  label={professionLabel(name)}
                  checked={values.professions.has(name)}
                  onChange={(on) => toggleProfession(name, on)}
                />
                <span className="muted">
                  {tn(
                    people,
                    'measurementNew.professions.people.one',
                    'measurementNew.professions.people.other',
                  )}
                </span>
                {values.professions.has(name) && (
                  <label className="inline-field">
                    <span className="visually-hidden">
                      {t('measurementNew.arm.for', { name: professionLabel(name) })}
                    </span>
                    <select
                      className="input select"
                      value={values.professions.get(name) ?? ''}
                      onChange={(e) =>
                        set(
                          'professions',
                          new Map(values.professions).set(
                            name,
                            (e.target.value || null) as Arm | null,
                          ),
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
          {errors.professions && (
            <p className="field__error" role="alert">
              {errors.professions}
            </p>
          )}
        </fieldset>
      )}
      <Checkbox
        label={t('measurementNew.chooseGroups')}
        checked={values.chooseGroups}
        onChange={(on) => set('chooseGroups', on)}
      />
      <Checkbox
        label={t('measurementNew.leadership')}
        checked={values.includeLeadership}
        onChange={(on) => set('includeLeadership', on)}
      />
      {showOpensAt && (
        <TextField
          label={t('measurementNew.opensAt')}
          hint={t('measurementNew.opensAt.hint')}
          type="date"
          value={values.opensAt}
          onChange={(e) => set('opensAt', e.target.value)}
        />
      )}
      <TextField
        label={t('measurementNew.closesAt')}
        type="date"
        value={values.closesAt}
        onChange={(e) => set('closesAt', e.target.value)}
      />
      <TextField
        label={t('measurementNew.minGroup')}
        hint={t('measurementNew.minGroup.hint')}
        type="number"
        min={3}
        value={values.minGroup}
        error={errors.minGroup}
        onChange={(e) => set('minGroup', e.target.value)}
      />
      <TextField
        label={t('measurementNew.thresholdHigh')}
        inputMode="decimal"
        value={values.thresholdHigh}
        error={errors.thresholdHigh}
        onChange={(e) => set('thresholdHigh', e.target.value)}
      />
      <TextField
        label={t('measurementNew.thresholdLow')}
        inputMode="decimal"
        value={values.thresholdLow}
        error={errors.thresholdLow}
        onChange={(e) => set('thresholdLow', e.target.value)}
      />
      <TextField
        label={t('measurementNew.wave')}
        value={values.waveLabel}
        maxLength={40}
        onChange={(e) => set('waveLabel', e.target.value)}
      />
      {children}
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={busy} pendingLabel={t('common.working')}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
