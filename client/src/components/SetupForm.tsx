import { useState, type FormEvent } from 'react';
import { api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { ErrorAlert } from './ErrorAlert';
import { TextField } from './TextField';

/** The very first facilitator account (only while there is none). */
export function SetupForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/api/setup', { method: 'POST', body: { name: name.trim(), email: email.trim(), password } });
      navigate('/begeleider');
    } catch (err) {
      const code = errorCode(err);
      if (code === 'SETUP_DONE') {
        navigate('/inloggen', { replace: true });
        return;
      }
      setError(code);
      setBusy(false);
    }
  }

  return (
    <form className="rb-form" onSubmit={submit} aria-busy={busy}>
      <TextField label={t('form.name')} value={name} onValue={setName} required maxLength={80} autoComplete="name" />
      <TextField
        label={t('form.email')}
        type="email"
        value={email}
        onValue={setEmail}
        required
        maxLength={200}
        autoComplete="email"
      />
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
        {busy ? t('form.busy') : t('setup.submit')}
      </button>
    </form>
  );
}
