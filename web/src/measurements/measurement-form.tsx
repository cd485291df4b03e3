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
import {
  Checkbox,
  FieldSet,
  RadioChoices,
  SelectField,
  TextField,
  textFields,
} from '../ui/field.js';
import {
  endOfDay,
  FOCAL_KINDS,
  GROUP_KINDS,
  type Arm,
  type FocalKind,
  type Flow,
  type GroupKind,
  type Measurement,
  type MeasurementInput,
} from './measurements-api.js';
import { SubmitButton } from '../ui/submit-button.js';

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
export type MeasurementSettings = Omit<MeasurementInput, 'previousMeasurementId'>;

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
  const field = textFields(values, set, errors);

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
      <TextField label={t('measurementNew.title')} required maxLength={200} {...field('title')} />
      <TextField
        label={t('measurementNew.focal')}
        hint={t('measurementNew.focal.hint')}
        required
        maxLength={200}
        {...field('focalProcess')}
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
      <FieldSet legend={t('measurementNew.groupKind')} hint={t('measurementNew.groupKind.hint')}>
        <RadioChoices
          name="group-kind"
          value={values.groupKind}
          choices={GROUP_KINDS}
          label={(kind) => t(`measurementNew.groupKind.${kind}`)}
          hint={(kind) => t(`measurementNew.groupKind.${kind}.hint`)}
          onChange={(kind) => set('groupKind', kind)}
        />
      </FieldSet>
      {values.groupKind === 'unit' && (
        <FieldSet
          legend={t('measurementNew.groups')}
          hint={t('measurementNew.groups.hint')}
          error={errors.groups}
        >
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
                    <ArmSelect
                      name={u.name}
                      value={values.groups.get(u.id) ?? null}
                      onChange={(arm) => set('groups', new Map(values.groups).set(u.id, arm))}
                    />
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
        </FieldSet>
      )}
      {values.groupKind === 'profession' && (
        <FieldSet
          legend={t('measurementNew.professions')}
          hint={t('measurementNew.professions.hint')}
          error={errors.professions}
        >
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
                  <ArmSelect
                    name={professionLabel(name)}
                    value={values.professions.get(name) ?? null}
                    onChange={(arm) =>
                      set('professions', new Map(values.professions).set(name, arm))
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        </FieldSet>
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
          {...field('opensAt')}
        />
      )}
      <TextField label={t('measurementNew.closesAt')} type="date" {...field('closesAt')} />
      <TextField
        label={t('measurementNew.minGroup')}
        hint={t('measurementNew.minGroup.hint')}
        type="number"
        min={3}
        {...field('minGroup')}
      />
      <TextField
        label={t('measurementNew.thresholdHigh')}
        inputMode="decimal"
        {...field('thresholdHigh')}
      />
      <TextField
        label={t('measurementNew.thresholdLow')}
        inputMode="decimal"
        {...field('thresholdLow')}
      />
      <TextField label={t('measurementNew.wave')} maxLength={40} {...field('waveLabel')} />
      {children}
      <div className="form-actions">
        <SubmitButton pending={busy}>{submitLabel}</SubmitButton>
        {actions}
      </div>
    </form>
  );
}

/** The arm of one chosen group: intervention, control or none. */
function ArmSelect({
  name,
  value,
  onChange,
}: {
  name: string;
  value: Arm | null;
  onChange: (arm: Arm | null) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="inline-field">
      <span className="visually-hidden">{t('measurementNew.arm.for', { name })}</span>
      <select
        className="input select"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || null) as Arm | null)}
      >
        <option value="">{t('measurementNew.arm.none')}</option>
        <option value="intervention">{t('measurementNew.arm.intervention')}</option>
        <option value="kontrol">{t('measurementNew.arm.kontrol')}</option>
      </select>
    </label>
  );
}
