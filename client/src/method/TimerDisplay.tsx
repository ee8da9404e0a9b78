import type { TimerState } from '../../../shared/control';
import { useI18n } from '../i18n';
import { formatClock, useTimerRemaining } from './useTimerRemaining';

interface Props {
  timer: TimerState;
  clockOffset: number;
  large?: boolean;
}

/** The workshop timer as mm:ss, with a clock icon and the state in words (not colour alone). */
export function TimerDisplay({ timer, clockOffset, large }: Props) {
  const { t } = useI18n();
  const remaining = useTimerRemaining(timer, clockOffset);
  if (timer.status === 'idle') return null;
  const ending = timer.status === 'running' && remaining <= 60_000;
  const classes = ['rb-timer', large ? 'rb-timer--large' : '', ending ? 'rb-timer--ending' : ''].join(' ');
  return (
    <p className={classes} data-testid="timer">
      <svg className="rb-timer__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M12 13V8.5M9.5 2.5h5" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <span className="rb-sr-only">{t('timer.left')} </span>
      <span className="rb-timer__time">{formatClock(remaining)}</span>
      {timer.status === 'paused' && <span className="rb-timer__state">{t('timer.paused')}</span>}
      {remaining === 0 && <span className="rb-timer__state">{t('timer.done')}</span>}
    </p>
  );
}
