/** Picking one of the organisation's measurements (not drafts), or none. */
import { useApi } from '../api/use-api.js';
import { SelectField } from '../ui/field.js';
import { listMeasurements } from './measurements-api.js';

/** A `<select>` of the measurements that have been sent, after a "none" option with `noneLabel`. */
export function MeasurementSelect({
  label,
  hint,
  noneLabel,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  noneLabel: string;
  value: string;
  onChange: (measurementId: string) => void;
}) {
  const measurements = useApi(listMeasurements, 'measurements');
  return (
    <SelectField label={label} hint={hint} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{noneLabel}</option>
      {(measurements.data ?? [])
        .filter((m) => m.status !== 'draft')
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.title} ({m.waveLabel})
          </option>
        ))}
    </SelectField>
  );
}
