import { useState } from 'react';
import type { CardView } from '../../../../shared/board';
import type { Spotlight } from '../../../../shared/control';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Send } from '../../realtime/sendEvent';
import { SpotlightButton } from './SpotlightButton';

/** The facilitator's extra actions on the chosen card: spotlight it, remove it. */
export function CardActions({ card, send, spotlight }: { card: CardView; send: Send; spotlight: Spotlight }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <SpotlightButton send={send} current={spotlight} type="card" id={card.id} text={card.title} onError={setError} />
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
