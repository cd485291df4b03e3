/** The check of an organisation file: row errors with line numbers, and the plan as tables. */
import type { ImportAction } from '../../../contract/org.js';
import type { ImportReport } from '../../../contract/org.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { DataTable } from '../ui/table-frame.js';
import { actionLabel, kindClass, kindLabel, personRoleLabel } from './org-labels.js';
import { professionLabel } from './profession.js';

function ActionBadge({ action }: { action: ImportAction }) {
  const { t } = useI18n();
  return <span className={`badge badge--action-${action}`}>{actionLabel(t, action)}</span>;
}

export function ImportPlanTables({ plan }: { plan: ImportReport['plan'] }) {
  const { t } = useI18n();
  // The server reports a profession only when the file has a profession column.
  const withProfession = plan.people.some((person) => person.profession !== undefined);
  return (
    <>
      {plan.units.length > 0 && (
        <DataTable
          label={t('import.units.title')}
          columns={[
            t('import.col.unit'),
            t('import.col.kind'),
            t('import.col.area'),
            t('import.col.action'),
          ]}
          visibleCaption
        >
          {plan.units.map((unit) => (
            <tr key={unit.name}>
              <th scope="row">{unit.name}</th>
              <td>
                <span className={`badge badge--${kindClass(unit.kind)}`}>
                  {kindLabel(t, unit.kind)}
                </span>
              </td>
              <td>{unit.area ?? '–'}</td>
              <td>
                <ActionBadge action={unit.action} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {plan.people.length > 0 && (
        <DataTable
          label={t('import.people.title')}
          columns={[
            { label: t('import.col.line'), className: 'table__num' },
            t('import.col.name'),
            t('import.col.email'),
            t('import.col.role'),
            t('import.col.unit'),
            ...(withProfession ? [t('import.col.profession')] : []),
            t('import.col.action'),
          ]}
          visibleCaption
        >
          {plan.people.map((person) => (
            <tr key={person.line}>
              <td className="table__num">{person.line}</td>
              <th scope="row">{person.name}</th>
              <td>{person.email}</td>
              <td>{personRoleLabel(t, person.role)}</td>
              <td>{person.unit}</td>
              {withProfession && (
                <td>{person.profession ? professionLabel(person.profession) : '–'}</td>
              )}
              <td>
                <ActionBadge action={person.action} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
