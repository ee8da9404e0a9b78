import * as Y from 'yjs';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { CARDS_MAP } from '../../../shared/board';
import { forgetOutboxes } from './outbox';

/**
 * The phone's own copy of a workshop, so that a reload while offline loses nothing: the board
 * document in IndexedDB (y-indexeddb, every update as it happens) and which cards were changed
 * here and not confirmed by the server yet (localStorage, for the sync status in words).
 * Queued actions are outbox.ts's. Per workshop and participant; forgotten when the workshop is
 * finished or deleted or the participant removed.
 */
const PREFIX = 'regiebord.board.';
export const boardCopyName = (workshopId: string, participantId: string) => `${PREFIX}${workshopId}.${participantId}`;
const unsavedKey = (name: string) => `${name}.unsaved`;

/** Keeps `doc` in IndexedDB under `name`; `onRestored` runs once the stored copy is applied. */
export function keepBoard(name: string, doc: Y.Doc, onRestored: (hadCopy: boolean) => void): () => void {
  const persistence = new IndexeddbPersistence(name, doc);
  void persistence.whenSynced.then(() => onRestored(doc.store.clients.size > 0));
  return () => void persistence.destroy();
}

export function loadUnsavedCards(name: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(unsavedKey(name)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveUnsavedCards(name: string, cards: Set<string>): void {
  try {
    if (cards.size === 0) localStorage.removeItem(unsavedKey(name));
    else localStorage.setItem(unsavedKey(name), JSON.stringify([...cards]));
  } catch {
    // Storage full or blocked: the count is then only right until a reload.
  }
}

/** The card ids a local transaction touched (added, removed or changed). */
export function cardsTouched(transaction: Y.Transaction, doc: Y.Doc): string[] {
  const cards: unknown = doc.getMap(CARDS_MAP);
  const ids: string[] = [];
  for (const [type, keys] of transaction.changed) {
    if (type === cards) {
      for (const key of keys) if (key) ids.push(key);
    } else {
      const item = type._item;
      if (item && item.parent === cards && item.parentSub) ids.push(item.parentSub);
    }
  }
  return ids;
}

/** Forget everything this phone keeps of the workshop. */
export function forgetWorkshopCopy(workshopId: string, participantId: string): void {
  const name = boardCopyName(workshopId, participantId);
  void clearDocument(name).catch(() => {});
  saveUnsavedCards(name, new Set());
  forgetOutboxes(workshopId);
}
