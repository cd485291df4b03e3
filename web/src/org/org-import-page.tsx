/**
 * Importing the organisation from a CSV or XLSX file, in two steps: the file is first
 * checked (nothing is written) and the plan shown; only a file without errors can then
 * be imported, all or nothing.
 */
import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { asApiError, type ApiError } from '../api/client.js';
import type { ImportReport } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { ImportErrors, ImportPlanTables } from './import-report.js';
import { summariseImport, useDescribeChanges } from './import-summary.js';
import { importOrganisation } from './org-api.js';
import type { OrgPageState } from './org-page.js';
import { Button } from '../ui/button.js';

const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function isImportReport(value: unknown): value is ImportReport {
  return typeof value === 'object' && value !== null && 'errors' in value && 'plan' in value;
}

export function OrgImportPage() {
  const { t, tn } = useI18n();
  const navigate = useNavigate();
  const describe = useDescribeChanges();
  const inputId = useId();
  const blockedId = useId();
  const reportRef = useRef<HTMLHeadingElement>(null);

  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<ApiError>();
  const [step, setStep] = useState<'idle' | 'checking' | 'importing'>('idle');

  const check = async (chosen: File) => {
    setFile(chosen);
    setReport(undefined);
    setError(undefined);
    setStep('checking');
    try {
      setReport(await importOrganisation(chosen, false));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setStep('idle');
      // Let screen readers and the eye land on the result.
      requestAnimationFrame(() => reportRef.current?.focus());
    }
  };

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // Clear the input so choosing the same (corrected) file again is a new choice.
    event.target.value = '';
    if (chosen) void check(chosen);
  };

  const commit = async () => {
    if (!file || !report || report.errors.length > 0 || step !== 'idle') return;
    setStep('importing');
    setError(undefined);
    try {
      const result = await importOrganisation(file, true);
      const state: OrgPageState = { imported: summariseImport(result) };
      void navigate('/organisation', { state });
    } catch (caught) {
      const apiError = asApiError(caught);
      setError(apiError);
      if (apiError.code === 'import_invalid' && isImportReport(apiError.details)) {
        setReport(apiError.details);
      }
      setStep('idle');
    }
  };

  const hasErrors = report !== undefined && report.errors.length > 0;
  const summary = report ? summariseImport(report) : undefined;

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
          <div className="file-picker">
            <input
              id={inputId}
              className="file-picker__input"
              type="file"
              accept={ACCEPT}
              onChange={onChoose}
              disabled={step !== 'idle'}
            />
            <label htmlFor={inputId} className="button button--primary file-picker__button">
              {file ? t('import.chooseAnother') : t('import.choose')}
            </label>
            {file && (
              <span className="file-picker__name">
                {t('import.chosen')} <strong>{file.name}</strong>
              </span>
            )}
          </div>
          <ImportHelp open={!report && !error} />
        </div>

        {step === 'checking' && <Loading label={t('import.checking')} />}

        {(report || error) && step !== 'checking' && (
          <div className="panel">
            <h2 className="panel__title" ref={reportRef} tabIndex={-1}>
              {t('import.step2')}
            </h2>
            <ErrorAlert error={error} />
            {report && hasErrors && (
              <div className="alert alert--error">
                <p>
                  <strong>
                    {tn(report.errors.length, 'import.hasErrors.one', 'import.hasErrors.other')}
                  </strong>{' '}
                  {t('import.hasErrors.help')}
                </p>
              </div>
            )}
            {report && !hasErrors && summary && (
              <div className="alert alert--success">
                <p>
                  <strong>{t('import.ok.title')}</strong>{' '}
                  {t('import.ok.body', { rows: report.rows, changes: describe(summary) })}
                </p>
              </div>
            )}
            {report && hasErrors && <ImportErrors errors={report.errors} />}
            {report && <ImportPlanTables plan={report.plan} />}
            {report && (
              <div className="form-actions">
                <Button
                  variant="primary"
                  disabled={hasErrors || step !== 'idle'}
                  aria-describedby={hasErrors ? blockedId : undefined}
                  onClick={() => void commit()}
                >
                  {step === 'importing' && (
                    <span className="spinner spinner--inverse" aria-hidden="true" />
                  )}
                  {step === 'importing' ? t('import.importing') : t('import.commit')}
                </Button>
                <Link className="button button--secondary" to="/organisation">
                  {t('common.cancel')}
                </Link>
                {hasErrors && (
                  <p className="form-actions__note" id={blockedId}>
                    {t('import.blocked')}
                  </p>
                )}
              </div>
            )}
          </div>
        )}
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
      <h3 className="help__subtitle">{t('import.help.exampleTitle')}</h3>
      <div
        className="example"
        role="region"
        aria-label={t('import.help.exampleTitle')}
        // Focusable so the keyboard can scroll it on a narrow screen.
        tabIndex={0}
      >
        <pre>{example}</pre>
      </div>
      <Button small onClick={download}>
        {t('import.help.download')}
      </Button>
    </details>
  );
}
