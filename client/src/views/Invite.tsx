import { useState, type FormEvent } from 'react';
import { api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Reads the invite token from the fragment once and hides it from the address bar. */
function takeInviteToken(): string {
  const token = location.hash.slice(1);
  if (token) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

/** /uitnodiging#<token>: a new facilitator chooses a name and password. */
export default function Invite() {
  const { t } = useI18n();
  const [token] = useState(takeInviteToken);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('invite.title'));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/api/invites/accept', { method: 'POST', body: { token, name: name.trim(), password } });
      navigate('/begeleider');
    } catch (err) {
      setError(errorCode(err));
      setBusy(false);
    }
  }

  return (
    <div className="rb-page rb-page--narrow">
      <h1>{t('invite.title')}</h1>
      {!token ? (
        <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
          {t('invite.missing')}
        </p>
      ) : (
        <>
          <p>{t('invite.intro')}</p>
          <form className="rb-form" onSubmit={submit} aria-busy={busy}>
            <TextField label={t('form.name')} value={name} onValue={setName} required maxLength={80} autoComplete="name" />
            <TextField
              label={t('form.password')}
              hint={t('form.newPasswordHint')}
              type="password"
              value={password}
              onValue={setPassword}
              required
              minLength={10}
              maxLength={200}
              autoComplete="new-password"
            />
            <ErrorAlert code={error} />
            <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={busy}>
              {busy ? t('form.busy') : t('invite.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
