import { useEffect, useState } from 'react';
import { api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { JoinForm } from '../components/JoinForm';
import { Link } from '../components/Link';
import { SetupForm } from '../components/SetupForm';
import { useDocumentTitle } from '../components/useDocumentTitle';

type SetupState = { kind: 'loading' } | { kind: 'needed' } | { kind: 'done' } | { kind: 'error'; code: string };

/** Start page: the first-account form on a fresh install, otherwise the join form. */
export default function Home() {
  const { t } = useI18n();
  const [setup, setSetup] = useState<SetupState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    api<{ needed: boolean }>('/api/setup').then(
      (r) => live && setSetup({ kind: r.needed ? 'needed' : 'done' }),
      (err: unknown) => live && setSetup({ kind: 'error', code: errorCode(err) }),
    );
    return () => {
      live = false;
    };
  }, []);

  useDocumentTitle(setup.kind === 'needed' ? t('setup.title') : t('home.title'));

  if (setup.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;

  if (setup.kind === 'needed') {
    return (
      <div className="rb-page rb-page--narrow">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <SetupForm />
      </div>
    );
  }

  return (
    <div className="rb-page rb-page--narrow">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {setup.kind === 'error' && <ErrorAlert code={setup.code} />}
      <JoinForm />
      <p className="rb-aside">
        {t('home.facilitatorText')} <Link href="/inloggen">{t('home.facilitatorLogin')}</Link>
      </p>
    </div>
  );
}
