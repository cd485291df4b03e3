/**
 * Who coordinates a course: the lead and the co-coordinators beside them (a makker pair, a
 * cross-sector team), each with their role; with full access, adding and removing
 * co-coordinators and handing on the lead. After each change the user reads who in the
 * network was told by mail and who was not.
 */
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import { Button } from '../ui/button.js';
import { ConfirmDialog, FormDialog } from '../ui/dialog.js';
import { Notice } from '../ui/feedback.js';
import { Checkbox, ChoiceField, SelectField } from '../ui/field.js';
import { RowAction } from '../ui/row-action.js';
import { Section } from '../ui/section.js';
import { DataTable } from '../ui/table-frame.js';
import { PersonOptions } from './coordinator-fields.js';
import { coordinatorRoleLabel } from './course-labels.js';
import type { CourseTabProps } from './course-tab.js';
import {
  addCoCoordinator,
  changeLead,
  COORDINATOR_ROLES,
  removeCoCoordinator,
  type CoordinationChange,
  type Coordinator,
  type CoordinatorRole,
} from './courses-api.js';

type Dialog = { kind: 'add' } | { kind: 'remove' | 'lead'; who: Coordinator } | undefined;

/** What to tell the user after a change: what happened, who was told, who was not. */
export function toldLines(
  t: ReturnType<typeof useI18n>['t'],
  done: string,
  change: CoordinationChange,
): string[] {
  return [
    done,
    change.notified.length > 0
      ? t('courses.coordinators.told', { names: change.notified.join(', ') })
      : t('courses.coordinators.toldNone'),
    ...(change.notNotified.length > 0
      ? [t('courses.coordinators.notTold', { names: change.notNotified.join(', ') })]
      : []),
  ];
}

export function CourseCoordinators({ course, reload }: CourseTabProps) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string[]>();
  const editable = course.access === 'full' && course.status === 'open';
  const rows = [
    { who: course.coordinator, lead: true },
    ...course.coCoordinators.map((who) => ({ who, lead: false })),
  ];

  const done = async (lines: string[]) => {
    setNotice(lines);
    await reload();
  };

  return (
    <Section id="coordinators-title" title={t('courses.coordinators')}>
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          {notice.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Notice>
      )}
      <p className="muted">{t('courses.coordinators.intro')}</p>
      <DataTable
        label={t('courses.coordinators')}
        columns={[
          t('courses.coordinators.name'),
          t('courses.coordinators.role'),
          t('courses.coordinators.unit'),
        ]}
        actions={editable && t('courses.actions')}
        compact
      >
        {rows.map(({ who, lead }) => (
          <tr key={who.personId}>
            <th scope="row">
              {who.name}
              <span className="table__sub">
                {t(lead ? 'courses.coordinators.lead' : 'courses.coordinators.co')}
              </span>
            </th>
            <td>{coordinatorRoleLabel(t, who.role)}</td>
            <td>{who.unitName}</td>
            {editable && (
              <td className="table__actions">
                {!lead && (
                  <>
                    <RowAction
                      label={t('courses.coordinators.makeLead')}
                      target={who.name}
                      onClick={() => setDialog({ kind: 'lead', who })}
                    />
                    <RowAction
                      label={t('courses.coordinators.remove')}
                      target={who.name}
                      danger
                      onClick={() => setDialog({ kind: 'remove', who })}
                    />
                  </>
                )}
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      {editable && (
        <Button small onClick={() => setDialog({ kind: 'add' })}>
          {t('courses.coordinators.add')}
        </Button>
      )}
      {dialog?.kind === 'add' && (
        <AddDialog
          taken={rows.map((r) => r.who.personId)}
          onClose={() => setDialog(undefined)}
          onAdd={async (personId, role) => {
            const change = await addCoCoordinator(course.id, { personId, role });
            const name = change.coCoordinators.find((c) => c.personId === personId)?.name ?? '';
            await done(toldLines(t, t('courses.coordinators.added', { name }), change));
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={t('courses.coordinators.removeTitle', { name: dialog.who.name })}
          confirmLabel={t('courses.coordinators.remove')}
          danger
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            const change = await removeCoCoordinator(course.id, dialog.who.personId);
            await done(
              toldLines(t, t('courses.coordinators.removed', { name: dialog.who.name }), change),
            );
          }}
        >
          <p>{t('courses.coordinators.removeBody', { name: dialog.who.name })}</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'lead' && (
        <LeadDialog
          next={dialog.who}
          previous={course.coordinator}
          onClose={() => setDialog(undefined)}
          onChange={async (keepPrevious) => {
            const change = await changeLead(course.id, {
              personId: dialog.who.personId,
              role: dialog.who.role,
              keepPrevious,
            });
            await done(
              toldLines(
                t,
                t('courses.coordinators.leadChanged', { name: dialog.who.name }),
                change,
              ),
            );
          }}
        />
      )}
    </Section>
  );
}

function AddDialog({
  taken,
  onClose,
  onAdd,
}: {
  /** Who coordinates already (left out of the choice). */
  taken: string[];
  onClose: () => void;
  onAdd: (personId: string, role: CoordinatorRole) => Promise<void>;
}) {
  const { t } = useI18n();
  const org = useApi(() => loadOrganisation(false), 'org');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<CoordinatorRole>('makker');
  const [error, setError] = useState<string>();
  const choosable = org.data && {
    ...org.data,
    people: org.data.people.filter((p) => !taken.includes(p.id)),
  };
  return (
    <FormDialog
      title={t('courses.coordinators.add')}
      submitLabel={t('courses.coordinators.addShort')}
      onClose={onClose}
      onSubmit={async () => {
        if (personId === '') {
          setError(t('courses.coordinators.person.missing'));
          return false;
        }
        await onAdd(personId, role);
      }}
    >
      <SelectField
        label={t('courses.coordinators.person')}
        required
        value={personId}
        error={error}
        onChange={(e) => setPersonId(e.target.value)}
      >
        <option value="">{t('courses.choose')}</option>
        <PersonOptions org={choosable} />
      </SelectField>
      <ChoiceField
        label={t('courses.coordinators.role')}
        value={role}
        choices={COORDINATOR_ROLES}
        choiceLabel={(r) => coordinatorRoleLabel(t, r)}
        onChange={setRole}
      />
    </FormDialog>
  );
}

function LeadDialog({
  next,
  previous,
  onClose,
  onChange,
}: {
  next: Coordinator;
  previous: Coordinator;
  onClose: () => void;
  onChange: (keepPrevious: boolean) => Promise<void>;
}) {
  const { t } = useI18n();
  const [keep, setKeep] = useState(true);
  return (
    <ConfirmDialog
      title={t('courses.coordinators.leadTitle', { name: next.name })}
      confirmLabel={t('courses.coordinators.makeLead')}
      onClose={onClose}
      onConfirm={() => onChange(keep)}
    >
      <Checkbox
        label={t('courses.coordinators.keepPrevious', { name: previous.name })}
        checked={keep}
        onChange={setKeep}
      />
    </ConfirmDialog>
  );
}
