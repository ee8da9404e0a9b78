import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KnowledgeWorkshop } from '../../../../shared/knowledge';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n';
import { failure } from './useApiData';

/**
 * Deleting a workshop for good: a modal dialog (native <dialog>: focus stays
 * inside, Esc closes it) in which the title must be typed again. The server
 * checks it; its CONFIRMATION_NEEDED is shown here.
 */
export function DeleteDialog({
  workshop,
  onClose,
  onDeleted,
}: {
  workshop: Pick<KnowledgeWorkshop, 'id' | 'title'>;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/workshops/${workshop.id}`, { method: 'DELETE', body: { confirmTitle: typed } });
      onDeleted();
    } catch (err) {
      setError(failure(err));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="rb-kc-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={onClose}
      data-testid="delete-dialog"
    >
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <h2 id={`${id}-title`}>{t('kc.delete.title')}</h2>
        <p id={`${id}-text`}>{t('kc.delete.text', { title: workshop.title })}</p>
        <TextField label={t('kc.delete.field')} value={typed} onValue={setTyped} autoComplete="off" spellCheck={false} />
        <ErrorAlert code={error} />
        <div className="rb-kc-actions">
          <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--danger rb-button" disabled={busy}>
            {busy ? t('form.busy') : t('kc.delete.submit')}
          </button>
          <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => dialog.current?.close()}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
