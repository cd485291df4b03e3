/** The outbox: the municipality's newest mails; each expands to show its text. */
import { MAIL_KIND_LABELS, MAIL_STATUS_LABELS } from '../../../contract/mail.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { EmptyState, Notice, LoadStatus } from '../ui/feedback.js';
import { formatDateTime } from '../ui/format-date.js';
import { PageTitle } from '../ui/page-title.js';
import { loadOutbox } from './measurements-api.js';

export function OutboxPage() {
  const { t, locale, lang } = useI18n();
  const outbox = useApi(loadOutbox, 'outbox');
  return (
    <div className="page">
      <PageTitle title={t('outbox.title')}>{t('outbox.title')}</PageTitle>
      <p className="lead">{t('outbox.lead')}</p>
      <LoadStatus state={outbox} />
      {outbox.data && !outbox.data.smtpConfigured && (
        <Notice tone="info">
          <p>{t('outbox.noSmtp')}</p>
          {outbox.data.devMailViewer && <p>{t('outbox.devViewer')}</p>}
        </Notice>
      )}
      {outbox.data && outbox.data.mails.length === 0 && <EmptyState title={t('outbox.empty')} />}
      <ul className="mail-list">
        {outbox.data?.mails.map((mail) => (
          <li key={mail.id} className="mail">
            <details>
              <summary>
                <span className="mail__subject">{mail.subject}</span>
                <span className="mail__meta">
                  {mail.to ?? t('outbox.personalTo')} ·{' '}
                  {Object.hasOwn(MAIL_KIND_LABELS, mail.kind)
                    ? MAIL_KIND_LABELS[mail.kind]![lang]
                    : mail.kind}{' '}
                  · {MAIL_STATUS_LABELS[mail.status][lang]} ·{' '}
                  {formatDateTime(mail.createdAt, locale)}
                </span>
              </summary>
              {mail.body === null ? (
                <p className="mail__body">{t('outbox.personalBody')}</p>
              ) : (
                <pre className="mail__body">{mail.body}</pre>
              )}
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
