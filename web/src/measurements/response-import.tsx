/**
 * Importing answers collected elsewhere as the long CSV, in two steps like the
 * organisation import: the file is checked first (nothing is written), and only a file
 * without errors can then be imported, all or nothing.
 */
import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { ImportErrors } from '../org/import-report.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { importResponses, type ResponseImportReport } from './measurements-api.js';
import { Button } from '../ui/button.js';

const ACCEPT = '.csv,text/csv';
const COLUMNS = 'respondent,unit,role,target,item,value,wave,arm,case';

function isReport(value: unknown): value is ResponseImportReport {
  return typeof value === 'object' && value !== null && 'errors' in value && 'rows' in value;
}

export function ResponseImport({
  measurementId,
  waveLabel,
  onImported,
}: {
  measurementId: string;
  waveLabel: string;
  onImported: (report: ResponseImportReport) => Promise<void>;
}) {
  const { t, tn } = useI18n();
  const inputId = useId();
  const blockedId = useId();
  const reportRef = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ResponseImportReport>();
  const [error, setError] = useState<ApiError>();
  const [step, setStep] = useState<'idle' | 'checking' | 'importing'>('idle');

  const check = async (chosen: File) => {
    setFile(chosen);
    setReport(undefined);
    setError(undefined);
    setStep('checking');
    try {
      setReport(await importResponses(measurementId, chosen, false));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setStep('idle');
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
      const result = await importResponses(measurementId, file, true);
      setFile(undefined);
      setReport(undefined);
      await onImported(result);
    } catch (caught) {
      const apiError = asApiError(caught);
      setError(apiError);
      if (apiError.code === 'import_invalid' && isReport(apiError.details)) {
        setReport(apiError.details);
      }
    } finally {
      setStep('idle');
    }
  };

  const hasErrors = report !== undefined && report.errors.length > 0;
  const example = [
    COLUMNS,
    `r1,Jobcenter,medarbejder,Bostøtte,videndeling,4,${waveLabel},,`,
    `r1,Jobcenter,medarbejder,Bostøtte,respekt,ved ikke,${waveLabel},,`,
    `r1,Jobcenter,medarbejder,,ledelse1,5,${waveLabel},,`,
  ].join('\n');

  return (
    <section className="panel" aria-labelledby="m-import">
      <h2 className="panel__title" id="m-import">
        {t('responseImport.title')}
      </h2>
      <p>{t('responseImport.lead')}</p>
      <details className="help">
        <summary className="help__summary">{t('import.help.title')}</summary>
        <p>
          {t('responseImport.help.columns')} <code>{COLUMNS}</code>
        </p>
        <ul className="help-list">
          <li>{t('responseImport.help.separator')}</li>
          <li>{t('responseImport.help.value')}</li>
          <li>{t('responseImport.help.target')}</li>
          <li>{t('responseImport.help.wave', { wave: waveLabel })}</li>
          <li>{t('responseImport.help.replace')}</li>
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
      </details>
      <div className="file-picker">
        <input
          id={inputId}
          className="file-picker__input"
          type="file"
          accept={ACCEPT}
          onChange={onChoose}
          disabled={step !== 'idle'}
        />
        <label htmlFor={inputId} className="button button--secondary file-picker__button">
          {file ? t('import.chooseAnother') : t('import.choose')}
        </label>
        {file && (
          <span className="file-picker__name">
            {t('import.chosen')} <strong>{file.name}</strong>
          </span>
        )}
      </div>

      {step === 'checking' && <Loading label={t('import.checking')} />}
      {(report || error) && step !== 'checking' && (
        <div className="response-import__report">
          <h3 className="help__subtitle" ref={reportRef} tabIndex={-1}>
            {t('responseImport.check')}
          </h3>
          <ErrorAlert error={error} />
          {report && hasErrors && (
            <div className="alert alert--error">
              <p>
                <strong>
                  {tn(report.errors.length, 'import.hasErrors.one', 'import.hasErrors.other')}
                </strong>{' '}
                {t('responseImport.hasErrors.help')}
              </p>
            </div>
          )}
          {report && !hasErrors && (
            <div className="alert alert--success">
              <p>
                <strong>{t('import.ok.title')}</strong>{' '}
                {t('responseImport.ok', { rows: report.rows, respondents: report.respondents })}
              </p>
            </div>
          )}
          {report && hasErrors && <ImportErrors errors={report.errors} />}
          {report && (
            <div className="form-actions">
              <Button
                variant="primary"
                disabled={hasErrors || step !== 'idle'}
                aria-describedby={hasErrors ? blockedId : undefined}
                onClick={() => void commit()}
              >
                {step === 'importing' ? t('import.importing') : t('import.commit')}
              </Button>
              {hasErrors && (
                <p className="form-actions__note" id={blockedId}>
                  {t('import.blocked')}
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
