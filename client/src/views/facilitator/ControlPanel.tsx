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
      <StateAction
        state={t(locked ? 'controls.isLocked' : 'controls.isOpen')}
        label={t(locked ? 'controls.unlock' : 'controls.lock')}
        busy={action.busy}
        onClick={() => void action.run(() => send('board:lock', { locked: !locked }))}
      />
      <StateAction
        state={t(resultsRevealed ? 'controls.isRevealed' : 'controls.isHidden')}
        label={t(resultsRevealed ? 'controls.hide' : 'controls.reveal')}
        busy={action.busy}
        onClick={() => void action.run(() => send('results:reveal', { revealed: !resultsRevealed }))}
      />
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

/** A state said in words, with the one button that changes it. */
function StateAction({ state, label, busy, onClick }: { state: string; label: string; busy: boolean; onClick: () => void }) {
  return (
    <>
      <p className="rb-state-line">{state}</p>
      <div className="rb-actions">
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" disabled={busy} onClick={onClick}>
          {label}
        </button>
      </div>
    </>
  );
}
