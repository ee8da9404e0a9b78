import { useState } from 'react';
import type { CardView } from '../../../../shared/board';
import type { Spotlight, TrajectoryFocus } from '../../../../shared/control';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Send } from '../../realtime/sendEvent';
import { SpotlightButton } from './SpotlightButton';

interface Props {
  card: CardView;
  send: Send;
  spotlight: Spotlight;
  trajectories: TrajectoryFocus;
}

/** The facilitator's extra actions on the chosen card: spotlight it, show only its arrow, remove it. */
export function CardActions({ card, send, spotlight, trajectories }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const focused = trajectories.show === 'card' && trajectories.cardId === card.id;
  return (
    <>
      <SpotlightButton send={send} current={spotlight} type="card" id={card.id} text={card.title} onError={setError} />
      {card.pos && card.target && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
          aria-pressed={focused}
          onClick={async () => {
            const result = await send('trajectories:set', { trajectories: focused ? { show: 'all' } : { show: 'card', cardId: card.id } });
            setError(result.ok ? null : result.code);
          }}
        >
          {t('trajectories.focusThis')}
        </button>
      )}
      <ConfirmButton
        label={t('card.remove')}
        question={t('card.removeQuestion', { title: card.title })}
        confirmLabel={t('confirm.remove')}
        onConfirm={async () => {
          const result = await send('item:remove', { type: 'card', id: card.id });
          setError(result.ok ? null : result.code);
        }}
      />
      <ErrorAlert code={error} />
    </>
  );
}
