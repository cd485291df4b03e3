/**
 * Importing answers collected elsewhere as the long CSV, in two steps like the
 * organisation import: the file is checked first (nothing is written), and only a file
 * without errors can then be imported, all or nothing.
 */
import { useI18n } from '../i18n/i18n.js';
import { CheckResult, FilePicker, ImportExample, useCheckedImport } from '../ui/checked-import.js';
import { importResponses, type ResponseImportReport } from './measurements-api.js';
import { Section } from '../ui/section.js';

const ACCEPT = '.csv,text/csv';
const COLUMNS = 'respondent,unit,role,target,item,value,wave,arm,case';

export function ResponseImport({
  measurementId,
  waveLabel,
  onImported,
}: {
  measurementId: string;
  waveLabel: string;
  onImported: (report: ResponseImportReport) => Promise<void>;
}) {
  const { t } = useI18n();
  const upload = useCheckedImport(
    (file: File, commit: boolean) => importResponses(measurementId, file, commit),
    onImported,
  );

  const example = [
    COLUMNS,
    `r1,Jobcenter,medarbejder,Bostøtte,videndeling,4,${waveLabel},,`,
    `r1,Jobcenter,medarbejder,Bostøtte,respekt,ved ikke,${waveLabel},,`,
    `r1,Jobcenter,medarbejder,,ledelse1,5,${waveLabel},,`,
  ].join('\n');

  return (
    <Section id="m-import" title={t('responseImport.title')}>
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
        <ImportExample text={example} />
      </details>
      <FilePicker accept={ACCEPT} state={upload} variant="secondary" />

      <CheckResult
        state={upload}
        className="response-import__report"
        heading={(ref) => (
          <h3 className="help__subtitle" ref={ref} tabIndex={-1}>
            {t('responseImport.check')}
          </h3>
        )}
        errorsHelp={t('responseImport.hasErrors.help')}
        okText={(checked) =>
          t('responseImport.ok', { rows: checked.rows, respondents: checked.respondents })
        }
      />
    </Section>
  );
}
