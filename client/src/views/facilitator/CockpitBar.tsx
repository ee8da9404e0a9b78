import { useRef } from 'react';
import { stepPhase } from '../../../../shared/phases';
import type { Alarm } from '../../../../shared/method';
import type { ControlView, Presence } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TimerDisplay } from '../../method/TimerDisplay';
import { phaseTitle } from '../../method/phaseText';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';
import { sameList, type ScreenPlan } from '../screen/screenContent';
import { useShownPage } from '../screen/useShownPage';
import { useTooTallToStick } from './useTooTallToStick';

interface Props {
  control: ControlView;
  send: Send;
  clockOffset: number;
  presence: Presence | null;
  alarms: Alarm[];
  screen: ScreenPlan;
  /** Go to the alarms tab. */
  onAlarms: () => void;
  /** The workshop is finished: the switches are off. */
  finished: boolean;
}

/**
 * The cockpit: the facilitator's fixed control bar, the same on a laptop and as a
 * remote on a phone (one thumb: the big buttons wrap to rows of two). Steps,
 * timer, lock, result and voting, the shared screen's pages, people and alarms.
 */
export function CockpitBar({ control, send, clockOffset, presence, alarms, screen, onAlarms, finished }: Props) {
  const { t } = useI18n();
  const action = useAction();
  const bar = useRef<HTMLElement>(null);
  const tooTall = useTooTallToStick(bar);
  const { phases, currentPhaseId, locked, resultsRevealed, votingClosed } = control;
  const prev = stepPhase(phases, currentPhaseId, -1);
  const next = stepPhase(phases, currentPhaseId, 1);
  const current = phases.find((p) => p.id === currentPhaseId);
  const newAlarms = alarms.filter((a) => a.status === 'proposed').length;
  const run = (fn: () => ReturnType<Send>) => {
    if (!action.busy) void action.run(fn);
  };
  const timerRunning = control.timer.status === 'running';
  // The pages the shared screen measured for the list it shows (none open: one page).
  const pageCount = screen.paged && sameList(control.screen.list, screen.listKey) ? control.screen.pages : 1;
  const page = useShownPage(control.screen, pageCount, clockOffset);
  const auto = control.screen.auto;

  return (
    <section ref={bar} className={`rb-cockpit${tooTall ? ' rb-cockpit--static' : ''}`} aria-label={t('cockpit.title')} data-testid="cockpit">
      <div className="rb-cockpit__group rb-cockpit__steps">
        {/* Focusable while busy (aria-disabled): disabling a focused button drops keyboard focus. */}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          disabled={finished || !prev}
          aria-disabled={action.busy || undefined}
          onClick={() => prev && run(() => send('phase:go', { phaseId: prev.id }))}
        >
          <span aria-hidden="true">← </span>
          {t('phases.prev')}
        </button>
        <p className="rb-cockpit__phase" aria-live="polite">
          <span className="rb-sr-only">{t('cockpit.phaseNow')} </span>
          <strong data-testid="phase-title" data-phase={current?.id}>
            {phaseTitle(current, t)}
          </strong>
        </p>
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action rb-button rb-cockpit__button"
          disabled={finished || !next}
          aria-disabled={action.busy || undefined}
          onClick={() => next && run(() => send('phase:go', { phaseId: next.id }))}
        >
          {t('phases.next')}
          <span aria-hidden="true"> →</span>
        </button>
      </div>

      <div className="rb-cockpit__group">
        <TimerDisplay timer={control.timer} clockOffset={clockOffset} />
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          disabled={finished}
          onClick={() =>
            run(() =>
              send(
                'timer:control',
                timerRunning ? { action: 'pause' } : control.timer.status === 'paused' ? { action: 'resume' } : { action: 'start', seconds: 5 * 60 },
              ),
            )
          }
        >
          {t(timerRunning ? 'cockpit.timer.pause' : control.timer.status === 'paused' ? 'cockpit.timer.resume' : 'cockpit.timer.start5')}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          disabled={finished}
          onClick={() => run(() => send('timer:control', { action: 'adjust', seconds: 60 }))}
        >
          {t('cockpit.timer.plusMinuteName')}
        </button>
      </div>

      <div className="rb-cockpit__group">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          aria-pressed={locked}
          disabled={finished}
          onClick={() => run(() => send('board:lock', { locked: !locked }))}
        >
          {t(locked ? 'cockpit.locked' : 'cockpit.lock')}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          disabled={finished}
          onClick={() => run(() => send('results:reveal', { revealed: !resultsRevealed }))}
        >
          {t(resultsRevealed ? 'controls.hide' : 'controls.reveal')}
        </button>
        <p className="rb-cockpit__state" data-testid="cockpit-voting">
          {t(votingClosed ? 'cockpit.voting.closed' : 'cockpit.voting.open')}
        </p>
      </div>

      <div className="rb-cockpit__group rb-cockpit__screen" role="group" aria-label={t('cockpit.screen.group')}>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          disabled={finished || page <= 0}
          onClick={() => run(() => send('screen:set', { page: page - 1 }))}
        >
          <span aria-hidden="true">‹ </span>
          {t('cockpit.screen.prev')}
        </button>
        {/* Announced when paged by hand; every 12 s by itself would drown the facilitator's screen reader. */}
        <p className="rb-cockpit__state" data-testid="cockpit-page" aria-live={auto ? 'off' : 'polite'}>
          {t('cockpit.screen.page', { page: page + 1, count: pageCount })}
        </p>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          disabled={finished || page >= pageCount - 1}
          onClick={() => run(() => send('screen:set', { page: page + 1 }))}
        >
          {t('cockpit.screen.next')}
          <span aria-hidden="true"> ›</span>
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          aria-pressed={control.screen.focus === 'top5'}
          disabled={finished}
          onClick={() => run(() => send('screen:set', { focus: control.screen.focus === 'top5' ? 'all' : 'top5', page: 0 }))}
        >
          {t('cockpit.screen.top5')}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          aria-pressed={control.screen.focus === 'alarms'}
          disabled={finished}
          onClick={() => run(() => send('screen:set', { focus: control.screen.focus === 'alarms' ? 'all' : 'alarms', page: 0 }))}
        >
          {t('cockpit.screen.alarms')}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          aria-pressed={control.screen.focus === 'open'}
          disabled={finished}
          onClick={() => run(() => send('screen:set', { focus: control.screen.focus === 'open' ? 'all' : 'open', page: 0 }))}
        >
          {t('cockpit.screen.open')}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-cockpit__button"
          aria-pressed={auto}
          data-testid="cockpit-auto"
          disabled={finished}
          onClick={() => run(() => send('screen:set', { auto: !auto, page }))}
        >
          {t('cockpit.screen.auto')}
        </button>
      </div>

      <div className="rb-cockpit__group">
        <p className="rb-cockpit__state" data-testid="cockpit-people">
          {t((presence?.count ?? 0) === 1 ? 'cockpit.peopleOne' : 'cockpit.people', { count: presence?.count ?? 0 })}
        </p>
        <button
          type="button"
          className={`utrecht-button rb-button rb-cockpit__button rb-cockpit__alarms${newAlarms > 0 ? ' rb-cockpit__alarms--new utrecht-button--primary-action' : ' utrecht-button--secondary-action'}`}
          data-testid="cockpit-alarms"
          onClick={onAlarms}
        >
          <span aria-hidden="true">⚠ </span>
          {t(newAlarms === 1 ? 'cockpit.alarmsOne' : newAlarms > 0 ? 'cockpit.alarmsNew' : 'cockpit.alarmsNone', { count: newAlarms })}
        </button>
      </div>
      <ErrorAlert code={action.error} />
    </section>
  );
}
