import { useEffect, useRef } from 'react';
import { currentPhase } from '../../../shared/control';
import type { ControlView, RoundView, TallyView } from '../../../shared/protocol';
import { useI18n } from '../i18n';
import { phaseTitle } from './phaseText';

interface Inputs {
  control: ControlView | null;
  clockOffset: number;
  tally: TallyView | null;
  round: RoundView | null;
}

/**
 * Tells screen-reader users (politely, throttled by the announcer) what changed in
 * the workshop: a new phase, the lock, closing and reopening, revealed results, a placement round, and
 * the timer's last minute (once per run of the timer).
 */
export function useMethodAnnouncements({ control, clockOffset, tally, round }: Inputs, announce: (text: string) => void): void {
  const { t } = useI18n();
  const seen = useRef<{ phase?: string; locked?: boolean; revealed?: boolean; round?: string; finished?: boolean } | null>(null);
  const lastMinuteFor = useRef<number | null>(null);

  useEffect(() => {
    if (!control) return;
    const now = {
      phase: control.currentPhaseId,
      locked: control.locked,
      revealed: tally?.revealed,
      round: round?.round ? `${round.round.id}:${round.round.status}` : '',
      finished: !!control.finishedAt,
    };
    const before = seen.current;
    seen.current = now;
    if (!before) return;
    if (before.phase !== now.phase) announce(t('announce.phase', { title: phaseTitle(currentPhase(control), t) }));
    if (before.finished !== now.finished) announce(t(now.finished ? 'lasting.announce.finished' : 'lasting.announce.reopened'));
    // Closing locks the board too; the closing says enough.
    else if (before.locked !== now.locked) announce(t(now.locked ? 'announce.locked' : 'announce.unlocked'));
    if (before.revealed === false && now.revealed) announce(t('announce.revealed'));
    if (before.round !== now.round && round?.round) {
      if (round.round.status === 'open') announce(t('announce.roundOpen'));
      if (round.round.status === 'revealed') announce(t('announce.roundRevealed'));
    }
  }, [control, tally?.revealed, round, announce, t]);

  const timer = control?.timer;
  const endsAt = timer?.status === 'running' ? timer.endsAt : null;
  useEffect(() => {
    if (endsAt === null) return;
    const untilLastMinute = endsAt - (Date.now() + clockOffset) - 60_000;
    // Started (or changed) within the last minute: nothing to warn about any more.
    if (untilLastMinute < -1000 || lastMinuteFor.current === endsAt) return;
    const id = window.setTimeout(() => {
      lastMinuteFor.current = endsAt;
      announce(t('announce.lastMinute'));
    }, Math.max(0, untilLastMinute));
    return () => window.clearTimeout(id);
    // Not re-run for clockOffset: it is measured again with every control view, and a few ms do not matter.
  }, [endsAt, announce, t]);
}
