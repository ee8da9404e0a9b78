/**
 * Credentials kept in the browser.
 * - Participant: localStorage `regiebord.participant.<workshopId>`, so a phone
 *   that reloads or comes back later is the same participant.
 * - Shared screen: sessionStorage, so a reload of the projector tab keeps working
 *   while the token is not visible in the address bar.
 */
export interface ParticipantSession {
  participantId: string;
  token: string;
  name: string;
}

const participantKey = (workshopId: string) => `regiebord.participant.${workshopId}`;
const screenKey = (workshopId: string) => `regiebord.screen.${workshopId}`;

function isSession(v: unknown): v is ParticipantSession {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.participantId === 'string' && typeof o.token === 'string' && typeof o.name === 'string';
}

export function loadParticipant(workshopId: string): ParticipantSession | null {
  try {
    const raw = localStorage.getItem(participantKey(workshopId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveParticipant(workshopId: string, session: ParticipantSession): void {
  try {
    localStorage.setItem(participantKey(workshopId), JSON.stringify(session));
  } catch {
    // Storage full or blocked: joining still works until the page is closed.
  }
}

export function forgetParticipant(workshopId: string): void {
  try {
    localStorage.removeItem(participantKey(workshopId));
  } catch {
    // Nothing to forget.
  }
}

/** Takes the screen token from the URL fragment (and hides it), or from sessionStorage. */
export function takeScreenToken(workshopId: string): string | null {
  const fromHash = location.hash.slice(1);
  if (fromHash) {
    try {
      sessionStorage.setItem(screenKey(workshopId), fromHash);
    } catch {
      // Without storage the token only lives in memory.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(screenKey(workshopId));
  } catch {
    return null;
  }
}
