/**
 * The Én plan checklists due in the courses the user coordinates, above their list of
 * courses: each links to the course's checklist tab. Shows nothing when none is due.
 */
import { Link } from 'react-router';
import { useApi } from '../api/use-api.js';
import { formatDate } from '../courses/course-labels.js';
import { useI18n } from '../i18n/i18n.js';
import { occasionLabel } from '../progression/course-progression.js';
import { loadFidelityDue } from './fidelity-api.js';

export function FidelityDueList() {
  const { t, locale } = useI18n();
  const due = useApi(loadFidelityDue, 'fidelity-due');
  const items = due.data?.due ?? [];
  if (items.length === 0) return null;
  return (
    <section className="alert alert--info" aria-labelledby="fidelity-due-title">
      <div className="alert__body">
        <h2 className="panel__title" id="fidelity-due-title">
          {t('fidelity.dueList.title')}
        </h2>
        <ul className="alert__list">
          {items.map((d) => (
            <li key={`${d.courseId}:${d.occasion}`}>
              <Link to={`/forloeb/${d.courseId}/tjekliste`}>
                {t('fidelity.dueList.item', {
                  citizen: d.citizenName,
                  occasion: occasionLabel(t, d.occasion),
                  date: formatDate(d.due, locale),
                })}
              </Link>
              {d.started && ` (${t('fidelity.dueList.started')})`}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
