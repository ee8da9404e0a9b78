import { useEffect, useRef } from 'react';
import type { Alarm } from '../../../../shared/method';

const TITLE_COUNT = /^\(\d+\) /;

/** A short two-tone chime made in the browser (Web Audio): no file, no request. */
function chime(): void {
  const Ctx = window.AudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  const now = ctx.currentTime;
  [880, 660].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, now + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.25, now + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.18 + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(now + i * 0.18);
    osc.stop(now + i * 0.18 + 0.17);
  });
  window.setTimeout(() => void ctx.close(), 600);
}

/**
 * A new alarm from a phone is announced wherever the facilitator looks: the
 * document title counts the new ones ("(1) …"), a live region reads the reason,
 * and, when the facilitator has turned it on, a chime sounds. Alarms raised before
 * the page opened are counted but not announced.
 */
export function useAlarmSignal(alarms: Alarm[], announce: (text: string) => void, describe: (a: Alarm) => string, sound: boolean): number {
  const seen = useRef(new Set<string>());
  // The list arrives after the page opens: what was raised before then is not news.
  const openedAt = useRef(Date.now());
  const fresh = alarms.filter((a) => a.status === 'proposed');

  useEffect(() => {
    const added = alarms.filter((a) => a.status === 'proposed' && !seen.current.has(a.id) && a.createdAt > openedAt.current - 5000);
    for (const a of alarms) seen.current.add(a.id);
    if (added.length === 0) return;
    for (const a of added) announce(describe(a));
    if (sound) chime();
  }, [alarms, announce, describe, sound]);

  useEffect(() => {
    const base = document.title.replace(TITLE_COUNT, '');
    document.title = fresh.length > 0 ? `(${fresh.length}) ${base}` : base;
  });

  useEffect(
    () => () => {
      document.title = document.title.replace(TITLE_COUNT, '');
    },
    [],
  );
  return fresh.length;
}
