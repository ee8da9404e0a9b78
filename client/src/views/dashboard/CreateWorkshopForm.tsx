import { useId, useState, type FormEvent } from 'react';
import { WORKSHOP_TITLE_MAX, type WorkshopDetail } from '../../../../shared/protocol';
import type { Template } from '../../../../shared/template';
import { api, errorCode } from '../../api';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';

/** Title and model of a new workshop; opens it when created. */
export function CreateWorkshopForm({ templates }: { templates: Template[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = templateId || templates[0]?.id || '';

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = chosen ? { title: title.trim(), template: chosen } : { title: title.trim() };
      const created = await api<WorkshopDetail>('/api/workshops', { method: 'POST', body });
      navigate(`/begeleider/w/${created.id}`);
    } catch (err) {
      setError(errorCode(err));
      setBusy(false);
    }
  }

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('dashboard.createTitle')}
      </h2>
      <form className="rb-form" onSubmit={submit} aria-busy={busy}>
        <TextField
          label={t('dashboard.createField')}
          value={title}
          onValue={setTitle}
          required
          maxLength={WORKSHOP_TITLE_MAX}
          autoComplete="off"
        />
        {templates.length > 0 && (
          <div className="rb-field">
            <label className="rb-field__label" htmlFor={`${id}-model`}>
              {t('dashboard.model')}
            </label>
            <select id={`${id}-model`} className="utrecht-select rb-input" value={chosen} onChange={(e) => setTemplateId(e.target.value)}>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name[lang]}
                </option>
              ))}
            </select>
          </div>
        )}
        <ErrorAlert code={error} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={busy}>
          {busy ? t('form.busy') : t('dashboard.createSubmit')}
        </button>
      </form>
    </section>
  );
}
