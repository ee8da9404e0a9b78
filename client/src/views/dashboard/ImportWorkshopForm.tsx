import { useId, useRef, useState, type FormEvent } from 'react';
import { copyTitle } from '../../../../shared/knowledge';
import { WORKSHOP_TITLE_MAX, type WorkshopDetail } from '../../../../shared/protocol';
import { TextField } from '../../components/TextField';
import { api, errorCode } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { navigate } from '../../router';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The server's limit for an import (IMPORT_LIMIT in server/http/knowledgeApi.ts). */
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Import errors said for what they mean here: a file, not a form. */
const IMPORT_ERRORS: Partial<Record<string, MessageKey>> = {
  INVALID_PAYLOAD: 'lasting.import.invalid',
  PAYLOAD_TOO_LARGE: 'lasting.import.tooLarge',
};

/** A JSON export chosen from disk becomes a new workshop, which opens. */
export function ImportWorkshopForm() {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Proposed from the file ("… (kopie)"), so an import is told apart from its original.
  const [title, setTitle] = useState('');

  async function proposeTitle() {
    setError(null);
    const file = input.current?.files?.[0];
    if (!file || file.size > IMPORT_MAX_BYTES) return;
    try {
      const model = JSON.parse(await file.text()) as { workshop?: { title?: unknown } };
      if (typeof model.workshop?.title === 'string') setTitle(copyTitle(model.workshop.title, WORKSHOP_TITLE_MAX));
    } catch {
      // Said when the form is sent.
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setError('NO_FILE');
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setError('PAYLOAD_TOO_LARGE');
      return;
    }
    setBusy(true);
    try {
      let model: unknown;
      try {
        model = JSON.parse(await file.text());
      } catch {
        setError('INVALID_PAYLOAD');
        return;
      }
      const query = title.trim() ? `?title=${encodeURIComponent(title.trim())}` : '';
      const created = await api<WorkshopDetail>(`/api/workshops/import${query}`, { method: 'POST', body: model });
      navigate(`/begeleider/w/${created.id}`);
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  }

  const own = error === 'NO_FILE' ? 'lasting.import.noFile' : error ? IMPORT_ERRORS[error] : undefined;
  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('lasting.import.title')}
      </h2>
      <form className="rb-form" onSubmit={submit} aria-busy={busy}>
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-file`}>
            {t('lasting.import.field')}
          </label>
          <p className="rb-field__hint" id={`${id}-hint`}>
            {t('lasting.import.hint')}
          </p>
          <input
            ref={input}
            id={`${id}-file`}
            className="utrecht-textbox utrecht-textbox--html-input rb-input"
            type="file"
            accept="application/json,.json"
            aria-describedby={`${id}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={() => void proposeTitle()}
          />
        </div>
        <TextField
          label={t('cockpit.import.title')}
          hint={t('cockpit.import.titleHint')}
          value={title}
          onValue={setTitle}
          maxLength={WORKSHOP_TITLE_MAX}
        />
        {own ? (
          <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert" data-error-code={error}>
            <span className="utrecht-alert__icon rb-alert__icon" aria-hidden="true">
              !
            </span>
            {t(own)}
          </p>
        ) : (
          <ErrorAlert code={error} />
        )}
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={busy}>
          {busy ? t('form.busy') : t('lasting.import.submit')}
        </button>
      </form>
    </section>
  );
}
