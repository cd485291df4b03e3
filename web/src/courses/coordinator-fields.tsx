/** Picking the coordinating caseworker (a person of the organisation) and their role. */
import type { Organisation } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ChoiceField, SelectField } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { coordinatorRoleLabel } from './course-labels.js';
import { COORDINATOR_ROLES, type CoordinatorRole } from './courses-api.js';

/** The organisation's active people as `<optgroup>`s per unit, for a person picker. */
export function PersonOptions({ org }: { org: Organisation | undefined }) {
  if (!org) return null;
  return (
    <>
      {org.units
        .filter((u) => !u.archived)
        .map((unit) => {
          const people = org.people.filter((p) => p.unitId === unit.id && !p.archived);
          if (people.length === 0) return null;
          return (
            <optgroup key={unit.id} label={unit.name}>
              <NamedOptions items={people} />
            </optgroup>
          );
        })}
    </>
  );
}

/** The coordinating caseworker and their role, as a course stores them. */
export interface Coordinator {
  personId: string;
  role: CoordinatorRole;
}

export function CoordinatorFields({
  org,
  value,
  set,
  error,
}: {
  org: Organisation | undefined;
  value: Coordinator;
  set: (update: (value: Coordinator) => Coordinator) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        label={t('courses.coordinator.person')}
        hint={t('courses.coordinator.hint')}
        required
        value={value.personId}
        error={error}
        onChange={(e) => {
          const personId = e.target.value;
          set((c) => ({ ...c, personId }));
        }}
      >
        <option value="">{t('courses.choose')}</option>
        <PersonOptions org={org} />
      </SelectField>
      <ChoiceField
        label={t('courses.coordinator.role')}
        value={value.role}
        choices={COORDINATOR_ROLES}
        choiceLabel={(r) => coordinatorRoleLabel(t, r)}
        onChange={(role) => set((c) => ({ ...c, role }))}
      />
    </>
  );
}
