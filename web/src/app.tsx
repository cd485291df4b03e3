/** Providers and routes of the staff web app (the survey and the citizen view are their own light entries: web/survey.html, web/citizen.html). */
import { useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountPage } from './account/account-page.js';
import { AuditPage } from './audit/audit-page.js';
import { CourseListPage } from './courses/course-list-page.js';
import { HomeRedirect } from './auth/home.js';
import { LoginPage } from './auth/login-page.js';
import { RequireAuth, RequirePermission } from './auth/require-auth.js';
import { RequireLedUnit } from './auth/require-led-unit.js';
import { SessionProvider, useSession } from './auth/session.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { AppShell } from './layout/app-shell.js';
import { lazyPage, preloadPageAt } from './layout/lazy-page.js';
import { NotFoundPage } from './layout/not-found-page.js';
import { MeasurementDetailPage } from './measurements/measurement-detail-page.js';
import { MeasurementListPage } from './measurements/measurement-list-page.js';
import { MeasurementNewPage } from './measurements/measurement-new-page.js';
import { OutboxPage } from './measurements/outbox-page.js';
import { OrgImportPage } from './org/org-import-page.js';
import { OrgPage } from './org/org-page.js';
import { SettingsPage } from './settings/settings-page.js';
import { ErrorAlert, Loading } from './ui/feedback.js';
import { UsersPage } from './users/users-page.js';
import { InterventionListPage } from './interventions/intervention-list-page.js';
import { InterventionPage } from './interventions/intervention-page.js';
import { OverviewPage } from './overview/overview-page.js';
import { InstrumentsPage } from './progression/instruments-page.js';
import { WorkshopListPage } from './workshops/workshop-list-page.js';
import { WorkshopPage } from './workshops/workshop-page.js';
import { Button } from './ui/button.js';

// Loaded only when opened (the analysis brings Cytoscape); see lazy-page.tsx.
const AnalysisPage = lazyPage('maalinger/:id/analyse', () =>
  import('./analysis/analysis-page.js').then((m) => m.AnalysisPage),
);
const CoursePage = lazyPage('forloeb/:id/:tab?', () =>
  import('./courses/course-page.js').then((m) => m.CoursePage),
);
const CaseLevelPage = lazyPage('analyse/forloeb', () =>
  import('./case-analysis/case-level-page.js').then((m) => m.CaseLevelPage),
);
const AllocationPage = lazyPage('analyse/lodtraekning', () =>
  import('./allocations/allocation-page.js').then((m) => m.AllocationPage),
);
const ImplementationPage = lazyPage('implementering', () =>
  import('./implementation/implementation-page.js').then((m) => m.ImplementationPage),
);
const ImplementationSurveyPage = lazyPage('implementering/:id', () =>
  import('./implementation/implementation-survey-page.js').then((m) => m.ImplementationSurveyPage),
);
const FidelityIndexPage = lazyPage('analyse/implementering', () =>
  import('./fidelity/fidelity-index-page.js').then((m) => m.FidelityIndexPage),
);
const OutcomeReportPage = lazyPage('analyse/udfald', () =>
  import('./outcomes/outcome-report-page.js').then((m) => m.OutcomeReportPage),
);
const CourseNewPage = lazyPage('forloeb/nyt', () =>
  import('./courses/course-new-page.js').then((m) => m.CourseNewPage),
);
/** Staff pages loaded shortly after login. */
const STAFF_PAGES = [AnalysisPage, CoursePage, CaseLevelPage, CourseNewPage];

// The code of the page being opened loads alongside the session.
const openingPage = preloadPageAt(window.location.pathname);

function AppRoutes() {
  const { t } = useI18n();
  const session = useSession();
  const [openingReady, setOpeningReady] = useState(false);
  useEffect(() => {
    void openingPage.then(() => setOpeningReady(true));
  }, []);
  const signedIn = session.status === 'ready' && session.user !== null;
  useEffect(() => {
    if (!signedIn) return;
    // Not requestIdleCallback: Safari lacks it.
    const later = setTimeout(() => STAFF_PAGES.forEach((page) => void page.preload()), 2000);
    return () => clearTimeout(later);
  }, [signedIn]);

  if (session.status === 'loading' || !openingReady) {
    return (
      <main id="main" className="boot">
        <Loading label={t('common.starting')} />
      </main>
    );
  }
  if (session.status === 'error') {
    return (
      <main id="main" className="boot">
        <h1 className="page-title">Samspil</h1>
        <ErrorAlert error={session.error}>
          <Button onClick={session.retry}>{t('common.retry')}</Button>
        </ErrorAlert>
      </main>
    );
  }

  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<AppShell />}>
        <Route
          index
          element={
            <RequireAuth>
              <HomeRedirect />
            </RequireAuth>
          }
        />
        <Route
          path="organisation"
          element={
            <RequireAuth>
              <OrgPage />
            </RequireAuth>
          }
        />
        <Route
          path="organisation/import"
          element={
            <RequireAuth>
              <RequirePermission permission="org.edit">
                <OrgImportPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="maalinger"
          element={
            <RequireAuth>
              <RequirePermission permission="analysis.read">
                <RequireLedUnit title={t('measurements.title')}>
                  <MeasurementListPage />
                </RequireLedUnit>
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="maalinger/ny"
          element={
            <RequireAuth>
              <RequirePermission permission="measurements.manage">
                <MeasurementNewPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="maalinger/:id"
          element={
            <RequireAuth>
              <RequirePermission permission="measurements.manage">
                <MeasurementDetailPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path={AnalysisPage.path}
          element={
            <RequireAuth>
              <RequirePermission permission="analysis.read">
                <RequireLedUnit title={t('analysis.title')}>
                  <AnalysisPage />
                </RequireLedUnit>
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="indstillinger"
          element={
            <RequireAuth>
              <RequirePermission permission="settings.read">
                <SettingsPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="udbakke"
          element={
            <RequireAuth>
              <RequirePermission permission="outbox.read">
                <OutboxPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="brugere"
          element={
            <RequireAuth>
              <RequirePermission permission="users.manage">
                <UsersPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="redskaber"
          element={
            <RequireAuth>
              <RequirePermission permission="instruments.manage">
                <InstrumentsPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="aktivitetslog"
          element={
            <RequireAuth>
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="forloeb"
          element={
            <RequireAuth>
              <CourseListPage />
            </RequireAuth>
          }
        />
        <Route
          path={CourseNewPage.path}
          element={
            <RequireAuth>
              <RequirePermission permission="courses.create">
                <CourseNewPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path={CoursePage.path}
          element={
            <RequireAuth>
              <CoursePage />
            </RequireAuth>
          }
        />
        <Route
          path="konto"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path="workshops"
          element={
            <RequireAuth>
              <WorkshopListPage />
            </RequireAuth>
          }
        />
        <Route
          path="workshops/:id"
          element={
            <RequireAuth>
              <WorkshopPage />
            </RequireAuth>
          }
        />
        <Route
          path="indsatser"
          element={
            <RequireAuth>
              <RequireLedUnit title={t('intervention.list.title')}>
                <InterventionListPage />
              </RequireLedUnit>
            </RequireAuth>
          }
        />
        <Route
          path="indsatser/:id"
          element={
            <RequireAuth>
              <InterventionPage />
            </RequireAuth>
          }
        />
        <Route
          path="overblik"
          element={
            <RequireAuth>
              <RequirePermission permission="analysis.read">
                <RequireLedUnit title={t('overview.title')}>
                  <OverviewPage />
                </RequireLedUnit>
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path={CaseLevelPage.path}
          element={
            <RequireAuth>
              <RequirePermission permission="analysis.caseLevel">
                <CaseLevelPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path={AllocationPage.path}
          element={
            <RequireAuth>
              <RequirePermission permission="allocations.read">
                <AllocationPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path={FidelityIndexPage.path}
          element={
            <RequireAuth>
              <RequirePermission permission="fidelity.index">
                <FidelityIndexPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path={OutcomeReportPage.path}
          element={
            <RequireAuth>
              <RequirePermission permission="outcomes.report">
                <OutcomeReportPage />
              </RequirePermission>
            </RequireAuth>
          }
        />
        {[ImplementationPage, ImplementationSurveyPage].map((Page) => (
          <Route
            key={Page.path}
            path={Page.path}
            element={
              <RequireAuth>
                <RequirePermission permission="implementation.read">
                  <RequireLedUnit title={t('implementation.title')}>
                    <Page />
                  </RequireLedUnit>
                </RequirePermission>
              </RequireAuth>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
