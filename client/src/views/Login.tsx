import { useState, type FormEvent } from 'react';
import { api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { navigate, queryParam } from '../router';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Our own pages for logged-in accounts (facilitator, knowledge centre, report), with their query and item anchor. */
const RETURN_PATH = /^\/(begeleider|kenniscentrum|rapport)(\/[a-z0-9/]*)?(\?[A-Za-z0-9=&%+._~-]*)?(#[a-z0-9-]*)?$/;

/** Where to go after logging in: only our own pages. */
function nextPath(): string {
  const next = queryParam('terug');
  return next && RETURN_PATH.test(next) ? next : '/begeleider';
}

export default function Login() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('login.title'));

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
      <form className="rb-form" onSubmit={submit} aria-busy={busy}>
        <TextField
          label={t('form.email')}
          type="email"
          value={email}
          onValue={setEmail}
          required
          autoComplete="username"
        />
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
    </div>
  );
}
