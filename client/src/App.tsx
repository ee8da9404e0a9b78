import { Component, Suspense, lazy, useEffect, useRef, type ReactNode } from 'react';
import { t, useI18n } from './i18n';
import { matchRoute, usePathname, type Route } from './router';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Link } from './components/Link';
import { Footer } from './site/Footer';
import { useSite } from './site/useSite';

// Every view is its own chunk: a phone on /w/... never downloads the facilitator code.
const Home = lazy(() => import('./views/Home'));
const Join = lazy(() => import('./views/Join'));
const Login = lazy(() => import('./views/Login'));
const Invite = lazy(() => import('./views/Invite'));
const Dashboard = lazy(() => import('./views/Dashboard'));
const Facilitator = lazy(() => import('./views/Facilitator'));
const Screen = lazy(() => import('./views/Screen'));
const Participant = lazy(() => import('./views/Participant'));
const Knowledge = lazy(() => import('./views/Knowledge'));
const Report = lazy(() => import('./views/Report'));
const SitePage = lazy(() => import('./views/SitePage'));
const Owner = lazy(() => import('./views/Owner'));
const ProgressPage = lazy(() => import('./views/ProgressPage'));

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'join':
      return <Join />;
    case 'login':
      return <Login />;
    case 'invite':
      return <Invite />;
    case 'dashboard':
      return <Dashboard />;
    case 'facilitator':
      return <Facilitator key={route.id} id={route.id} />;
    case 'screen':
      return <Screen key={route.id} id={route.id} />;
    case 'participant':
      return <Participant key={route.id} id={route.id} />;
    case 'knowledge':
      return <Knowledge section={route.section} id={route.id} />;
    case 'report':
      return <Report key={route.id} id={route.id} />;
    case 'owner':
      return <Owner />;
    case 'progressPage':
      return <ProgressPage key={route.token ?? ''} token={route.token} />;
    case 'sitePage':
      return <SitePage key={route.page} page={route.page} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="rb-page rb-page--narrow">
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.text')}</p>
      <p>
        <Link href="/">{t('app.toHome')}</Link>
      </p>
    </div>
  );
}

/** A chunk that fails to load (bad Wi-Fi, new deploy) gets a way out instead of a blank page. */
class ChunkBoundary extends Component<{ children: ReactNode; path: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(prev: { path: string }) {
    if (prev.path !== this.props.path && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="rb-page rb-page--narrow">
        <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
          {t('app.loadFailed')}
        </p>
        <button type="button" className="utrecht-button utrecht-button--primary-action rb-button" onClick={() => location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    );
  }
}

/** The municipality's logo (from its theme) or the built-in mark, and the site's name. */
function Brand() {
  const site = useSite();
  return (
    <Link className="rb-brand" href="/">
      {site.logoUrl ? (
        <img className="rb-brand__logo" src={site.logoUrl} alt="" />
      ) : (
        <span className="rb-brand__mark" aria-hidden="true" />
      )}
      {site.name}
    </Link>
  );
}

export function App() {
  const { t } = useI18n();
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After in-app navigation, move focus to the new content so screen readers start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  if (route.name === 'screen') {
    return (
      <main id="main" ref={main} tabIndex={-1} className="rb-main rb-main--screen">
        <ChunkBoundary path={pathname}>
          <Suspense fallback={<p className="rb-loading">{t('app.loading')}</p>}>
            <View route={route} />
          </Suspense>
        </ChunkBoundary>
      </main>
    );
  }

  return (
    <>
      <a className="utrecht-skip-link rb-skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="utrecht-page-header rb-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main id="main" ref={main} tabIndex={-1} className="rb-main">
        <ChunkBoundary path={pathname}>
          <Suspense fallback={<p className="rb-loading">{t('app.loading')}</p>}>
            <View route={route} />
          </Suspense>
        </ChunkBoundary>
      </main>
      <Footer />
    </>
  );
}
