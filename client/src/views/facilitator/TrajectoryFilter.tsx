import { useEffect, useId, useRef } from 'react';
import type { CardView } from '../../../../shared/board';
import { cardNumbers } from '../../../../shared/boardLayout';
import { LARGEST_SHIFTS, type TrajectoryFocus } from '../../../../shared/control';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

interface Props {
  focus: TrajectoryFocus;
  cards: CardView[];
  send: Send;
  disabled?: boolean;
}

/**
 * Which Koers arrows the facilitator's board and the shared screen show: all, the largest
 * shifts only, or one card's (the others hidden). Radio buttons and a select, so it works
 * from the keyboard; the choice is the server's (control state), so the screen follows,
 * and every change (also from "show only this arrow" on a card) is announced.
 */
export function TrajectoryFilter({ focus, cards, send, disabled }: Props) {
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  const { message, announce } = useAnnouncer();
  const numbers = cardNumbers(cards);
  const moving = cards.filter((c) => c.pos && c.target);
  const focused = focus.show === 'card' ? cards.find((c) => c.id === focus.cardId) : undefined;
  const choose = (next: TrajectoryFocus) => void action.run(() => send('trajectories:set', { trajectories: next }));

  // Announce what the boards show now, whoever changed it (not on the first render).
  const key = focus.show === 'card' ? `card:${focus.cardId}` : focus.show;
  const seen = useRef(key);
  useEffect(() => {
    if (seen.current === key) return;
    seen.current = key;
    if (focus.show === 'all') announce(t('trajectories.announce.all'));
    else if (focus.show === 'largest') announce(t('trajectories.announce.largest', { count: LARGEST_SHIFTS }));
    else if (focused) announce(t('trajectories.announce.card', { title: focused.title }));
  }, [key, focus.show, focused, announce, t]);

  return (
    <fieldset className="rb-segmented rb-trajectory-filter" disabled={disabled} data-testid="trajectory-filter">
      <legend className="rb-field__label">{t('trajectories.legend')}</legend>
      <label className="rb-segmented__option">
        <input type="radio" name={`${id}-show`} checked={focus.show === 'all'} onChange={() => choose({ show: 'all' })} />
        <span>{t('trajectories.all')}</span>
      </label>
      <label className="rb-segmented__option">
        <input type="radio" name={`${id}-show`} checked={focus.show === 'largest'} onChange={() => choose({ show: 'largest' })} />
        <span>{t('trajectories.largest', { count: LARGEST_SHIFTS })}</span>
      </label>
      <label className="rb-segmented__option">
        <input
          type="radio"
          name={`${id}-show`}
          checked={focus.show === 'card'}
          disabled={moving.length === 0}
          onChange={() => moving[0] && choose({ show: 'card', cardId: moving[0].id })}
        />
        <span>{t('trajectories.card')}</span>
      </label>
      {focus.show === 'card' && (
        <label className="rb-trajectory-filter__card">
          <span className="rb-sr-only">{t('trajectories.chooseCard')}</span>
          <select value={focus.cardId} onChange={(e) => choose({ show: 'card', cardId: e.target.value })}>
            {!focused && <option value={focus.cardId}>—</option>}
            {moving.map((c) => (
              <option key={c.id} value={c.id}>
                {numbers.get(c.id)}. {c.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {moving.length === 0 && <span className="rb-trajectory-filter__none">{t('trajectories.none')}</span>}
      <ErrorAlert code={action.error} />
      <LiveRegion message={message} />
    </fieldset>
  );
}
