/** Create a measurement: texts, the groups (units) asked about, and the settings. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { SelectField } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { EMPTY_VALUES, MeasurementForm } from './measurement-form.js';
import { createMeasurement, listMeasurements } from './measurements-api.js';

export function MeasurementNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const previous = useApi(listMeasurements, 'measurements');
  const [previousId, setPreviousId] = useState('');

  return (
    <div className="page page--narrow">
      <PageTitle title={t('measurementNew.heading')}>{t('measurementNew.heading')}</PageTitle>
      <MeasurementForm
        initial={EMPTY_VALUES}
        submitLabel={t('measurementNew.create')}
        onSubmit={async (settings) => {
          const created = await createMeasurement({
            ...settings,
            previousMeasurementId: previousId || null,
          });
          void navigate(`/maalinger/${created.id}`);
        }}
      >
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
      </MeasurementForm>
    </div>
  );
}
