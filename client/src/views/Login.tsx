import '../i18n/accounts';
import '../styles/accounts.css';
import { useEffect, useState, type FormEvent } from 'react';
import { RETURN_PATH, type SignInOptions } from '../../../shared/protocol';
import { api, errorCode } from '../api';
import { errorKey, useI18n } from '../i18n';
import { navigate, queryParam } from '../router';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** What the server's OpenID Connect callback puts in ?fout= when it refuses a sign-in: a code, nothing else. */
const SIGN_IN_ERROR = /^[A-Z_]{3,40}$/;

/** The page to return to after logging in, when one was asked for: only our own pages. */
function returnPath(): string | null {
  const next = queryParam('terug');
  return next && RETURN_PATH.test(next) ? next : null;
}

/** Where to go after a password login. */
function nextPath(): string {
  return returnPath() ?? '/begeleider';
}

/** The start of a sign-in at the organisation; without a page to return to, the server picks one by role. */
function ssoHref(): string {
  const back = returnPath();
  return back ? `/api/auth/oidc/login?terug=${encodeURIComponent(back)}` : '/api/auth/oidc/login';
}

/**
 * The error the sign-in callback sent us back with (?fout=CODE). Read during render (pure: React
 * may render a lazy view more than once before it shows it); the address bar is cleaned only once
 * the page is shown (dropSignInError).
 */
function signInErrorOf(): string | null {
  const code = queryParam('fout');
  if (code === null) return null;
  return SIGN_IN_ERROR.test(code) ? code : 'INTERNAL';
}

/** Replaces the address by plain /inloggen: a reload, a bookmark or a shared link carries no old error. */
function dropSignInError(): void {
  if (queryParam('fout') === null) return;
  const back = queryParam('terug');
  history.replaceState(history.state, '', back ? `/inloggen?terug=${encodeURIComponent(back)}` : '/inloggen');
}

export default function Login() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signInError] = useState(signInErrorOf);
  useEffect(dropSignInError, []);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useDocumentTitle(t('login.title'));

  useEffect(() => {
    let live = true;
    api<SignInOptions>('/api/auth/oidc').then(
      (o) => live && setOptions(o),
      // Without the answer, offer the password form: the server still decides.
      () => live && setOptions({ enabled: false, organisationName: '', localAccounts: true }),
    );
    return () => {
      live = false;
    };
  }, []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/api/login', { method: 'POST', body: { email: email.trim(), password } });
      navigate(nextPath());
    } catch (err) {
      setError(errorCode(err));
      setBusy(false);
    }
  }

  return (
    <div className="rb-page rb-page--narrow">
      <h1>{t('login.title')}</h1>
      {signInError && (
        <section className="utrecht-alert utrecht-alert--error rb-alert rb-login__failed" role="alert" aria-labelledby="rb-login-failed">
          <h2 id="rb-login-failed" className="rb-login__failed-title">
            {t('login.failedTitle')}
          </h2>
          <p>{t(errorKey(signInError))}</p>
          <p>{t('login.failedCode', { code: signInError })}</p>
        </section>
      )}
      {options === null ? (
        <p className="rb-loading">{t('app.loading')}</p>
      ) : (
        <>
          {options.enabled && (
            <section className="rb-login__sso" aria-labelledby="rb-login-sso">
              <p id="rb-login-sso">{t('login.ssoIntro', { organisation: options.organisationName })}</p>
              {/* A full page load, not the client router: the server sends the browser on to the provider. */}
              <a className="utrecht-button utrecht-button--primary-action rb-button" href={ssoHref()}>
                {t('login.sso', { organisation: options.organisationName })}
              </a>
            </section>
          )}
          {options.localAccounts && (
            <section aria-labelledby={options.enabled ? 'rb-login-password' : undefined}>
              {options.enabled && (
                <h2 id="rb-login-password" className="rb-login__password-title">
                  {t('login.passwordTitle')}
                </h2>
              )}
              <form className="rb-form" onSubmit={submit} aria-busy={busy}>
                <TextField label={t('form.email')} type="email" value={email} onValue={setEmail} required autoComplete="username" />
                <TextField
                  label={t('form.password')}
                  type="password"
                  value={password}
                  onValue={setPassword}
                  required
                  autoComplete="current-password"
                />
                <ErrorAlert code={error} />
                <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={busy}>
                  {busy ? t('form.busy') : t('login.submit')}
                </button>
              </form>
            </section>
          )}
          {!options.enabled && !options.localAccounts && <p>{t('login.nothingOn')}</p>}
        </>
      )}
    </div>
  );
}
