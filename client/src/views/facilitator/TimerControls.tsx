import { useId, useState } from 'react';
import type { TimerState } from '../../../../shared/control';
import type { ClientEventPayload } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TimerDisplay } from '../../method/TimerDisplay';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

const MAX_MINUTES = 240;

/** Start, pause, resume, adjust and stop the timer everybody sees. */
export function TimerControls({ timer, clockOffset, send }: { timer: TimerState; clockOffset: number; send: Send }) {
  const { t } = useI18n();
  const id = useId();
  const [minutes, setMinutes] = useState('5');
  const action = useAction();
  const run = (command: ClientEventPayload<'timer:control'>) => void action.run(() => send('timer:control', command));
  const value = Number(minutes);
  const valid = Number.isFinite(value) && value > 0 && value <= MAX_MINUTES;

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('timer.title')}
      </h2>
      {timer.status === 'idle' ? <p>{t('timer.idle')}</p> : <TimerDisplay timer={timer} clockOffset={clockOffset} />}
      <div className="rb-timer-start">
        <div className="rb-field rb-field--inline">
          <label className="rb-field__label" htmlFor={`${id}-minutes`}>
            {t('timer.minutes')}
          </label>
          <input
            id={`${id}-minutes`}
            className="utrecht-textbox utrecht-textbox--html-input rb-input rb-input--number"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_MINUTES}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <button type="button" className="utrecht-button utrecht-button--primary-action rb-button" disabled={!valid} onClick={() => run({ action: 'start', seconds: Math.round(value * 60) })}>
          {t('timer.start')}
        </button>
      </div>
      <div className="rb-actions">
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" disabled={timer.status !== 'running'} onClick={() => run({ action: 'pause' })}>
          {t('timer.pause')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" disabled={timer.status !== 'paused'} onClick={() => run({ action: 'resume' })}>
          {t('timer.resume')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" disabled={timer.status === 'idle'} onClick={() => run({ action: 'adjust', seconds: 60 })}>
          {t('timer.plus')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" disabled={timer.status === 'idle'} onClick={() => run({ action: 'adjust', seconds: -60 })}>
          {t('timer.minus')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" disabled={timer.status === 'idle'} onClick={() => run({ action: 'reset' })}>
          {t('timer.stop')}
        </button>
      </div>
      <ErrorAlert code={action.error} />
    </section>
  );
}
