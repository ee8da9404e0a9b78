import { useId, useState, type FormEvent } from 'react';
import { CARD_TITLE_MAX, type CardKind } from '../../../shared/board';
import { useI18n } from '../i18n';
import { TextField } from '../components/TextField';

interface Props {
  /** Adds the card and returns its id. */
  onAdd: (kind: CardKind, title: string) => string;
}

/** Form to put a new domain or project card on the board (it starts in the middle). */
export function AddCardForm({ onAdd }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<CardKind>('domain');
  const [title, setTitle] = useState('');
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
    onAdd(kind, clean);
    setTitle('');
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
        <button type="submit" className="rb-button">
          {t('card.addSubmit')}
        </button>
        <p className="rb-form-note" role="status">
          {done ? t('card.added') : ''}
        </p>
      </form>
    </section>
  );
}
