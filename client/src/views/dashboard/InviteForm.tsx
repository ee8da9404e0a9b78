import { useId, useRef, useState, type FormEvent } from 'react';
import { api, errorCode } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { formatDate } from './WorkshopList';

interface InviteAnswer {
  inviteUrl: string;
  expiresAt?: number;
}

/** Invite another facilitator: the server makes a one-time link, which the facilitator sends on. */
export function InviteForm() {
  const { t, lang } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [invite, setInvite] = useState<InviteAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copyNote, setCopyNote] = useState('');
  const linkRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopyNote('');
    try {
      setInvite(await api<InviteAnswer>('/api/invites', { method: 'POST', body: { email: email.trim() } }));
      setEmail('');
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.inviteUrl);
      setCopyNote(t('dashboard.copied'));
    } catch {
      linkRef.current?.select();
      setCopyNote(t('dashboard.copyFailed'));
    }
  }

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('dashboard.inviteTitle')}
      </h2>
      <form className="rb-form" onSubmit={submit} aria-busy={busy}>
        <TextField
          label={t('dashboard.inviteField')}
          type="email"
          value={email}
          onValue={setEmail}
          required
          maxLength={200}
          autoComplete="off"
        />
        <ErrorAlert code={error} />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action rb-button" disabled={busy}>
          {busy ? t('form.busy') : t('dashboard.inviteSubmit')}
        </button>
      </form>
      {invite && (
        <div className="rb-invite-result">
          <p>
            {t('dashboard.inviteResult', {
              date: invite.expiresAt ? formatDate(invite.expiresAt, lang) : '–',
            })}
          </p>
          <label className="rb-field__label" htmlFor={`${id}-link`}>
            {t('dashboard.inviteLink')}
          </label>
          <input
            ref={linkRef}
            id={`${id}-link`}
            className="utrecht-textbox utrecht-textbox--html-input rb-input"
            readOnly
            value={invite.inviteUrl}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="invite-url"
          />
          <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void copy()}>
            {t('dashboard.copy')}
          </button>
          <p role="status" className="rb-form-note">
            {copyNote}
          </p>
        </div>
      )}
    </section>
  );
}
