import { currentPhase } from '../../../shared/control';
import type { ControlView } from '../../../shared/protocol';
import { useI18n } from '../i18n';
import { FinishedBanner } from './FinishedBanner';
import { LockBanner } from './LockBanner';
import { phaseInstruction, phaseTitle } from './phaseText';
import { TimerDisplay } from './TimerDisplay';

interface Props {
  control: ControlView;
  clockOffset: number;
  /** The shared screen: everything larger. */
  large?: boolean;
  /** Participants see a banner while the board is locked. */
  showLock?: boolean;
}

/** What to do now: the phase title and instruction, the timer, and whether the board is locked or the workshop closed. */
export function PhaseHeader({ control, clockOffset, large, showLock }: Props) {
  const { t } = useI18n();
  const phase = currentPhase(control);
  const active = control.phases.filter((p) => !p.skipped || p.id === control.currentPhaseId);
  const step = active.findIndex((p) => p.id === control.currentPhaseId) + 1;
  return (
    <section className={`rb-phase-head${large ? ' rb-phase-head--large' : ''}`} aria-labelledby="rb-phase-title">
      <div className="rb-phase-head__text">
        <p className="rb-phase-head__step">{t('phase.step', { n: step, total: active.length })}</p>
        <h2 className="rb-phase-head__title" id="rb-phase-title" data-testid="phase-title" data-phase={control.currentPhaseId}>
          {phaseTitle(phase, t)}
        </h2>
        <p className="rb-phase-head__instruction" data-testid="phase-instruction">
          {phaseInstruction(phase, t)}
        </p>
      </div>
      <TimerDisplay timer={control.timer} clockOffset={clockOffset} large={large} />
      {control.finishedAt ? <FinishedBanner /> : showLock && control.locked && <LockBanner />}
    </section>
  );
}
