import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

const MIN_INTERVAL_MS = 1000;
const MAX_PARTS = 3;

/**
 * Announcements for screen readers, at most one per second. Messages that
 * arrive in between are combined into the next announcement.
 */
export function useAnnouncer(): { message: string; announce: (text: string) => void } {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const queue = useRef<string[]>([]);
  const lastAt = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);

  const flush = useCallback(() => {
    timer.current = undefined;
    const parts = queue.current;
    queue.current = [];
    if (parts.length === 0) return;
    const shown = parts.slice(0, MAX_PARTS);
    if (parts.length > MAX_PARTS) shown.push(tRef.current('announce.more', { count: parts.length - MAX_PARTS }));
    lastAt.current = Date.now();
    // A trailing non-breaking space makes a repeated text a new text, so it is read again.
    // Parts that end a sentence themselves are not given a second full stop.
    setMessage((prev) => {
      const next = shown.map((p) => (/[.!?…]$/.test(p) ? p : `${p}.`)).join(' ');
      return prev === next ? `${next}\u00a0` : next;
    });
  }, []);

  const announce = useCallback(
    (text: string) => {
      queue.current.push(text);
      if (timer.current !== undefined) return;
      const wait = Math.max(0, lastAt.current + MIN_INTERVAL_MS - Date.now());
      timer.current = window.setTimeout(flush, wait);
    },
    [flush],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { message, announce };
}

/** The polite live region itself; visually hidden. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="rb-sr-only" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {message}
    </div>
  );
}
