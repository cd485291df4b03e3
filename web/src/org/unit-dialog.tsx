/** Creating or editing a unit: name, kind (myndighed / udfører / ekstern) and area. */
import { useId, useState } from 'react';
import { MAX_NAME_LENGTH, UNIT_KINDS, type UnitKind } from '../../../contract/org.js';
import type { Area, Unit } from '../../../contract/org.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { FormDialog } from '../ui/dialog.js';
import { RadioChoices, SelectField, TextField, bindText } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { createUnit, updateUnit } from './org-api.js';
import { kindHint, kindLabel } from './org-labels.js';

export function UnitDialog({
  unit,
  areas,
  defaultAreaId,
  onClose,
  onSaved,
}: {
  /** The unit to edit; undefined to create one. */
  unit?: Unit;
  areas: Area[];
  defaultAreaId?: string | null;
  onClose: () => void;
  onSaved: (unit: Unit, created: boolean) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind | ''>(unit?.kind ?? '');
  const [areaId, setAreaId] = useState(unit?.areaId ?? defaultAreaId ?? '');
  const [errors, setErrors] = useState<{ name?: string; kind?: string }>({});
  const kindLegend = useId();

  const submit = async () => {
    const problems: typeof errors = {};
    if (name.trim() === '') problems.name = t('org.unit.name.missing');
    else if (name.trim().length > MAX_NAME_LENGTH)
      problems.name = t('common.tooLong', { max: MAX_NAME_LENGTH });
    if (kind === '') problems.kind = t('org.unit.kind.missing');
    setErrors(problems);
    if (Object.keys(problems).length > 0 || kind === '') return false;
    const input = { name: name.trim(), kind, areaId: areaId === '' ? null : areaId };
    const saved = unit ? await updateUnit(unit.id, input) : await createUnit(input);
    onSaved(saved, unit === undefined);
  };

  return (
    <FormDialog
      title={unit ? t('org.unit.editTitle') : t('org.unit.createTitle')}
      submitLabel={unit ? t('common.save') : t('org.unit.create')}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('org.unit.name')}
        hint={t('org.unit.name.hint')}
        required
        autoComplete="off"
        maxLength={MAX_NAME_LENGTH + 50}
        {...bindText(name, setName, errors.name)}
      />
      <fieldset
        className={errors.kind ? 'field fieldset field--invalid' : 'field fieldset'}
        aria-describedby={errors.kind ? `${kindLegend}-error` : undefined}
      >
        <legend className="field__label" id={kindLegend}>
          {t('org.unit.kind')}
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        {errors.kind && (
          <p className="field__error" id={`${kindLegend}-error`}>
            {errors.kind}
          </p>
        )}
        <RadioChoices
          name="kind"
          value={kind}
          choices={UNIT_KINDS}
          label={(k) => kindLabel(t, k)}
          hint={(k) => kindHint(t, k)}
          onChange={setKind}
        />
      </fieldset>
      <SelectField
        label={t('org.unit.area')}
        value={areaId}
        onChange={(e) => setAreaId(e.target.value)}
      >
        <option value="">{t('org.noArea')}</option>
        <NamedOptions items={areas.filter((a) => !a.archived || a.id === unit?.areaId)} />
      </SelectField>
    </FormDialog>
  );
}
