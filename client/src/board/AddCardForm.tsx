import { useId, useState, type FormEvent } from 'react';
import { CARD_TEXT_MAX, CARD_TITLE_MAX, type CardKind } from '../../../shared/board';
import { useI18n } from '../i18n';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';

/** The optional parts of a card: who owns it in the organisation, and a short explanation. */
export interface CardDetails {
  department?: string;
  description?: string;
}

interface Props {
  /** Adds the card and returns its id. */
  onAdd: (kind: CardKind, title: string, details: CardDetails) => string;
}

/** Form to put a new domain or project card on the board (it starts in the middle). */
export function AddCardForm({ onAdd }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<CardKind>('domain');
  const [title, setTitle] = useState('');
  const [department, setDepartment] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const clean = title.trim();
    if (!clean) {
      setError(t('card.titleEmpty'));
      setDone(false);
      return;
    }
    const details: CardDetails = {};
    if (department.trim()) details.department = department.trim();
    if (description.trim()) details.description = description.trim();
    onAdd(kind, clean, details);
    setTitle('');
    setDepartment('');
    setDescription('');
    setError(null);
    setDone(true);
  }

  return (
    <section className="rb-panel rb-add-card" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('card.addTitle')}
      </h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="rb-choice">
          <legend className="rb-field__label">{t('card.kindLegend')}</legend>
          {(['domain', 'project'] as const).map((k) => (
            <label key={k} className="rb-choice__option">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span className={`rb-kind-icon rb-kind-icon--${k}`} aria-hidden="true" />
              <span>
                <span className="rb-choice__label">{t(k === 'domain' ? 'card.domain' : 'card.project')}</span>
                <span className="rb-choice__hint">{t(k === 'domain' ? 'card.kindDomainHint' : 'card.kindProjectHint')}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('card.titleField')}
          value={title}
          onValue={(v) => {
            setTitle(v);
            if (error) setError(null);
          }}
          maxLength={CARD_TITLE_MAX}
          autoComplete="off"
          enterKeyHint="done"
          error={error}
        />
        <details className="rb-details">
          <summary>{t('card.moreDetails')}</summary>
          <TextField
            label={t('card.departmentField')}
            value={department}
            onValue={setDepartment}
            maxLength={CARD_TITLE_MAX}
            autoComplete="off"
          />
          <TextArea label={t('card.descriptionField')} value={description} onValue={setDescription} maxLength={CARD_TEXT_MAX} rows={3} />
        </details>
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button">
          {t('card.addSubmit')}
        </button>
        <p className="rb-form-note" role="status">
          {done ? t('card.added') : ''}
        </p>
      </form>
    </section>
  );
}
