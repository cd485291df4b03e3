/**
 * Importing a file in two steps, as the organisation and the answers are imported: the
 * file is checked first (a dry run, nothing is written) and the report shown; only a file
 * without errors can then be imported, all or nothing.
 */
import { useId, useRef, useState } from 'react';
import type { ChangeEvent, ReactNode, RefObject } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { Button, buttonClass, type ButtonVariant } from './button.js';
import { ErrorAlert, Loading } from './feedback.js';
import { DataTable } from './table-frame.js';

/** What the server answers for a checked or imported file: the rows read and the problems. */
export interface CheckReport {
  rows: number;
  errors: { line: number | null; message: { da: string; en: string } }[];
}

/** The state of a two-step import and what the page does with it. */
export interface CheckedImport<R extends CheckReport> {
  file: File | undefined;
  report: R | undefined;
  error: ApiError | undefined;
  step: 'idle' | 'checking' | 'importing';
  hasErrors: boolean;
  /** The report's heading, focused when a check is done. */
  reportRef: RefObject<HTMLHeadingElement | null>;
  onChoose: (event: ChangeEvent<HTMLInputElement>) => void;
  commit: () => Promise<void>;
}

function isCheckReport(value: unknown): value is CheckReport {
  return typeof value === 'object' && value !== null && 'errors' in value && 'rows' in value;
}

/**
 * The two steps: `upload(file, false)` checks a chosen file, `commit` sends it again with
 * `true`; `onImported` gets the result. A refused commit shows the server's new report.
 */
export function useCheckedImport<R extends CheckReport>(
  upload: (file: File, commit: boolean) => Promise<R>,
  onImported: (result: R) => Promise<void> | void,
): CheckedImport<R> {
  const reportRef = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<R>();
  const [error, setError] = useState<ApiError>();
  const [step, setStep] = useState<'idle' | 'checking' | 'importing'>('idle');

  const check = async (chosen: File) => {
    setFile(chosen);
    setReport(undefined);
    setError(undefined);
    setStep('checking');
    try {
      setReport(await upload(chosen, false));
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
      const result = await upload(file, true);
      setFile(undefined);
      setReport(undefined);
      await onImported(result);
    } catch (caught) {
      const apiError = asApiError(caught);
      setError(apiError);
      // The server checked again and found problems (the data changed meanwhile): show them.
      if (apiError.code === 'import_invalid' && isCheckReport(apiError.details)) {
        setReport(apiError.details as R);
      }
    } finally {
      setStep('idle');
    }
  };

  const hasErrors = report !== undefined && report.errors.length > 0;
  return { file, report, error, step, hasErrors, reportRef, onChoose, commit };
}

/** The file input, shown as a button, with the chosen file's name beside it. */
export function FilePicker({
  accept,
  state,
  variant,
}: {
  accept: string;
  state: CheckedImport<CheckReport>;
  variant: ButtonVariant;
}) {
  const { t } = useI18n();
  const inputId = useId();
  return (
    <div className="file-picker">
      <input
        id={inputId}
        className="file-picker__input"
        type="file"
        accept={accept}
        onChange={state.onChoose}
        disabled={state.step !== 'idle'}
      />
      <label htmlFor={inputId} className={`${buttonClass(variant)} file-picker__button`}>
        {state.file ? t('import.chooseAnother') : t('import.choose')}
      </label>
      {state.file && (
        <span className="file-picker__name">
          {t('import.chosen')} <strong>{state.file.name}</strong>
        </span>
      )}
    </div>
  );
}

/**
 * The result of the check: the error or the verdict, the refused rows, what else the page
 * shows (`children`), and the import button, blocked while the file has errors.
 */
export function CheckResult<R extends CheckReport>({
  state,
  className,
  heading,
  errorsHelp,
  okText,
  actions,
  children,
}: {
  state: CheckedImport<R>;
  className: string;
  /** The heading, given the ref that focuses it (its level differs between pages). */
  heading: (ref: RefObject<HTMLHeadingElement | null>) => ReactNode;
  errorsHelp: string;
  okText: (report: R) => string;
  /** More buttons beside the import button (e.g. Cancel). */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t, tn } = useI18n();
  const blockedId = useId();
  const { report, error, step, hasErrors } = state;
  if (step === 'checking') return <Loading label={t('import.checking')} />;
  if (!report && !error) return null;
  return (
    <div className={className}>
      {heading(state.reportRef)}
      <ErrorAlert error={error} />
      {report && hasErrors && (
        <div className="alert alert--error">
          <p>
            <strong>
              {tn(report.errors.length, 'import.hasErrors.one', 'import.hasErrors.other')}
            </strong>{' '}
            {errorsHelp}
          </p>
        </div>
      )}
      {report && !hasErrors && (
        <div className="alert alert--success">
          <p>
            <strong>{t('import.ok.title')}</strong> {okText(report)}
          </p>
        </div>
      )}
      {report && hasErrors && <ImportErrors errors={report.errors} />}
      {children}
      {report && (
        <div className="form-actions">
          <Button
            variant="primary"
            disabled={hasErrors || step !== 'idle'}
            aria-describedby={hasErrors ? blockedId : undefined}
            pending={step === 'importing'}
            pendingLabel={t('import.importing')}
            onClick={() => void state.commit()}
          >
            {t('import.commit')}
          </Button>
          {actions}
          {hasErrors && (
            <p className="form-actions__note" id={blockedId}>
              {t('import.blocked')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The rows a file was refused for; `line` is null for a problem with the file as a whole. */
export function ImportErrors({ errors }: { errors: CheckReport['errors'] }) {
  const { t, pick } = useI18n();
  return (
    <DataTable
      label={t('import.errors.title')}
      columns={[{ label: t('import.col.line'), className: 'table__num' }, t('import.col.problem')]}
      className="table--errors"
      visibleCaption
    >
      {errors.map((error, i) => (
        <tr key={i}>
          <td className="table__num">{error.line ?? '–'}</td>
          <td>{pick(error.message)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** An example file under its heading, in a box the keyboard can scroll on a narrow screen. */
export function ImportExample({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <>
      <h3 className="help__subtitle">{t('import.help.exampleTitle')}</h3>
      <div
        className="example"
        role="region"
        aria-label={t('import.help.exampleTitle')}
        // Focusable so the keyboard can scroll it on a narrow screen.
        tabIndex={0}
      >
        <pre>{text}</pre>
      </div>
    </>
  );
}
