/**
 * One citizen's course: the coordinator at the top of every view, then the views the
 * reader's access allows (overview, network, plan, versions, consent, history, exports).
 */
import { NavLink, useParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { NotFoundPage } from '../layout/not-found-page.js';
import { ErrorAlert, LoadStatus } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { CourseConsents } from './course-consents.js';
import { CourseExports } from './course-exports.js';
import { CourseHeader } from './course-header.js';
import { CourseWorkshopButton } from '../workshops/course-workshop-button.js';
import { CourseHistory } from './course-history.js';
import { CourseNetwork } from './course-network.js';
import { CourseOverview } from './course-overview.js';
import { CoursePlan } from './course-plan.js';
import { CourseVersions } from './course-versions.js';
import { CourseMeetings } from '../meetings/course-meetings.js';
import { CourseProgression } from '../progression/course-progression.js';
import { CourseFidelity } from '../fidelity/course-fidelity.js';
import { CourseOutcomes } from '../outcomes/course-outcomes.js';
import { CourseJournal } from '../journal/course-journal.js';
import { CourseCitizen } from '../citizen/course-citizen.js';
import { CourseCaseAnalysis } from '../case-analysis/course-case-analysis.js';
import type { CourseTabProps } from './course-tab.js';
import { loadCourse, type Access } from './courses-api.js';
import { Breadcrumb } from '../ui/breadcrumb.js';

/** The views of a course, their address and who may open them. */
const TABS = [
  { slug: '', label: 'courses.tab.overview', access: ['full', 'consent'] },
  { slug: 'netvaerk', label: 'courses.tab.network', access: ['full', 'consent'] },
  { slug: 'plan', label: 'courses.tab.plan', access: ['full', 'consent'] },
  { slug: 'journal', label: 'journal.tab', access: ['full', 'consent'] },
  { slug: 'moeder', label: 'meetings.tab', access: ['full', 'consent'] },
  { slug: 'progression', label: 'progression.tab', access: ['full', 'consent'] },
  { slug: 'tjekliste', label: 'fidelity.tab', access: ['full', 'consent'] },
  { slug: 'udfald', label: 'outcomes.tab', access: ['full', 'consent'] },
  { slug: 'borgeren', label: 'citizen.tab', access: ['full'] },
  { slug: 'enkeltsag', label: 'case.tab', access: ['full', 'consent'] },
  { slug: 'versioner', label: 'courses.tab.versions', access: ['full'] },
  { slug: 'samtykke', label: 'courses.tab.consent', access: ['full'] },
  { slug: 'historik', label: 'courses.tab.history', access: ['full'] },
  { slug: 'eksport', label: 'courses.tab.exports', access: ['full'] },
] as const satisfies readonly { slug: string; label: MessageKey; access: readonly Access[] }[];

function TabContent({ slug, ...props }: CourseTabProps & { slug: string }) {
  switch (slug) {
    case '':
      return <CourseOverview {...props} />;
    case 'netvaerk':
      return <CourseNetwork {...props} />;
    case 'plan':
      return <CoursePlan {...props} />;
    case 'journal':
      return <CourseJournal {...props} />;
    case 'moeder':
      return <CourseMeetings {...props} />;
    case 'progression':
      return <CourseProgression {...props} />;
    case 'tjekliste':
      return <CourseFidelity {...props} />;
    case 'udfald':
      return <CourseOutcomes {...props} />;
    case 'borgeren':
      return <CourseCitizen {...props} />;
    case 'enkeltsag':
      return <CourseCaseAnalysis {...props} />;
    case 'versioner':
      return <CourseVersions {...props} />;
    case 'samtykke':
      return <CourseConsents {...props} />;
    case 'historik':
      return <CourseHistory {...props} />;
    case 'eksport':
      return <CourseExports {...props} />;
    default:
      return null;
  }
}

export function CoursePage() {
  const { id = '', tab = '' } = useParams();
  const { t } = useI18n();
  const course = useApi(() => loadCourse(id), `course:${id}`);

  if (!course.data) {
    if (course.error?.status === 404) return <NotFoundPage />;
    return (
      <div className="page">
        <Breadcrumb to="/forloeb" label={t('courses.back')} />
        <LoadStatus state={course} retry />
      </div>
    );
  }
  const c = course.data;
  const tabs = TABS.filter((tb) => (tb.access as readonly Access[]).includes(c.access));
  const current = tabs.find((tb) => tb.slug === tab);
  const title = c.citizenName ?? c.citizen?.name ?? t('courses.course');
  const pageTitle = current && current.slug !== '' ? `${t(current.label)} – ${title}` : title;

  return (
    <div className="page course">
      <Breadcrumb to="/forloeb" label={t('courses.back')} />
      <div className="page-header">
        <div>
          <p className="eyebrow">{t(`courses.kind.${c.kind}`)}</p>
          <PageTitle title={pageTitle}>{title}</PageTitle>
        </div>
        {c.access === 'full' && c.status === 'open' && <CourseWorkshopButton courseId={c.id} />}
      </div>
      <ErrorAlert error={course.error} />
      <CourseHeader course={c} reload={course.reload} />
      {c.access === 'minimal' ? (
        <div className="alert alert--info course-minimal" role="note">
          <p>
            <strong>{t('courses.minimal.title')}</strong>
          </p>
          <p>{t('courses.minimal.body')}</p>
        </div>
      ) : (
        <>
          {c.access === 'consent' && (
            <div className="alert alert--info" role="note">
              <p>{t('courses.consentAccess')}</p>
            </div>
          )}
          <nav className="course-tabs" aria-label={t('courses.tabs')}>
            <ul>
              {tabs.map((tb) => (
                <li key={tb.slug}>
                  <NavLink
                    end
                    to={tb.slug === '' ? `/forloeb/${c.id}` : `/forloeb/${c.id}/${tb.slug}`}
                  >
                    {t(tb.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {current ? (
            <TabContent slug={current.slug} course={c} reload={course.reload} />
          ) : (
            <div className="alert alert--error" role="alert">
              <p>{t('courses.tab.missing')}</p>
            </div>
          )}
        </>
      )}
    </div>
  );
}
