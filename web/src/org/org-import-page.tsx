/**
 * Importing the organisation from a CSV or XLSX file, in two steps: the file is first
 * checked (nothing is written) and the plan shown; only a file without errors can then
 * be imported, all or nothing.
 */
import { Link, useNavigate } from 'react-router';
import type { ImportReport } from '../../../contract/org.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { Button, buttonClass } from '../ui/button.js';
import { CheckResult, FilePicker, ImportExample, useCheckedImport } from '../ui/checked-import.js';
import { PageTitle } from '../ui/page-title.js';
import { ImportPlanTables } from './import-report.js';
import { summariseImport, useDescribeChanges } from './import-summary.js';
import { importOrganisation } from './org-api.js';
import type { OrgPageState } from './org-page.js';

const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function OrgImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const describe = useDescribeChanges();
  const upload = useCheckedImport(importOrganisation, (result: ImportReport) => {
    const state: OrgPageState = { imported: summariseImport(result) };
    void navigate('/organisation', { state });
  });
  const { report, error } = upload;

  return (
    <section className="page">
      <p className="breadcrumb">
        <Link to="/organisation">
          <span aria-hidden="true">← </span>
          {t('import.back')}
        </Link>
      </p>
      <PageTitle title={t('import.title')}>{t('import.title')}</PageTitle>
      <p className="lead">{t('import.lead')}</p>

      <div className="import-layout">
        <div className="panel">
          <h2 className="panel__title">{t('import.step1')}</h2>
          <p>{t('import.choose.help')}</p>
          <FilePicker accept={ACCEPT} state={upload} variant="primary" />
          <ImportHelp open={!report && !error} />
        </div>

        <CheckResult
          state={upload}
          className="panel"
          heading={(ref) => (
            <h2 className="panel__title" ref={ref} tabIndex={-1}>
              {t('import.step2')}
            </h2>
          )}
          errorsHelp={t('import.hasErrors.help')}
          okText={(checked) =>
            t('import.ok.body', { rows: checked.rows, changes: describe(summariseImport(checked)) })
          }
          actions={
            <Link className={buttonClass('secondary')} to="/organisation">
              {t('common.cancel')}
            </Link>
          }
        >
          {report && <ImportPlanTables plan={report.plan} />}
        </CheckResult>
      </div>
    </section>
  );
}

/** The file format, with an example to copy or download. */
function ImportHelp({ open }: { open: boolean }) {
  const { t } = useI18n();
  const example = t('import.help.example');

  const download = () => {
    // A BOM makes Excel open the file as UTF-8.
    const blob = new Blob(['\uFEFF' + example + '\n'], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = t('import.help.exampleFile');
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const columns = [
    ['import.help.col.area', 'import.help.col.area.text'],
    ['import.help.col.unit', 'import.help.col.unit.text'],
    ['import.help.col.kind', 'import.help.col.kind.text'],
    ['import.help.col.name', 'import.help.col.name.text'],
    ['import.help.col.email', 'import.help.col.email.text'],
    ['import.help.col.role', 'import.help.col.role.text'],
    ['import.help.col.profession', 'import.help.col.profession.text'],
  ] as const;

  return (
    // Open until a file has been checked; then the report matters more.
    <details className="help" open={open}>
      <summary className="help__summary">{t('import.help.title')}</summary>
      <p>{t('import.help.intro')}</p>
      <dl className="columns-list">
        {columns.map(([name, text]) => (
          <div key={name} className="columns-list__item">
            <dt>
              <code>{t(name)}</code>
            </dt>
            <dd>{t(text)}</dd>
          </div>
        ))}
      </dl>
      <ul className="help-list">
        <li>{t('import.help.format')}</li>
        <li>{t('import.help.emptyUnit')}</li>
        <li>{t('import.help.update')}</li>
        <li>{t('import.help.allOrNothing')}</li>
      </ul>
      <ImportExample text={example} />
      <Button small onClick={download}>
        {t('import.help.download')}
      </Button>
    </details>
  );
}
