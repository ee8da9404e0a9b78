import '../i18n/cockpit';
import '../i18n/accounts';
import { useEffect, useState } from 'react';
import type { AccountInfo, SignInOptions, WorkshopSummary } from '../../../shared/protocol';
import type { Template } from '../../../shared/template';
import { ApiError, api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { goToLogin, navigate } from '../router';
import { signOut } from '../signOut';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { CreateWorkshopForm } from './dashboard/CreateWorkshopForm';
import { AccountsPanel } from './dashboard/AccountsPanel';
import { ImportWorkshopForm } from './dashboard/ImportWorkshopForm';
import { InviteForm } from './dashboard/InviteForm';
import { WorkshopList } from './dashboard/WorkshopList';

interface Loaded {
  account: AccountInfo;
  /** Password accounts are on: invitations make sense. */
  localAccounts: boolean;
  workshops: WorkshopSummary[];
  templates: Template[];
}

type State = { kind: 'loading' } | { kind: 'error'; code: string } | ({ kind: 'ready' } & Loaded);

/** /begeleider: the facilitator's workshops, a form for a new one, and invites. */
export default function Dashboard() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useDocumentTitle(t('dashboard.title'));

  useEffect(() => {
    let live = true;
    const load = async (): Promise<Loaded | null> => {
      const [{ account }, signIn] = await Promise.all([api<{ account: AccountInfo }>('/api/me'), api<SignInOptions>('/api/auth/oidc')]);
      const localAccounts = signIn.localAccounts;
      const facilitates = account.roles.includes('facilitator');
      // A member (action group, stuurgroep) runs no workshops: the knowledge centre is their page.
      if (!facilitates && !account.roles.includes('admin')) {
        navigate('/kenniscentrum', { replace: true });
        return null;
      }
      if (!facilitates) return { account, localAccounts, workshops: [], templates: [] };
      const [list, tpl] = await Promise.all([api<{ workshops: WorkshopSummary[] }>('/api/workshops'), api<{ templates: Template[] }>('/api/templates')]);
      return { account, localAccounts, workshops: list.workshops, templates: tpl.templates };
    };
    load().then(
      (loaded) => {
        if (live && loaded) setState({ kind: 'ready', ...loaded });
      },
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) goToLogin('/begeleider');
        else setState({ kind: 'error', code: errorCode(err) });
      },
    );
    return () => {
      live = false;
    };
  }, []);


  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;
  if (state.kind === 'error') {
    return (
      <div className="rb-page">
        <h1>{t('dashboard.title')}</h1>
        <ErrorAlert code={state.code} />
      </div>
    );
  }

  return (
    <div className="rb-page">
      <div className="rb-page__head">
        <h1>{t('dashboard.title')}</h1>
        <p className="rb-page__who">
          {t('dashboard.loggedInAs', { name: state.account.name })}{' '}
          <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" onClick={() => void signOut()}>
            {t('dashboard.logout')}
          </button>
        </p>
      </div>
      {state.account.roles.includes('facilitator') && (
        <div className="rb-columns">
          <section className="rb-panel rb-columns__main" aria-labelledby="rb-list-title">
            <h2 className="rb-panel__title" id="rb-list-title">
              {t('dashboard.listTitle')}
            </h2>
            <WorkshopList workshops={state.workshops} />
          </section>
          <div className="rb-columns__side">
            <section className="rb-panel" aria-labelledby="rb-knowledge-title">
              <h2 className="rb-panel__title" id="rb-knowledge-title">
                {t('lasting.knowledge.title')}
              </h2>
              <p>{t('lasting.knowledge.text')}</p>
              <p>
                <Link className="utrecht-button utrecht-button--secondary-action rb-button" href="/kenniscentrum">
                  {t('lasting.knowledge.link')}
                </Link>
              </p>
            </section>
            <CreateWorkshopForm templates={state.templates} />
            <ImportWorkshopForm />
            {state.account.roles.includes('admin') && state.localAccounts && <InviteForm />}
          </div>
        </div>
      )}
      {state.account.roles.includes('admin') && <AccountsPanel selfId={state.account.id} />}
    </div>
  );
}
