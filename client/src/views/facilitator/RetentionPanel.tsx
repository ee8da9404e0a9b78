import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KnowledgeWorkshop } from '../../../../shared/knowledge';
import { api, errorCode } from '../../api';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useAction } from '../../method/useAction';
import { navigate } from '../../router';
import { formatDay, restOutcome } from './restOutcome';

const pad = (n: number) => String(n).padStart(2, '0');
/** A moment as the value of <input type="date"> (local date). */
const toDateInput = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/** The end of a chosen day (local time): kept for the whole of that day. */
const endOfDay = (value: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).getTime() : null;
};

interface Props {
  workshopId: string;
  title: string;
}

/** "Bewaren en verwijderen": how long the workshop is kept, removing names, and deleting it for good. */
export function RetentionPanel({ workshopId, title }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const [until, setUntil] = useState<number | null>(null);
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [pseudoDone, setPseudoDone] = useState('');
  const save = useAction();
  const pseudo = useAction();
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops').then(
      (res) => {
        const mine = res.workshops.find((w) => w.id === workshopId);
        if (!live || !mine) return;
        setUntil(mine.retentionUntil);
        setDate(toDateInput(mine.retentionUntil));
      },
      (err: unknown) => live && setLoadError(errorCode(err)),
    );
    return () => {
      live = false;
    };
  }, [workshopId]);

  async function saveDate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved('');
    const at = endOfDay(date);
    if (at === null || at <= Date.now()) {
      setDateError(t('lasting.keep.future'));
      return;
    }
    setDateError(null);
    const result = await save.run(() => restOutcome(() => api(`/api/workshops/${workshopId}`, { method: 'PATCH', body: { retentionUntil: at } })));
    if (result.ok) {
      setUntil(at);
      setSaved(t('lasting.keep.saved', { date: formatDay(at, lang) }));
    }
  }

  return (
    <section className="rb-panel rb-danger-zone" id="bewaren" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('lasting.keep.title')}
      </h2>
      <ErrorAlert code={loadError} />
      {until !== null && <p data-testid="retention-until">{t('lasting.keep.until', { date: formatDay(until, lang) })}</p>}
      <form className="rb-form" onSubmit={saveDate} aria-busy={save.busy}>
        <TextField label={t('lasting.keep.field')} type="date" value={date} onValue={setDate} error={dateError} required />
        <ErrorAlert code={save.error} />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action rb-button" disabled={save.busy}>
          {t('lasting.keep.save')}
        </button>
        <p className="rb-status-note" role="status">
          {saved}
        </p>
      </form>

      <div className="rb-danger-zone__part">
        <p className="rb-field__hint">{t('lasting.pseudo.hint')}</p>
        <ConfirmButton
          label={t('lasting.pseudo.button')}
          question={t('lasting.pseudo.question')}
          confirmLabel={t('lasting.pseudo.confirm')}
          disabled={pseudo.busy}
          onConfirm={async () => {
            setPseudoDone('');
            const result = await pseudo.run(() => restOutcome(() => api(`/api/workshops/${workshopId}/pseudonymise`, { method: 'POST' })));
            if (result.ok) setPseudoDone(t('lasting.pseudo.done'));
          }}
        />
        <ErrorAlert code={pseudo.error} />
        <p className="rb-status-note" role="status">
          {pseudoDone}
        </p>
      </div>

      <div className="rb-danger-zone__part">
        <p className="rb-field__hint">{t('lasting.delete.hint')}</p>
        <DeleteWorkshop workshopId={workshopId} title={title} />
      </div>
    </section>
  );
}

/** A dialog where the title must be typed again; then the workshop is deleted and the dashboard opens. */
function DeleteWorkshop({ workshopId, title }: Props) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function open() {
    setTyped('');
    setError(null);
    dialog.current?.showModal();
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (typed.trim() !== title) {
      setError('CONFIRMATION_NEEDED');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/workshops/${workshopId}`, { method: 'DELETE', body: { confirmTitle: typed.trim() } });
      dialog.current?.close();
      navigate('/begeleider');
    } catch (err) {
      setError(errorCode(err));
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="utrecht-button utrecht-button--secondary-action utrecht-button--danger rb-button" aria-haspopup="dialog" onClick={open}>
        {t('lasting.delete.button')}
      </button>
      <dialog ref={dialog} className="rb-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
        <h2 className="rb-dialog__title" id={`${id}-title`}>
          {t('lasting.delete.dialogTitle')}
        </h2>
        <p id={`${id}-text`}>{t('lasting.delete.hint')}</p>
        <form className="rb-form" onSubmit={submit} aria-busy={busy}>
          <TextField
            label={t('lasting.delete.field')}
            hint={t('lasting.delete.dialogText', { title })}
            value={typed}
            onValue={setTyped}
            autoComplete="off"
            spellCheck={false}
          />
          <ErrorAlert code={error} />
          <div className="rb-actions">
            <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--danger rb-button" disabled={busy}>
              {t('lasting.delete.confirm')}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => dialog.current?.close()}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
