/** User administration (admins): the municipality's logins, roles, and disabling a login. */
import { formatDateTime } from '../ui/format-date.js';
import { useState } from 'react';
import { asApiError } from '../api/client.js';
import { USER_ROLES, type UserRole } from '../../../contract/users.js';
import type { User } from '../../../contract/users.schema.js';
import { useApi } from '../api/use-api.js';
import { useUser } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { ConfirmDialog, FormDialog } from '../ui/dialog.js';
import { Notice, LoadStatus } from '../ui/feedback.js';
import { bindText, SelectField, TextField } from '../ui/field.js';
import { EMAIL, NameEmailFields, type NameEmail } from '../ui/name-email-fields.js';
import { PageTitle } from '../ui/page-title.js';
import { TableFrame } from '../ui/table-frame.js';
import { RowAction } from '../ui/row-action.js';
import { VisuallyHidden } from '../ui/visually-hidden.js';
import { roleLabel, roleHint } from './user-labels.js';
import { createUser, loadUsers, updateUser } from './users-api.js';
import { Button } from '../ui/button.js';
import type { Organisation } from '../../../contract/org.schema.js';
import { loadOrganisation } from '../org/org-api.js';
import { PersonSelect } from './person-link-fields.js';

/** The server's rule (src/auth/password.ts). */
export const MIN_PASSWORD = 12;

type OpenDialog =
  | { type: 'create' }
  | { type: 'role'; user: User }
  | { type: 'disable'; user: User }
  | { type: 'enable'; user: User };

export function UsersPage() {
  const { t, locale } = useI18n();
  const me = useUser();
  const users = useApi(loadUsers, 'users');
  const org = useApi(() => loadOrganisation(false), 'org');
  const personName = (id: string | null) =>
    (id && org.data?.people.find((p) => p.id === id)?.name) ?? '–';
  const [dialog, setDialog] = useState<OpenDialog>();
  const [flash, setFlash] = useState<string>();

  const done = (message: string) => {
    setFlash(message);
    void users.reload();
  };
  const close = () => setDialog(undefined);

  const list = users.data
    ? [...users.data].sort((a, b) => a.name.localeCompare(b.name, 'da'))
    : undefined;

  return (
    <section className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('users.title')}>{t('users.title')}</PageTitle>
          <p className="lead">{t('users.lead')}</p>
        </div>
        <div className="page-header__actions">
          <Button variant="primary" onClick={() => setDialog({ type: 'create' })}>
            {t('users.new')}
          </Button>
        </div>
      </div>

      {flash && <Notice onDismiss={() => setFlash(undefined)}>{flash}</Notice>}
      <LoadStatus state={users} retry />

      {list && (
        <TableFrame label={t('users.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.col.name')}</th>
                <th scope="col">{t('users.col.email')}</th>
                <th scope="col">{t('users.col.role')}</th>
                <th scope="col">{t('users.col.person')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.lastLogin')}</th>
                <th scope="col">
                  <VisuallyHidden>{t('users.col.actions')}</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => {
                const isMe = user.id === me.id;
                return (
                  <tr key={user.id} className={user.disabled ? 'row--muted' : undefined}>
                    <th scope="row">
                      {user.name}
                      {isMe && <span className="muted"> ({t('users.you')})</span>}
                    </th>
                    <td>{user.email}</td>
                    <td>{roleLabel(t, user.role)}</td>
                    <td>{personName(user.personId)}</td>
                    <td>
                      {user.disabled ? (
                        <span className="badge badge--archived">{t('users.disabled')}</span>
                      ) : (
                        <span className="badge badge--active">{t('users.active')}</span>
                      )}
                    </td>
                    <td>
                      {user.lastLoginAt
                        ? formatDateTime(user.lastLoginAt, locale)
                        : t('users.never')}
                    </td>
                    <td className="table__actions">
                      {!isMe && (
                        <>
                          <RowAction
                            label={t('users.changeRole')}
                            target={user.name}
                            onClick={() => setDialog({ type: 'role', user })}
                          />
                          {user.disabled ? (
                            <RowAction
                              label={t('users.enable')}
                              target={user.name}
                              onClick={() => setDialog({ type: 'enable', user })}
                            />
                          ) : (
                            <RowAction
                              label={t('users.disable')}
                              target={user.name}
                              danger
                              onClick={() => setDialog({ type: 'disable', user })}
                            />
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}

      {dialog?.type === 'create' && (
        <CreateUserDialog
          org={org.data}
          users={users.data ?? []}
          onClose={close}
          onSaved={(user) => done(t('users.created', { name: user.name }))}
        />
      )}
      {dialog?.type === 'role' && (
        <RoleDialog
          user={dialog.user}
          org={org.data}
          users={users.data ?? []}
          onClose={close}
          onSaved={(user) =>
            done(
              user.role !== dialog.user.role
                ? t('users.roleChanged', { name: user.name, role: roleLabel(t, user.role) })
                : user.personId
                  ? t('users.personChanged', { name: user.name, person: personName(user.personId) })
                  : t('users.personRemoved', { name: user.name }),
            )
          }
        />
      )}
      {dialog?.type === 'disable' && (
        <ConfirmDialog
          title={t('users.disableTitle', { name: dialog.user.name })}
          confirmLabel={t('users.disable')}
          danger
          onClose={close}
          onConfirm={async () => {
            await updateUser(dialog.user.id, { disabled: true });
            done(t('users.disabledDone', { name: dialog.user.name }));
          }}
        >
          <p>{t('users.disableBody')}</p>
        </ConfirmDialog>
      )}
      {dialog?.type === 'enable' && (
        <ConfirmDialog
          title={t('users.enableTitle', { name: dialog.user.name })}
          confirmLabel={t('users.enable')}
          onClose={close}
          onConfirm={async () => {
            await updateUser(dialog.user.id, { disabled: false });
            done(t('users.enabledDone', { name: dialog.user.name }));
          }}
        >
          <p>{t('users.enableBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function RoleSelect({ value, onChange }: { value: UserRole; onChange: (role: UserRole) => void }) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t('users.col.role')}
      hint={roleHint(t, value)}
      value={value}
      onChange={(e) => onChange(e.target.value as UserRole)}
    >
      {USER_ROLES.map((role) => (
        <option key={role} value={role}>
          {roleLabel(t, role)}
        </option>
      ))}
    </SelectField>
  );
}

function CreateUserDialog({
  org,
  users,
  onClose,
  onSaved,
}: {
  org: Organisation | undefined;
  users: User[];
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t, pick } = useI18n();
  const [contact, setContact] = useState<NameEmail>({ name: '', email: '' });
  const { name, email } = contact;
  const [role, setRole] = useState<UserRole>('sagsbehandler');
  const [password, setPassword] = useState('');
  const [personId, setPersonId] = useState('');
  const [errors, setErrors] = useState<{ name?: string; email?: string; password?: string }>({});

  const submit = async () => {
    const problems: typeof errors = {};
    if (name.trim() === '') problems.name = t('users.name.missing');
    if (email.trim() === '') problems.email = t('users.email.missing');
    else if (!EMAIL.test(email.trim())) problems.email = t('org.person.email.invalid');
    if (password.length < MIN_PASSWORD)
      problems.password = t('users.password.short', { min: MIN_PASSWORD });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return false;
    try {
      onSaved(
        await createUser({
          name: name.trim(),
          email: email.trim(),
          role,
          password,
          personId: personId || null,
        }),
      );
    } catch (caught) {
      // The server's reason (too easy to guess, holds the name or e-mail) belongs by the field.
      const apiError = asApiError(caught);
      if (apiError.code !== 'bad_request') throw caught;
      setErrors({ password: pick(apiError.messages) });
      return false;
    }
  };

  return (
    <FormDialog
      title={t('users.createTitle')}
      submitLabel={t('users.create')}
      onClose={onClose}
      onSubmit={submit}
    >
      <NameEmailFields value={contact} set={setContact} errors={errors} />
      <RoleSelect value={role} onChange={setRole} />
      <PersonSelect value={personId} onChange={setPersonId} org={org} users={users} />
      <TextField
        label={t('users.password')}
        hint={t('users.password.hint', { min: MIN_PASSWORD })}
        type="password"
        required
        autoComplete="new-password"
        {...bindText(password, setPassword, errors.password)}
      />
    </FormDialog>
  );
}

function RoleDialog({
  user,
  org,
  users,
  onClose,
  onSaved,
}: {
  user: User;
  org: Organisation | undefined;
  users: User[];
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<UserRole>(user.role);
  const [personId, setPersonId] = useState(user.personId ?? '');
  return (
    <FormDialog
      title={t('users.roleTitle', { name: user.name })}
      submitLabel={t('users.roleSave')}
      onClose={onClose}
      onSubmit={async () => {
        const person = personId || null;
        if (role === user.role && person === user.personId) return;
        onSaved(
          await updateUser(user.id, {
            ...(role === user.role ? {} : { role }),
            ...(person === user.personId ? {} : { personId: person }),
          }),
        );
      }}
    >
      <p>{t('users.roleCurrent', { role: roleLabel(t, user.role) })}</p>
      <RoleSelect value={role} onChange={setRole} />
      <PersonSelect
        value={personId}
        onChange={setPersonId}
        org={org}
        users={users}
        userId={user.id}
      />
    </FormDialog>
  );
}
