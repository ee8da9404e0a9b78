import { useEffect, useState } from 'react';
import type { SitePageName, SitePageText } from '../../../shared/site';
import { api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { SiteText } from '../site/SiteText';

type State = { kind: 'loading' } | { kind: 'ready'; text: SitePageText } | { kind: 'error'; code: string };

/** /toegankelijkheid and /privacy: the municipality's text (or the built-in one), in the chosen language. */
export default function SitePage({ page }: { page: SitePageName }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useDocumentTitle(t(page === 'privacy' ? 'footer.privacy' : 'footer.accessibility'));

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api<SitePageText>(`/api/site/pages/${page}?lang=${lang}`).then(
      (text) => live && setState({ kind: 'ready', text }),
      (err: unknown) => live && setState({ kind: 'error', code: errorCode(err) }),
    );
    return () => {
      live = false;
    };
  }, [page, lang]);

  return (
    <div className="rb-page rb-page--narrow" data-testid="site-page" data-page={page} aria-busy={state.kind === 'loading'}>
      {state.kind === 'loading' && <p className="rb-loading">{t('app.loading')}</p>}
      {state.kind === 'error' && (
        <>
          <h1>{t(page === 'privacy' ? 'footer.privacy' : 'footer.accessibility')}</h1>
          <ErrorAlert code={state.code} />
        </>
      )}
      {state.kind === 'ready' && <SiteText source={state.text.text} />}
    </div>
  );
}
