/**
 * Adding or editing a person: name, e-mail, role (leder / medarbejder), unit and the
 * optional profession (fag), suggested from the professions already in use; an
 * administrator also sees, sets or removes the login that is the person.
 */
import { useId, useState } from 'react';
import {
  MAX_NAME_LENGTH,
  MAX_PROFESSION_LENGTH,
  PERSON_ROLES,
  type PersonRole,
} from '../../../contract/org.js';
import type { Person, Unit } from '../../../contract/org.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { FormDialog } from '../ui/dialog.js';
import { bindText, ChoiceField, SelectField, TextField } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { EMAIL, NameEmailFields, type NameEmail } from '../ui/name-email-fields.js';
import { createPerson, updatePerson } from './org-api.js';
import { personRoleLabel } from './org-labels.js';
import { professionLabel } from './profession.js';
import { can } from '../../../contract/permissions.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { LoginSelect } from '../users/person-link-fields.js';
import { loadUsers, updateUser } from '../users/users-api.js';

export function PersonDialog({
  person,
  unitId,
  units,
  professions,
  onClose,
  onSaved,
}: {
  /** The person to edit; undefined to add one. */
  person?: Person;
  /** The unit to add the person to. */
  unitId: string;
  units: Unit[];
  /** The professions already in use, offered as suggestions. */
  professions: string[];
  onClose: () => void;
  onSaved: (person: Person, created: boolean) => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const linksLogins = person !== undefined && user !== null && can(user.role, 'users.manage');
  const logins = useApi(
    () => (linksLogins ? loadUsers() : Promise.resolve([])),
    `person-logins:${linksLogins}`,
  );
  const linked = logins.data?.find((u) => person && u.personId === person.id);
  const [login, setLogin] = useState<string>();
  const chosenLogin = login ?? linked?.id ?? '';
  const [contact, setContact] = useState<NameEmail>({
    name: person?.name ?? '',
    email: person?.email ?? '',
  });
  const { name, email } = contact;
  const [role, setRole] = useState<PersonRole>(person?.role ?? 'medarbejder');
  const [unit, setUnit] = useState(person?.unitId ?? unitId);
  const [profession, setProfession] = useState(
    person?.profession ? professionLabel(person.profession) : '',
  );
  const [errors, setErrors] = useState<{ name?: string; email?: string; profession?: string }>({});
  const listId = useId();

  const submit = async () => {
    const problems: typeof errors = {};
    if (name.trim() === '') problems.name = t('org.person.name.missing');
    else if (name.trim().length > MAX_NAME_LENGTH)
      problems.name = t('common.tooLong', { max: MAX_NAME_LENGTH });
    if (email.trim() === '') problems.email = t('org.person.email.missing');
    else if (!EMAIL.test(email.trim())) problems.email = t('org.person.email.invalid');
    if (profession.trim().length > MAX_PROFESSION_LENGTH)
      problems.profession = t('common.tooLong', { max: MAX_PROFESSION_LENGTH });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return false;
    const input = {
      name: name.trim(),
      email: email.trim(),
      role,
      unitId: unit,
      profession: profession.trim() || null,
    };
    const saved = person ? await updatePerson(person.id, input) : await createPerson(input);
    if (person && chosenLogin !== (linked?.id ?? '')) {
      // A person is one login at most: free the old login before linking the new one.
      if (linked) await updateUser(linked.id, { personId: null });
      if (chosenLogin) await updateUser(chosenLogin, { personId: person.id });
    }
    onSaved(saved, person === undefined);
  };

  return (
    <FormDialog
      title={person ? t('org.person.editTitle') : t('org.person.createTitle')}
      submitLabel={person ? t('common.save') : t('org.person.create')}
      onClose={onClose}
      onSubmit={submit}
    >
      <NameEmailFields
        value={contact}
        set={setContact}
        errors={errors}
        emailHint={t('org.person.email.hint')}
      />
      <ChoiceField
        label={t('org.person.role')}
        value={role}
        choices={PERSON_ROLES}
        choiceLabel={(r) => personRoleLabel(t, r)}
        onChange={setRole}
      />
      <SelectField
        label={t('org.person.unit')}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
      >
        <NamedOptions items={units.filter((u) => !u.archived || u.id === unit)} />
      </SelectField>
      <TextField
        label={t('org.person.profession')}
        hint={t('org.person.profession.hint')}
        list={listId}
        autoComplete="off"
        maxLength={MAX_PROFESSION_LENGTH}
        {...bindText(profession, setProfession, errors.profession)}
      />
      {linksLogins && person && logins.data && (
        <LoginSelect
          value={chosenLogin}
          onChange={setLogin}
          users={logins.data}
          personId={person.id}
        />
      )}
      <datalist id={listId}>
        {professions.map((p) => (
          <option key={p} value={professionLabel(p)} />
        ))}
      </datalist>
    </FormDialog>
  );
}
