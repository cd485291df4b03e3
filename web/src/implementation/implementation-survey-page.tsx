/**
 * One implementation survey for analysts and admins: open, remind, close, the response
 * count (in steps while open), and once closed the report as the evaluation reports it:
 * per item, % per answer option with n for everyone, each unit and each role, hidden
 * groups saying why, and the CSV. A leader reads the report only (everyone, the roles and
 * their own unit, as the server cuts it).
 */
import { useParams } from 'react-router';
import { FIDELITY_ELEMENT_LABELS } from '../../../contract/fidelity.js';
import { IMPLEMENTATION_OPTIONS, optionLabel } from '../../../contract/implementation.js';
import { can } from '../../../contract/permissions.js';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { Breadcrumb } from '../ui/breadcrumb.js';
import { Button, buttonClass } from '../ui/button.js';
import { ErrorAlert, LoadStatus, Notice } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { TableFrame } from '../ui/table-frame.js';
import {
  loadReport,
  loadResponses,
  loadSurvey,
  reportCsvUrl,
  runSurvey,
  type ImplementationReport,
} from './implementation-api.js';

export function ImplementationSurveyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const manage = user !== null && can(user.role, 'measurements.manage');
  const survey = useApi(() => loadSurvey(id), `implementation-survey-${id}`);
  // Live counts are the owners'; a leader reads the closed report only.
  const responses = useApi(
    () => (manage ? loadResponses(id) : Promise.resolve(null)),
    `implementation-responses-${id}-${manage}`,
  );
  const action = useAction(async () => {
    await survey.reload();
    await responses.reload();
  });
  const s = survey.data;
  return (
    <div className="page">
      <Breadcrumb to="/implementering" label={t('implementation.back')} />
      <LoadStatus state={survey} retry />
      {s && (
        <>
          <PageTitle title={s.title}>{s.title}</PageTitle>
          <p className="lead">
            {t(`implementation.status.${s.status}`)}
            {responses.data &&
              ` · ${t(
                s.status === 'closed' ? 'implementation.responses' : 'implementation.responsesOpen',
                responses.data,
              )}`}
          </p>
          <div className="form-actions">
            {manage && s.status === 'draft' && (
              <Button
                variant="primary"
                onClick={() =>
                  void action.run(() => runSurvey(id, 'open'), t('implementation.done'))
                }
              >
                {t('implementation.open')}
              </Button>
            )}
            {manage && s.status === 'open' && (
              <>
                <Button
                  onClick={() =>
                    void action.run(() => runSurvey(id, 'remind'), t('implementation.done'))
                  }
                >
                  {t('implementation.remind')}
                </Button>
                <Button
                  variant="danger"
                  onClick={() =>
                    void action.run(() => runSurvey(id, 'close'), t('implementation.done'))
                  }
                >
                  {t('implementation.close')}
                </Button>
              </>
            )}
          </div>
          <ErrorAlert error={action.error} />
          {action.notice && <Notice tone="success">{action.notice}</Notice>}
          <h2>{t('implementation.report')}</h2>
          {s.status === 'closed' ? <Report id={id} /> : <p>{t('implementation.reportLater')}</p>}
        </>
      )}
    </div>
  );
}

function Report({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const state = useApi(() => loadReport(id), `implementation-report-${id}`);
  const report = state.data;
  return (
    <>
      <LoadStatus state={state} retry />
      {report && (
        <>
          <p>
            <a className={buttonClass('secondary')} href={reportCsvUrl(id)} download>
              {t('implementation.csv')}
            </a>
          </p>
          <p className="muted">{t('implementation.ownWording')}</p>
          {report.items.map((item, i) => (
            <ItemTable key={item.key} report={report} index={i} pick={pick} />
          ))}
        </>
      )}
    </>
  );
}

function ItemTable({
  report,
  index,
  pick,
}: {
  report: ImplementationReport;
  index: number;
  pick: (text: { da: string; en: string }) => string;
}) {
  const { t, locale } = useI18n();
  const item = report.items[index]!;
  const groups = new Map(report.groups.map((g) => [g.key, g]));
  const number = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 1 });
  const caption = `${index + 1}. ${pick(item)}`;
  return (
    <section aria-labelledby={`item-${item.key}`}>
      <h3 id={`item-${item.key}`}>{caption}</h3>
      <p className="muted">{pick(FIDELITY_ELEMENT_LABELS[item.element])}</p>
      <TableFrame label={caption}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('implementation.group')}</th>
              {IMPLEMENTATION_OPTIONS.map((o) => (
                <th key={String(o)} scope="col">
                  {pick(optionLabel(item.scale, o))} (%)
                </th>
              ))}
              <th scope="col">n</th>
            </tr>
          </thead>
          <tbody>
            {item.rows.map((row) => {
              const group = groups.get(row.groupKey)!;
              return (
                <tr key={row.groupKey}>
                  <th scope="row">
                    {group.cut === 'total' ? t('implementation.everyone') : pick(group.label)}
                  </th>
                  {group.suppressed ? (
                    <td colSpan={IMPLEMENTATION_OPTIONS.length + 1}>
                      {group.suppressedReason === 'small'
                        ? t('implementation.hiddenSmall', { n: report.minGroup })
                        : t('implementation.hiddenComplementary')}
                    </td>
                  ) : (
                    <>
                      {IMPLEMENTATION_OPTIONS.map((o, k) => (
                        <td key={String(o)}>{row.percent ? number(row.percent[k]!) : '–'}</td>
                      ))}
                      <td>{row.n}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}
