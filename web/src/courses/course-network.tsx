/**
 * The network around the citizen: who coordinates, then units, named professionals, outside
 * actors and relatives (pårørende) with phone, e-mail, task and agreed response time; with
 * full access, adding, editing, removing.
 */
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import { ConfirmDialog, FormDialog } from '../ui/dialog.js';
import { EmptyState, Notice } from '../ui/feedback.js';
import { ChoiceField, SelectField, TextAreaField, TextField, bindText } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { EMAIL } from '../ui/name-email-fields.js';
import { RowAction } from '../ui/row-action.js';
import { DataTable } from '../ui/table-frame.js';
import { PersonOptions } from './coordinator-fields.js';
import { externalTypeLabel, partyKindLabel } from './course-labels.js';
import type { CourseTabProps } from './course-tab.js';
import {
  addParty,
  EXTERNAL_TYPES,
  PARTY_KINDS,
  removeParty,
  updateParty,
  type ExternalType,
  type NewParty,
  type PartyChange,
  type Party,
  type PartyKind,
} from './courses-api.js';
import { CourseTab } from './course-tab.js';
import { CourseCoordinators } from './course-coordinators.js';
import { Button } from '../ui/button.js';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'remove'; party: Party } | undefined;

export function CourseNetwork({ course, reload }: CourseTabProps) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();
  const parties = course.network ?? [];
  const editable = course.access === 'full' && course.status === 'open';

  return (
    <CourseTab
      id="network-title"
      title={t('courses.network')}
      actions={
        editable && (
          <Button variant="primary" onClick={() => setDialog({ kind: 'add' })}>
            {t('courses.party.add')}
          </Button>
        )
      }
    >
      <CourseCoordinators course={course} reload={reload} />
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          <p>{notice}</p>
        </Notice>
      )}
      {parties.length === 0 ? (
        <EmptyState title={t('courses.network.empty')}>
          <p>{t('courses.network.emptyHint')}</p>
        </EmptyState>
      ) : (
        <DataTable
          label={t('courses.network')}
          columns={[
            t('courses.party.name'),
            t('courses.party.kind'),
            t('courses.party.contact'),
            t('courses.party.task'),
            t('courses.party.responseTime'),
          ]}
          actions={editable && t('courses.actions')}
        >
          {parties.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>
                {partyKindLabel(t, p.kind)}
                {p.externalType && (
                  <span className="table__sub">{externalTypeLabel(t, p.externalType)}</span>
                )}
                {p.relation && <span className="table__sub">{p.relation}</span>}
                {p.unitKind === 'myndighed' && (
                  <span className="table__sub">{t('courses.party.authority')}</span>
                )}
              </td>
              <td>
                {p.phone && (
                  <a className="table__sub" href={`tel:${p.phone}`}>
                    {p.phone}
                  </a>
                )}
                {p.email && (
                  <a className="table__sub" href={`mailto:${p.email}`}>
                    {p.email}
                  </a>
                )}
                {!p.phone && !p.email && '–'}
              </td>
              <td className="table__detail">{p.task || '–'}</td>
              <td>{p.responseTime || '–'}</td>
              {editable && (
                <td className="table__actions">
                  <RowAction
                    label={t('common.edit')}
                    target={p.name}
                    onClick={() => setDialog({ kind: 'edit', party: p })}
                  />
                  <RowAction
                    label={t('courses.party.remove')}
                    target={p.name}
                    danger
                    onClick={() => setDialog({ kind: 'remove', party: p })}
                  />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <PartyDialog
          courseId={course.id}
          party={dialog.kind === 'edit' ? dialog.party : undefined}
          onClose={() => setDialog(undefined)}
          onSaved={async (party, created) => {
            setNotice(
              t(created ? 'courses.party.added' : 'courses.party.saved', { name: party.name }),
            );
            await reload();
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={t('courses.party.removeTitle', { name: dialog.party.name })}
          confirmLabel={t('courses.party.remove')}
          danger
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await removeParty(course.id, dialog.party.id);
            setNotice(t('courses.party.removed', { name: dialog.party.name }));
            await reload();
          }}
        >
          <p>{t('courses.party.removeBody')}</p>
        </ConfirmDialog>
      )}
    </CourseTab>
  );
}

function PartyDialog({
  courseId,
  party,
  onClose,
  onSaved,
}: {
  courseId: string;
  /** The party to edit; undefined to add one. */
  party: Party | undefined;
  onClose: () => void;
  onSaved: (party: Party, created: boolean) => Promise<void>;
}) {
  const { t } = useI18n();
  const org = useApi(() => loadOrganisation(false), 'org');
  const [kind, setKind] = useState<PartyKind>(party?.kind ?? 'unit');
  const [unitId, setUnitId] = useState(party?.unitId ?? '');
  const [personId, setPersonId] = useState(party?.personId ?? '');
  const [externalType, setExternalType] = useState<ExternalType>(
    party?.externalType ?? 'egen-laege',
  );
  const [name, setName] = useState(party?.kind === 'external' ? party.name : '');
  const [relation, setRelation] = useState(party?.relation ?? '');
  const relative = kind === 'external' && externalType === 'paaroerende';
  const [phone, setPhone] = useState(party?.phone ?? '');
  const [email, setEmail] = useState(party?.email ?? '');
  const [task, setTask] = useState(party?.task ?? '');
  const [responseTime, setResponseTime] = useState(party?.responseTime ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const found: Record<string, string> = {};
    if (kind === 'unit' && unitId === '') found.unit = t('courses.party.unit.missing');
    if (kind === 'professional' && personId === '')
      found.person = t('courses.party.person.missing');
    if (kind === 'external' && name.trim() === '') found.name = t('courses.party.name.missing');
    if (relative && relation.trim() === '') found.relation = t('courses.party.relation.missing');
    if (email.trim() !== '' && !EMAIL.test(email.trim())) found.email = t('courses.email.invalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    if (party) {
      // Only the details of a party change; its kind, unit and person are fixed.
      const change: PartyChange = {
        phone: phone.trim() || null,
        email: email.trim() || null,
        task: task.trim(),
        responseTime: responseTime.trim(),
        ...(kind === 'external' ? { externalType, name: name.trim() } : {}),
        ...(relative ? { relation: relation.trim() } : {}),
      };
      await onSaved(await updateParty(courseId, party.id, change), false);
      return;
    }
    const input: NewParty = {
      kind,
      task: task.trim(),
      responseTime: responseTime.trim(),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(kind === 'unit' ? { unitId } : {}),
      ...(kind === 'professional' ? { personId } : {}),
      ...(kind === 'external' ? { externalType, name: name.trim() } : {}),
      ...(relative ? { relation: relation.trim() } : {}),
    };
    await onSaved(await addParty(courseId, input), true);
  };

  return (
    <FormDialog
      title={party ? t('courses.party.editTitle', { name: party.name }) : t('courses.party.add')}
      submitLabel={party ? t('common.save') : t('courses.party.addShort')}
      onClose={onClose}
      onSubmit={submit}
    >
      {!party && (
        <ChoiceField
          label={t('courses.party.kind')}
          value={kind}
          choices={PARTY_KINDS}
          choiceLabel={(k) => partyKindLabel(t, k)}
          onChange={setKind}
        />
      )}
      {kind === 'unit' && (
        <SelectField
          label={t('courses.party.unit')}
          required
          value={unitId}
          error={errors.unit}
          onChange={(e) => setUnitId(e.target.value)}
        >
          <option value="">{t('courses.choose')}</option>
          <NamedOptions
            items={(org.data?.units ?? []).filter((u) => !u.archived || u.id === unitId)}
          />
        </SelectField>
      )}
      {kind === 'professional' && (
        <SelectField
          label={t('courses.party.person')}
          required
          value={personId}
          error={errors.person}
          onChange={(e) => setPersonId(e.target.value)}
        >
          <option value="">{t('courses.choose')}</option>
          <PersonOptions org={org.data} />
        </SelectField>
      )}
      {kind === 'external' && (
        <>
          <ChoiceField
            label={t('courses.party.externalType')}
            value={externalType}
            choices={EXTERNAL_TYPES}
            choiceLabel={(x) => externalTypeLabel(t, x)}
            onChange={setExternalType}
          />
          <TextField
            label={t('courses.party.name')}
            hint={t('courses.party.name.hint')}
            required
            maxLength={200}
            {...bindText(name, setName, errors.name)}
          />
          {relative && (
            <TextField
              label={t('courses.party.relation')}
              hint={t('courses.party.relation.hint')}
              required
              maxLength={100}
              {...bindText(relation, setRelation, errors.relation)}
            />
          )}
        </>
      )}
      <TextField
        label={t('courses.phone')}
        type="tel"
        maxLength={40}
        {...bindText(phone, setPhone)}
      />
      <TextField
        label={t('courses.email')}
        type="email"
        inputMode="email"
        maxLength={254}
        {...bindText(email, setEmail, errors.email)}
      />
      <TextAreaField
        label={t('courses.party.task')}
        hint={t('courses.party.task.hint')}
        rows={2}
        maxLength={2000}
        {...bindText(task, setTask)}
      />
      <TextField
        label={t('courses.party.responseTime')}
        hint={t('courses.party.responseTime.hint')}
        maxLength={100}
        {...bindText(responseTime, setResponseTime)}
      />
    </FormDialog>
  );
}
