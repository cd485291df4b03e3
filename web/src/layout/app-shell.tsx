/**
 * The frame around every page after login: skip link, header with the municipality,
 * the user, the language switch and the navigation, and the main landmark.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { useSession } from '../auth/session.js';
import { LanguageSwitch, useI18n } from '../i18n/i18n.js';
import { VisuallyHidden } from '../ui/visually-hidden.js';
import { roleLabel } from '../users/user-labels.js';
import { SiteFooter } from '../ui/site-footer.js';
import { Brand } from '../ui/brand.js';
import { Button } from '../ui/button.js';

export function AppShell() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [loggingOut, setLoggingOut] = useState(false);
  // On a phone the menu is a disclosure list behind one button; on wider screens it is
  // always shown (CSS hides the button) and wraps to a second line when it must.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  // A chosen page closes the menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  // After navigating, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);

  const doLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } finally {
      setLoggingOut(false);
      void navigate('/login', { replace: true });
    }
  };

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('layout.skip')}
      </a>
      <header className="app-header">
        <div className="app-header__top">
          <Brand>
            {user && <span className="brand__municipality">{user.municipality.name}</span>}
          </Brand>
          <div className="app-header__tools">
            {user && (
              <p className="app-header__user">
                <Link className="app-header__user-name" to="/konto" title={t('layout.account')}>
                  {user.name}
                  <VisuallyHidden> – {t('layout.account')}</VisuallyHidden>
                </Link>
                <span className="app-header__user-role">{roleLabel(t, user.role)}</span>
              </p>
            )}
            <LanguageSwitch />
            {user && (
              <Button variant="quiet" onClick={doLogout} pending={loggingOut}>
                {t('layout.logout')}
              </Button>
            )}
          </div>
        </div>
        {user && (
          <nav
            className="app-nav"
            aria-label={t('layout.nav')}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && menuOpen) {
                setMenuOpen(false);
                menuButton.current?.focus();
              }
            }}
          >
            <Button
              ref={menuButton}
              variant="quiet"
              className="app-nav__toggle"
              aria-expanded={menuOpen}
              aria-controls="app-nav-list"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="app-nav__toggle-icon" aria-hidden="true" />
              {t('layout.menu')}
            </Button>
            <ul id="app-nav-list" className={menuOpen ? 'app-nav__list--open' : undefined}>
              <li>
                <NavLink to="/organisation">{t('nav.organisation')}</NavLink>
              </li>
              <li>
                <NavLink to="/forloeb">{t('nav.courses')}</NavLink>
              </li>
              {can(user.role, 'measurements.manage') && (
                <li>
                  <NavLink to="/maalinger">{t('nav.measurements')}</NavLink>
                </li>
              )}
              {can(user.role, 'analysis.caseLevel') && (
                <li>
                  <NavLink to="/analyse/forloeb">{t('caseLevel.nav')}</NavLink>
                </li>
              )}
              {can(user.role, 'allocations.read') && (
                <li>
                  <NavLink to="/analyse/lodtraekning">{t('allocation.nav')}</NavLink>
                </li>
              )}
              {can(user.role, 'fidelity.index') && (
                <li>
                  <NavLink to="/analyse/implementering">{t('fidelity.nav')}</NavLink>
                </li>
              )}
              {can(user.role, 'outcomes.report') && (
                <li>
                  <NavLink to="/analyse/udfald">{t('outcomes.nav')}</NavLink>
                </li>
              )}
              {can(user.role, 'implementation.read') && (
                <li>
                  <NavLink to="/implementering">{t('implementation.nav')}</NavLink>
                </li>
              )}
              {can(user.role, 'outbox.read') && (
                <li>
                  <NavLink to="/udbakke">{t('nav.outbox')}</NavLink>
                </li>
              )}
              {can(user.role, 'settings.read') && (
                <li>
                  <NavLink to="/indstillinger">{t('nav.settings')}</NavLink>
                </li>
              )}
              {/* Readers who do not manage measurements reach them as their analyses. */}
              {can(user.role, 'analysis.read') && !can(user.role, 'measurements.manage') && (
                <li>
                  <NavLink to="/maalinger">{t('nav.analysis')}</NavLink>
                </li>
              )}
              {can(user.role, 'analysis.read') && (
                <li>
                  <NavLink to="/overblik">{t('nav.overview')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/workshops">{t('nav.workshops')}</NavLink>
              </li>
              <li>
                <NavLink to="/indsatser">{t('nav.interventions')}</NavLink>
              </li>
              {can(user.role, 'users.manage') && (
                <li>
                  <NavLink to="/brugere">{t('nav.users')}</NavLink>
                </li>
              )}
              {can(user.role, 'instruments.manage') && (
                <li>
                  <NavLink to="/redskaber">{t('instruments.nav')}</NavLink>
                </li>
              )}
              {can(user.role, 'audit.read') && (
                <li>
                  <NavLink to="/aktivitetslog">{t('nav.audit')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <SiteFooter label={t('common.accessibilityStatement')} />
    </div>
  );
}
