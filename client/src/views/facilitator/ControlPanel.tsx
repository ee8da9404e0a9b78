import type { CardView } from '../../../../shared/board';
import type { Barrier, Proposal } from '../../../../shared/method';
import type { ControlView } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

interface Props {
  control: ControlView;
  send: Send;
  cards: CardView[];
  barriers: Barrier[];
  proposals: Proposal[];
}

/** The big switches: lock the board, show the vote result, and what is in the spotlight. */
export function ControlPanel({ control, send, cards, barriers, proposals }: Props) {
  const { t } = useI18n();
  const action = useAction();
  const { locked, resultsRevealed, spotlight } = control;
  let spotText: string | null = null;
  if (spotlight?.type === 'card') spotText = cards.find((c) => c.id === spotlight.id)?.title ?? null;
  if (spotlight?.type === 'barrier') spotText = barriers.find((b) => b.id === spotlight.id)?.text ?? null;
  if (spotlight?.type === 'proposal') spotText = proposals.find((p) => p.id === spotlight.id)?.text ?? null;

  return (
    <section className="rb-panel" aria-labelledby="rb-controls-title">
      <h2 className="rb-panel__title" id="rb-controls-title">
        {t('controls.title')}
      </h2>
      <p className="rb-state-line">
        {t(locked ? 'controls.isLocked' : 'controls.isOpen')}
      </p>
      <div className="rb-actions">
        <button
          type="button"
          className="rb-button rb-button--secondary"
          disabled={action.busy}
          onClick={() => void action.run(() => send('board:lock', { locked: !locked }))}
        >
          {t(locked ? 'controls.unlock' : 'controls.lock')}
        </button>
      </div>
      <p className="rb-state-line">
        {t(resultsRevealed ? 'controls.isRevealed' : 'controls.isHidden')}
      </p>
      <div className="rb-actions">
        <button
          type="button"
          className="rb-button rb-button--secondary"
          disabled={action.busy}
          onClick={() => void action.run(() => send('results:reveal', { revealed: !resultsRevealed }))}
        >
          {t(resultsRevealed ? 'controls.hide' : 'controls.reveal')}
        </button>
      </div>
      <p className="rb-state-line">
        {spotlight ? t('controls.spotlightOn', { text: spotText ?? '…' }) : t('controls.spotlightNone')}
      </p>
      {spotlight && (
        <div className="rb-actions">
          <button
            type="button"
            className="rb-button rb-button--secondary"
            disabled={action.busy}
            onClick={() => void action.run(() => send('spotlight:set', { spotlight: null }))}
          >
            {t('spotlight.off')}
          </button>
        </div>
      )}
      <ErrorAlert code={action.error} />
    </section>
  );
}
