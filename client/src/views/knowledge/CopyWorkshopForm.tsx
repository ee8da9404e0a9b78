import { useState, type FormEvent } from 'react';
import { copyTitle, type KnowledgeWorkshop } from '../../../../shared/knowledge';
import { WORKSHOP_TITLE_MAX, type WorkshopDetail } from '../../../../shared/protocol';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { failure } from './useApiData';

/**
 * "Kopie maken" asks for the copy's title first (proposed: the title with " (kopie)"),
 * so the two workshops can be told apart everywhere afterwards.
 */
export function CopyWorkshopForm({ workshop, onCancel }: { workshop: Pick<KnowledgeWorkshop, 'id' | 'title'>; onCancel: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(() => copyTitle(workshop.title, WORKSHOP_TITLE_MAX));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const copy = await api<WorkshopDetail>(`/api/workshops/${workshop.id}/duplicate`, { method: 'POST', body: { title } });
      navigate(`/begeleider/w/${copy.id}`);
    } catch (err) {
      setError(failure(err));
      setBusy(false);
    }
  }

  return (
    <form className="rb-kc-manage rb-copy-form" onSubmit={submit} aria-busy={busy} aria-label={t('cockpit.copy.formName', { title: workshop.title })}>
      <TextField label={t('cockpit.copy.title')} value={title} onValue={setTitle} maxLength={WORKSHOP_TITLE_MAX} required autoFocus />
      <ErrorAlert code={error} />
      <div className="rb-kc-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button rb-button--small" disabled={busy || !title.trim()}>
          {busy ? t('form.busy') : t('cockpit.copy.submit')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Where a workshop came from, in words: "Kopie van „…”" or "Geïmporteerd uit „…”". */
export function OriginLine({ origin }: { origin: KnowledgeWorkshop['origin'] }) {
  const { t } = useI18n();
  if (!origin) return null;
  return (
    <span className="rb-kc-origin" data-testid="workshop-origin">
      {t(origin.kind === 'copy' ? 'cockpit.origin.copy' : 'cockpit.origin.import', { title: origin.title })}
    </span>
  );
}
