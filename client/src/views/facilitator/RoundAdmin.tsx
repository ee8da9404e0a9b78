import { useId, useState, type FormEvent } from 'react';
import type { CardView } from '../../../../shared/board';
import { MAX_ROUND_CARDS, type RoundMode } from '../../../../shared/method';
import type { RoundView } from '../../../../shared/protocol';
import type { Template } from '../../../../shared/template';
import { useI18n } from '../../i18n';
import { KindIcon } from '../../board/CardChip';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RoundResults } from '../../method/RoundResults';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

interface Props {
  round: RoundView | null;
  cards: CardView[];
  template: Template;
  send: Send;
}

/** Placement rounds: everyone places privately; the reveal shows the dots, the mean and the spread. */
export function RoundAdmin({ round, cards, template, send }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [mode, setMode] = useState<RoundMode>('now');
  const action = useAction();
  const info = round?.round ?? null;
  const titleOf = (cardId: string) => cards.find((c) => c.id === cardId)?.title ?? t('round.unknownCard');

  async function start(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const cardIds = chosen.filter((c) => cards.some((x) => x.id === c));
    if (cardIds.length === 0) return;
    const result = await action.run(() => send('round:start', { cardIds, mode }));
    if (result.ok) setChosen([]);
  }

  return (
    <section className="rb-panel rb-admin" aria-labelledby={`${id}-title`} id="plaatsingsronde">
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('round.adminTitle')}
      </h2>
      {info?.status === 'open' && (
        <>
          <p>
            <strong>{t('round.isOpen')}</strong> {t(info.mode === 'target' ? 'round.modeTarget' : 'round.modeNow')}
          </p>
          <ul className="rb-items">
            {info.cardIds.map((cardId) => (
              <li key={cardId} className="rb-item rb-round-count">
                <span>{titleOf(cardId)}</span>
                <span>{t('round.placedCount', { count: round?.placedCounts?.[cardId] ?? 0 })}</span>
              </li>
            ))}
          </ul>
          <div className="rb-actions">
            <button type="button" className="utrecht-button utrecht-button--primary-action rb-button" onClick={() => void action.run(() => send('round:reveal', { roundId: info.id }))}>
              {t('round.reveal')}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void action.run(() => send('round:close', { roundId: info.id }))}>
              {t('round.close')}
            </button>
          </div>
        </>
      )}
      {info?.status === 'revealed' && round && (
        <>
          <RoundResults
            round={round}
            cards={cards}
            template={template}
            showBoard={false}
            action={(r) =>
              r.stats && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                  aria-label={`${t('round.adopt')}: ${titleOf(r.cardId)}`}
                  onClick={() => void action.run(() => send('round:adopt', { roundId: info.id, cardId: r.cardId }))}
                >
                  {t('round.adopt')}
                </button>
              )
            }
          />
          <div className="rb-actions">
            <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void action.run(() => send('round:close', { roundId: info.id }))}>
              {t('round.close')}
            </button>
          </div>
        </>
      )}
      {!info && (
        <form onSubmit={start} noValidate className="rb-form">
          <p className="rb-field__hint">{t('round.adminHint')}</p>
          {cards.length === 0 ? (
            <p>{t('card.listEmpty')}</p>
          ) : (
            <fieldset className="rb-choice rb-choice--compact">
              <legend className="rb-field__label">{t('round.chooseCards')}</legend>
              {cards.map((card) => (
                <label key={card.id} className="rb-choice__option">
                  <input
                    type="checkbox"
                    checked={chosen.includes(card.id)}
                    disabled={!chosen.includes(card.id) && chosen.length >= MAX_ROUND_CARDS}
                    onChange={(e) => setChosen((prev) => (e.target.checked ? [...prev, card.id] : prev.filter((x) => x !== card.id)))}
                  />
                  <KindIcon kind={card.kind} />
                  <span className="rb-choice__label">{card.title}</span>
                </label>
              ))}
            </fieldset>
          )}
          <fieldset className="rb-choice">
            <legend className="rb-field__label">{t('round.mode')}</legend>
            {(['now', 'target'] as const).map((m) => (
              <label key={m} className="rb-choice__option">
                <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
                <span className="rb-choice__label">{t(m === 'target' ? 'round.modeTarget' : 'round.modeNow')}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={chosen.length === 0 || action.busy}>
            {t('round.start')}
          </button>
        </form>
      )}
      <ErrorAlert code={action.error} />
    </section>
  );
}
