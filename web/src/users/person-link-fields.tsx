/**
 * Choosing which person of the organisation a login is, from either side: the person of a
 * login (users page) or the login of a person (person dialog). A person is one login at
 * most, so choices already taken are shown but cannot be picked.
 */
import type { Organisation } from '../../../contract/org.schema.js';
import type { User } from '../../../contract/users.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { SelectField } from '../ui/field.js';

/** The login's person: every active person, by name, with their unit. */
export function PersonSelect({
  value,
  onChange,
  org,
  users,
  userId,
}: {
  value: string;
  onChange: (personId: string) => void;
  org: Organisation | undefined;
  users: User[];
  /** The login being edited (its own person is not "taken"). */
  userId?: string;
}) {
  const { t } = useI18n();
  const unitName = new Map((org?.units ?? []).map((u) => [u.id, u.name]));
  const loginOf = new Map(
    users.filter((u) => u.personId && u.id !== userId).map((u) => [u.personId, u.name]),
  );
  const people = (org?.people ?? [])
    .filter((p) => !p.archived || p.id === value)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <SelectField
      label={t('users.person')}
      hint={t('users.person.hint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('users.person.none')}</option>
      {people.map((p) => {
        const login = loginOf.get(p.id);
        const unit = unitName.get(p.unitId) ?? '';
        return (
          <option key={p.id} value={p.id} disabled={login !== undefined}>
            {login !== undefined
              ? t('users.person.taken', { name: p.name, login })
              : t(p.role === 'leder' ? 'users.person.optionLeader' : 'users.person.option', {
                  name: p.name,
                  unit,
                })}
          </option>
        );
      })}
    </SelectField>
  );
}

/** The person's login: every login, by name; a login that is another person is shown taken. */
export function LoginSelect({
  value,
  onChange,
  users,
  personId,
}: {
  value: string;
  onChange: (userId: string) => void;
  users: User[];
  personId: string;
}) {
  const { t } = useI18n();
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <SelectField
      label={t('users.personLogin')}
      hint={t('users.personLogin.hint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('users.personLogin.none')}</option>
      {sorted.map((u) => {
        const taken = u.personId !== null && u.personId !== personId;
        return (
          <option key={u.id} value={u.id} disabled={taken}>
            {taken ? t('users.personLogin.taken', { login: u.name }) : `${u.name} (${u.email})`}
          </option>
        );
      })}
    </SelectField>
  );
}
