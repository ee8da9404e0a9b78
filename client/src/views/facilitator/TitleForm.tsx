import { useId, useState, type FormEvent } from 'react';
import { WORKSHOP_TITLE_MAX } from '../../../../shared/protocol';
import { api, errorCode } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n';

/**
 * Renaming the workshop; every connected screen and phone gets the new title at once.
 * On the facilitator's settings and in the knowledge centre's "Beheren" (which reloads its list: `onSaved`).
 */
export function TitleForm({ workshopId, title, onSaved }: { workshopId: string; title: string; onSaved?: (title: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api(`/api/workshops/${workshopId}`, { method: 'PATCH', body: { title: value } });
      setSaved(true);
      onSaved?.(value.trim());
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rb-form" onSubmit={submit} aria-busy={busy} aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="rb-sr-only">
        {t('cockpit.rename.title')}
      </span>
      <TextField label={t('cockpit.rename.title')} value={value} onValue={setValue} maxLength={WORKSHOP_TITLE_MAX} required />
      <ErrorAlert code={error} />
      <p role="status" className="rb-state-line">
        {saved ? t('cockpit.rename.done') : ''}
      </p>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action rb-button" disabled={busy || !value.trim() || value.trim() === title}>
        {busy ? t('form.busy') : t('cockpit.rename.submit')}
      </button>
    </form>
  );
}
