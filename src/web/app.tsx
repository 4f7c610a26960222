/** Routes and the page frame: header (product, navigation, language, user menu), main, footer. */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../shared/domain.ts';
import { RequireAuth, useAuth } from './auth.tsx';
import { currentLanguage, publicCounterpart, publicPath, rememberLanguage, setLanguage } from './i18n.ts';
import { PublicPage } from './modules/public/public-page.tsx';
import { PublicAddress } from './modules/public/public-address.tsx';
import { LoginPage } from './modules/identity/login-page.tsx';
import { ChangePasswordPage } from './modules/identity/change-password-page.tsx';
import { SecondFactorPage } from './modules/identity/second-factor-page.tsx';
import { QueuePage } from './modules/exchange/queue-page.tsx';
import { RequestFormPage } from './modules/exchange/request-form-page.tsx';
import { RequestDetailPage } from './modules/exchange/request-detail-page.tsx';
import { PersonSearchPage } from './modules/matching/person-search-page.tsx';
import { MatchingSettingsPage } from './modules/matching/settings-page.tsx';
import { RegisterPage } from './modules/wanted/register-page.tsx';
import { WantedFormPage } from './modules/wanted/wanted-form-page.tsx';
import { WantedDetailPage } from './modules/wanted/wanted-detail-page.tsx';
import { PublicWantedPage } from './modules/wanted/public-wanted-page.tsx';
import { FederationAdminPage } from './modules/federation/federation-admin-page.tsx';
import { AuditPage } from './modules/accountability/audit-page.tsx';
import { ReviewsPage } from './modules/accountability/reviews-page.tsx';
import { DataSubjectPage } from './modules/accountability/data-subject-page.tsx';
import { StrategicHomePage } from './modules/strategic/strategic-home-page.tsx';
import { GroupPage } from './modules/strategic/group-page.tsx';
import { MeetingPage } from './modules/strategic/meeting-page.tsx';
import { ProjectsPage } from './modules/development/projects-page.tsx';
import { ProjectFormPage } from './modules/development/project-form-page.tsx';
import { ProjectDetailPage } from './modules/development/project-detail-page.tsx';
import { PeaceRoutes } from './modules/peace/peace-routes.tsx';
import { NotFoundPage } from './ui/not-found.tsx';
import { SessionGuard } from './ui/session-guard.tsx';
import { NotificationBell } from './ui/notification-bell.tsx';
import { CaseSearchPage } from './modules/desk/case-search-page.tsx';
import { HandoverPage } from './modules/desk/handover-page.tsx';

// The charts library is large: the statistics page loads on first visit, not with the app.
const StatisticsPage = lazy(() => import('./modules/accountability/statistics-page.tsx').then((m) => ({ default: m.StatisticsPage })));

/** Roles that work or read cases (the exchange module's need-to-know scope gives them their cases). */
const CASE_ROLES: string[] = ['duty_officer', 'case_officer', 'supervisor', 'auditor', 'fast_officer'];

export function App() {
  return (
    <>
      <SkipLink />
      <Header />
      <SessionGuard />
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<PublicAddress><PublicPage /></PublicAddress>} />
          <Route path="/en" element={<PublicAddress><PublicPage /></PublicAddress>} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/account/password" element={<RequireAuth allowTemporaryPassword><ChangePasswordPage /></RequireAuth>} />
          <Route path="/account/second-factor" element={<RequireAuth allowSecondFactorSetup><SecondFactorPage /></RequireAuth>} />
          <Route path="/desk" element={<RequireAuth><QueuePage /></RequireAuth>} />
          <Route path="/desk/requests/new" element={<RequireAuth><RequestFormPage /></RequireAuth>} />
          <Route path="/desk/requests/:id" element={<RequireAuth><RequestDetailPage /></RequireAuth>} />
          <Route path="/desk/requests/:id/edit" element={<RequireAuth><RequestFormPage /></RequireAuth>} />
          <Route path="/persons/search" element={<RequireAuth><PersonSearchPage /></RequireAuth>} />
          <Route path="/desk/search" element={<RequireAuth><CaseSearchPage /></RequireAuth>} />
          <Route path="/desk/handover" element={<RequireAuth><HandoverPage /></RequireAuth>} />
          <Route path="/wanted" element={<PublicAddress><PublicWantedPage /></PublicAddress>} />
          <Route path="/en/wanted" element={<PublicAddress><PublicWantedPage /></PublicAddress>} />
          <Route path="/desk/wanted" element={<RequireAuth><RegisterPage /></RequireAuth>} />
          <Route path="/desk/wanted/new" element={<RequireAuth><WantedFormPage /></RequireAuth>} />
          <Route path="/desk/wanted/:id" element={<RequireAuth><WantedDetailPage /></RequireAuth>} />
          <Route path="/admin/federation" element={<RequireAuth><FederationAdminPage /></RequireAuth>} />
          <Route path="/admin/matching" element={<RequireAuth><MatchingSettingsPage /></RequireAuth>} />
          <Route path="/accountability/audit" element={<RequireAuth><AuditPage /></RequireAuth>} />
          <Route path="/accountability/reviews" element={<RequireAuth><ReviewsPage /></RequireAuth>} />
          <Route path="/accountability/statistics" element={<RequireAuth><Suspense fallback={null}><StatisticsPage /></Suspense></RequireAuth>} />
          <Route path="/accountability/data-subjects" element={<RequireAuth><DataSubjectPage /></RequireAuth>} />
          <Route path="/strategic" element={<RequireAuth><StrategicHomePage /></RequireAuth>} />
          <Route path="/strategic/groups/:id" element={<RequireAuth><GroupPage /></RequireAuth>} />
          <Route path="/strategic/meetings/:id" element={<RequireAuth><MeetingPage /></RequireAuth>} />
          <Route path="/development" element={<RequireAuth><ProjectsPage /></RequireAuth>} />
          <Route path="/development/new" element={<RequireAuth><ProjectFormPage /></RequireAuth>} />
          <Route path="/development/:id" element={<RequireAuth><ProjectDetailPage /></RequireAuth>} />
          <Route path="/peace/*" element={<RequireAuth><PeaceRoutes /></RequireAuth>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <Footer />
      <FocusOnNavigate />
    </>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('common.skipToContent')}
    </a>
  );
}

/** After a route change, move focus to <main> so screen-reader users start at the new content. */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);
  return null;
}

function Header() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const lang = currentLanguage();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to={user ? '/desk' : publicPath('/', lang)} className="brand">
          <span className="brand-name">{t('common.product')}</span>
          <span className="brand-tag">{t('common.tagline')}</span>
        </Link>
        <nav aria-label={t('common.nav.label')} className="main-nav">
          <ul>
            <li>
              <NavLink to={publicPath('/', lang)} end>
                {t('common.nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to={publicPath('/wanted', lang)}>{t('wanted.public.nav')}</NavLink>
            </li>
            {user && (
              <>
                <li>
                  <NavLink to="/desk" end>
                    {t('common.nav.queue')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/desk/requests/new?direction=incoming">{t('common.nav.newIncoming')}</NavLink>
                </li>
                <li>
                  <NavLink to="/desk/requests/new?direction=outgoing">{t('common.nav.newOutgoing')}</NavLink>
                </li>
                {user.roles.some((r) => r !== 'administrator') && (
                  <li>
                    <NavLink to="/persons/search">{t('matching.search.nav')}</NavLink>
                  </li>
                )}
                {user.roles.some((r) => CASE_ROLES.includes(r)) && (
                  <>
                    <li>
                      <NavLink to="/desk/search">{t('desk.nav.search')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/desk/handover">{t('desk.nav.handover')}</NavLink>
                    </li>
                  </>
                )}
                {user.roles.includes('administrator') && (
                  <li>
                    <NavLink to="/admin/federation">{t('federation.nav')}</NavLink>
                  </li>
                )}
                {user.roles.includes('administrator') && (
                  <li>
                    <NavLink to="/admin/matching">{t('matching.settings.nav')}</NavLink>
                  </li>
                )}
                {user.roles.includes('auditor') && (
                  <li>
                    <NavLink to="/accountability/audit">{t('accountability.nav.audit')}</NavLink>
                  </li>
                )}
                {user.roles.includes('supervisor') && (
                  <li>
                    <NavLink to="/accountability/reviews">{t('accountability.nav.reviews')}</NavLink>
                  </li>
                )}
                {user.roles.some((r) => r === 'auditor' || r === 'supervisor' || r === 'administrator') && (
                  <li>
                    <NavLink to="/accountability/statistics">{t('accountability.nav.statistics')}</NavLink>
                  </li>
                )}
                {user.roles.includes('administrator') && (
                  <li>
                    <NavLink to="/accountability/data-subjects">{t('accountability.nav.dataSubjects')}</NavLink>
                  </li>
                )}
                {user.roles.includes('fast_officer') && (
                  <li>
                    <NavLink to="/desk/wanted">{t('wanted.nav')}</NavLink>
                  </li>
                )}
                {user.roles.includes('strategic_officer') && (
                  <li>
                    <NavLink to="/strategic">{t('strategic.nav')}</NavLink>
                  </li>
                )}
                {user.roles.includes('development_officer') && (
                  <li>
                    <NavLink to="/development">{t('development.nav')}</NavLink>
                  </li>
                )}
                {user.roles.includes('peace_ops_officer') && (
                  <li>
                    <NavLink to="/peace">{t('peace.nav')}</NavLink>
                  </li>
                )}
              </>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          {user && !user.mustChangePassword && !user.secondFactorRequired && <NotificationBell />}
          <LanguageSwitch />
          {user ? <UserMenu /> : <Link to="/login" className="button button-secondary">{t('common.nav.login')}</Link>}
        </div>
      </div>
    </header>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const choose = (l: Locale) => {
    // On a public page the other language has its own address; elsewhere the page stays and its language changes.
    const to = publicCounterpart(pathname, l);
    if (!to) return void setLanguage(l);
    rememberLanguage(l);
    navigate(to + search);
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language.label')}>
      {(['sv', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          data-testid={`lang-${l}`}
          aria-pressed={lang === l}
          className={lang === l ? 'lang-current' : undefined}
          onClick={() => choose(l)}
        >
          {i18n.getFixedT(l)('common.language.self')}
        </button>
      ))}
    </div>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (wrapRef.current && !wrapRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) return null;
  const onLogout = async () => {
    setOpen(false);
    await logout();
  };
  return (
    <div className="user-menu" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="user-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">{t('common.user.menu')}: </span>
        {user.displayName} <span aria-hidden="true">▾</span>
      </button>
      <div id={menuId} className="user-menu-panel" hidden={!open}>
        <p className="user-menu-name">{user.displayName}</p>
        <p className="muted">
          {user.username} · {user.unit.name}
        </p>
        {user.roles.length > 0 && (
          <p className="muted">{user.roles.map((r) => t(`domain.roles.${r}`, { defaultValue: r })).join(', ')}</p>
        )}
        <Link to="/account/password" className="button button-secondary" data-testid="change-password" onClick={() => setOpen(false)}>
          {t('identity.password.menu')}
        </Link>
        <Link to="/account/second-factor" className="button button-secondary" data-testid="second-factor" onClick={() => setOpen(false)}>
          {t('identity.factor.menu')}
        </Link>
        <button type="button" className="button" data-testid="logout" onClick={() => void onLogout()}>
          {t('common.user.logout')}
        </button>
      </div>
    </div>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('common.footer')}</p>
    </footer>
  );
}
