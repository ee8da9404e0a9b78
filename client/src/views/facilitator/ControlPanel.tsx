import type { CardView } from '../../../../shared/board';
import type { Barrier, Proposal } from '../../../../shared/method';
import type { ControlView } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
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

/** Voting (close, deliberately reopen) and what is in the spotlight; lock and reveal are in the cockpit. */
export function ControlPanel({ control, send, cards, barriers, proposals }: Props) {
  const { t } = useI18n();
  const action = useAction();
  const { resultsRevealed, spotlight } = control;
  let spotText: string | null = null;
  if (spotlight?.type === 'card') spotText = cards.find((c) => c.id === spotlight.id)?.title ?? null;
  if (spotlight?.type === 'barrier') spotText = barriers.find((b) => b.id === spotlight.id)?.text ?? null;
  if (spotlight?.type === 'proposal') spotText = proposals.find((p) => p.id === spotlight.id)?.text ?? null;

  return (
    <section className="rb-panel" aria-labelledby="rb-controls-title">
      <h2 className="rb-panel__title" id="rb-controls-title">
        {t('controls.title')}
      </h2>
      <p className="rb-state-line">{t(resultsRevealed ? 'controls.isRevealed' : 'controls.isHidden')}</p>
      <p className="rb-state-line" data-testid="voting-state">
        {t(control.votingClosed ? 'cockpit.voting.closed' : 'cockpit.voting.open')}
      </p>
      <div className="rb-actions">
        {control.votingClosed ? (
          <ConfirmButton
            label={t('cockpit.voting.reopen')}
            question={t('cockpit.voting.reopenQuestion')}
            confirmLabel={t('cockpit.voting.reopenConfirm')}
            disabled={action.busy}
            onConfirm={() => void action.run(() => send('voting:close', { closed: false }))}
          />
        ) : (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action rb-button"
            disabled={action.busy}
            onClick={() => void action.run(() => send('voting:close', { closed: true }))}
          >
            {t('cockpit.voting.close')}
          </button>
        )}
      </div>
      <p className="rb-state-line">
        {spotlight ? t('controls.spotlightOn', { text: spotText ?? '…' }) : t('controls.spotlightNone')}
      </p>
      {spotlight && (
        <div className="rb-actions">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action rb-button"
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
