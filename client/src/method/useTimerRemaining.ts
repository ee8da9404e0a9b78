import { useEffect, useState } from 'react';
import { timerRemaining, type TimerState } from '../../../shared/control';

const TICK_MS = 250;

/**
 * Time left on the workshop timer, in ms, on the server's clock
 * (offset = serverNow − Date.now() when the control view arrived).
 * Re-renders a few times a second while the timer runs.
 */
export function useTimerRemaining(timer: TimerState | undefined, clockOffset: number): number {
  const running = timer?.status === 'running';
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => window.clearInterval(id);
  }, [running]);
  if (!timer) return 0;
  // Read at render time: the tick only makes sure we render often enough.
  return timerRemaining(timer, Date.now() + clockOffset);
}

/** mm:ss, counted up to the whole second (so 00:00 is shown only at the very end). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
