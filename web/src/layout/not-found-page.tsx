/** The app's own "page not found". */
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { PageTitle } from '../ui/page-title.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page page--narrow">
      <p className="eyebrow">404</p>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
      <p>
        <Link className="button button--primary" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </section>
  );
}
