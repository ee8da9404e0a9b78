import { useId, useState, type FormEvent } from 'react';
import type { CardView } from '../../../shared/board';
import { BARRIER_TEXT_MAX, MAX_LINKED_CARDS } from '../../../shared/method';
import { useI18n } from '../i18n';
import { KindIcon } from '../board/CardChip';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextArea } from '../components/TextArea';
import type { Send } from '../realtime/sendEvent';
import { useAction } from './useAction';
import { QUEUED } from '../realtime/useWorkshopSocket';

/** Write down a barrier (drempel), optionally linked to the cards it blocks. */
export function BarrierForm({ send, cards }: { send: Send; cards: CardView[] }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [linked, setLinked] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  const [done, setDone] = useState(false);
  const action = useAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const clean = text.trim();
    if (!clean) {
      setEmpty(true);
      setDone(false);
      return;
    }
    const cardIds = linked.filter((cid) => cards.some((c) => c.id === cid));
    const result = await action.run(() => send('barrier:add', { text: clean, cardIds }));
    // Kept on the phone while offline (sent on reconnect) counts as done for the form.
    if (result.ok || result.code === QUEUED) {
      // Only what was sent is cleared: text typed while waiting for the answer stays.
      setText((current) => (current.trim() === clean ? '' : current));
      setLinked((current) => (current.join() === linked.join() ? [] : current));
      setDone(true);
    } else setDone(false);
  }

  const toggle = (cardId: string, on: boolean) =>
    setLinked((prev) => (on ? [...prev, cardId].slice(0, MAX_LINKED_CARDS) : prev.filter((x) => x !== cardId)));

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('barrier.addTitle')}
      </h2>
      <form onSubmit={submit} noValidate className="rb-form">
        <TextArea
          label={t('barrier.field')}
          hint={t('barrier.fieldHint')}
          value={text}
          onValue={(v) => {
            setText(v);
            setEmpty(false);
            setDone(false);
          }}
          maxLength={BARRIER_TEXT_MAX}
          error={empty ? t('barrier.empty') : null}
        />
        {cards.length > 0 && (
          <fieldset className="rb-choice rb-choice--compact">
            <legend className="rb-field__label">{t('barrier.cards')}</legend>
            <p className="rb-field__hint">{t('barrier.cardsHint')}</p>
            {cards.map((card) => (
              <label key={card.id} className="rb-choice__option">
                <input
                  type="checkbox"
                  checked={linked.includes(card.id)}
                  onChange={(e) => toggle(card.id, e.target.checked)}
                />
                <KindIcon kind={card.kind} />
                <span className="rb-choice__label">{card.title}</span>
              </label>
            ))}
          </fieldset>
        )}
        <ErrorAlert code={action.error} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={action.busy}>
          {t('barrier.submit')}
        </button>
        <p className="rb-form-note" role="status">
          {done ? t('barrier.added') : ''}
        </p>
      </form>
    </section>
  );
}
