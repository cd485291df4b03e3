/** Creating or renaming an area (forvaltning / område). */
import { useState } from 'react';
import { MAX_NAME_LENGTH } from '../../../contract/org.js';
import type { Area } from '../../../contract/org.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { FormDialog } from '../ui/dialog.js';
import { TextField, bindText } from '../ui/field.js';
import { createArea, updateArea } from './org-api.js';

export function AreaDialog({
  area,
  onClose,
  onSaved,
}: {
  area?: Area;
  onClose: () => void;
  onSaved: (area: Area, created: boolean) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(area?.name ?? '');
  const [error, setError] = useState<string>();

  const submit = async () => {
    const trimmed = name.trim();
    const problem =
      trimmed === ''
        ? t('org.area.name.missing')
        : trimmed.length > MAX_NAME_LENGTH
          ? t('common.tooLong', { max: MAX_NAME_LENGTH })
          : undefined;
    setError(problem);
    if (problem) return false;
    const saved = area ? await updateArea(area.id, { name: trimmed }) : await createArea(trimmed);
    onSaved(saved, area === undefined);
  };

  return (
    <FormDialog
      title={area ? t('org.area.editTitle') : t('org.area.createTitle')}
      submitLabel={area ? t('common.save') : t('org.area.create')}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('org.area.name')}
        hint={t('org.area.name.hint')}
        required
        autoComplete="off"
        {...bindText(name, setName, error)}
      />
    </FormDialog>
  );
}
