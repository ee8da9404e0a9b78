import { useEffect, useState } from 'react';
import type { TrackedProposal } from '../../../../shared/knowledge';
import type { Send } from '../../realtime/sendEvent';

/** How often the screen asks again while Welkom lasts (the tracker may change meanwhile). */
const REFRESH_MS = 60_000;

/**
 * Open proposals from earlier workshops on this board's register entries, asked over the
 * screen's own connection while `active` (the facilitator put them on the screen, connected). Until the first answer: none.
 */
export function useOpenProposals(send: Send, active: boolean): TrackedProposal[] {
  const [proposals, setProposals] = useState<TrackedProposal[]>([]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    const ask = () =>
      void send('openProposals:get', {}).then((res) => {
        if (live && res.ok) setProposals(res.proposals);
      });
    ask();
    const id = window.setInterval(ask, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(id);
    };
  }, [send, active]);
  return proposals;
}
