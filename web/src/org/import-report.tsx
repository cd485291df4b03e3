/** The check of an organisation file: row errors with line numbers, and the plan as tables. */
import type { ImportAction } from '../../../contract/org.js';
import type { ImportReport } from '../../../contract/org.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { TableFrame } from '../ui/table-frame.js';
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
        <TableFrame label={t('import.units.title')}>
          <table className="table">
            <caption>{t('import.units.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.unit')}</th>
                <th scope="col">{t('import.col.kind')}</th>
                <th scope="col">{t('import.col.area')}</th>
                <th scope="col">{t('import.col.action')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </TableFrame>
      )}
      {plan.people.length > 0 && (
        <TableFrame label={t('import.people.title')}>
          <table className="table">
            <caption>{t('import.people.title')}</caption>
            <thead>
              <tr>
                <th scope="col" className="table__num">
                  {t('import.col.line')}
                </th>
                <th scope="col">{t('import.col.name')}</th>
                <th scope="col">{t('import.col.email')}</th>
                <th scope="col">{t('import.col.role')}</th>
                <th scope="col">{t('import.col.unit')}</th>
                {withProfession && <th scope="col">{t('import.col.profession')}</th>}
                <th scope="col">{t('import.col.action')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </TableFrame>
      )}
    </>
  );
}
