import { useState, type FormEvent } from 'react';
import { DISPLAY_NAME_MAX, type JoinResult } from '../../../shared/protocol';
import { api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { saveParticipant } from '../realtime/session';
import { joinCodeDigits } from '../joinCode';
import { ErrorAlert } from './ErrorAlert';
import { TextField } from './TextField';

/** Join a workshop with its 8-digit code and an optional name. */
export function JoinForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useI18n();
  const [code, setCode] = useState(() => joinCodeDigits(initialCode).slice(0, 8));
  const [name, setName] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const digits = joinCodeDigits(code);
    if (digits.length !== 8) {
      setCodeError(t('join.codeInvalid'));
      return;
    }
    setCodeError(null);
    setError(null);
    setBusy(true);
    try {
      const result = await api<JoinResult>('/api/join', { method: 'POST', body: { code: digits, name: name.trim() } });
      saveParticipant(result.workshopId, { participantId: result.participantId, token: result.token, name: name.trim() });
      navigate(`/w/${result.workshopId}`);
    } catch (err) {
      setError(errorCode(err));
      setBusy(false);
    }
  }

  return (
    <form className="rb-form" onSubmit={submit} noValidate aria-busy={busy}>
      <TextField
        label={t('join.code')}
        hint={t('join.codeHint')}
        value={code}
        onValue={(v) => {
          // Kept as typed: "1234 5678" and "12345678" both work; spaces are removed on sending.
          setCode(v);
          if (codeError) setCodeError(null);
        }}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        className="rb-field--code"
        error={codeError}
      />
      <TextField
        label={t('join.name')}
        hint={t('join.nameHint')}
        value={name}
        onValue={setName}
        maxLength={DISPLAY_NAME_MAX}
        autoComplete="nickname"
      />
      <ErrorAlert code={error} />
      <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button rb-button--large" disabled={busy}>
        {busy ? t('form.busy') : t('join.submit')}
      </button>
    </form>
  );
}
