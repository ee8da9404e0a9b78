/**
 * The cards added on this device, per workshop and participant ("Mijn kaarten" in the card
 * list). The board document does not say who added a card (cards are the group's), so the
 * phone remembers its own; a reload keeps them, another phone does not know them.
 */
const PREFIX = 'regiebord.myCards.';

export function myCardsKey(workshopId: string, participantId: string): string {
  return `${PREFIX}${workshopId}.${participantId}`;
}

export function loadMyCards(key: string): Set<string> {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveMyCards(key: string, ids: ReadonlySet<string>): void {
  try {
    localStorage.setItem(key, JSON.stringify([...ids]));
  } catch {
    // Private mode or full: the list lasts for this page only.
  }
}

/** Nothing of a finished or deleted workshop stays on the phone. */
export function forgetMyCards(workshopId: string, participantId: string): void {
  try {
    localStorage.removeItem(myCardsKey(workshopId, participantId));
  } catch {
    // Nothing stored.
  }
}
