import { useEffect, useState } from 'react';
import type { ScreenControl } from '../../../../shared/control';
import { shownPage, untilNextTurn } from '../../../../shared/screenPages';

/**
 * The page of the shared screen's list shown now, on the server's clock (offset =
 * serverNow − Date.now()). With automatic paging it re-renders when the page turns, so
 * the screen and the cockpit turn together without a message from the server.
 */
export function useShownPage(screen: ScreenControl, pageCount: number, clockOffset: number): number {
  const [, setTick] = useState(0);
  const now = Date.now() + clockOffset;
  const wait = untilNextTurn(screen, pageCount, now);
  useEffect(() => {
    if (wait === null) return;
    // A little after the turn, so the computed page is the new one.
    const id = window.setTimeout(() => setTick((n) => n + 1), wait + 50);
    return () => window.clearTimeout(id);
  });
  return shownPage(screen, pageCount, now);
}
