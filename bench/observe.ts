/** What a simulated phone watches on its board: shared by the worker phones and the probe. */
import type * as Y from 'yjs';
import { cardsOf, readCard } from '../shared/board';
import { now } from './stats';

/** Calls `seen(x, at)` every time the card's x is seen (after each change of the board). */
export function watchCardX(doc: Y.Doc, cardId: string, seen: (x: number, at: number) => void): void {
  const cards = cardsOf(doc);
  cards.observeDeep(() => {
    const x = readCard(cardId, cards.get(cardId))?.pos?.x;
    if (typeof x === 'number') seen(x, now());
  });
}

/** Resolves with the time the board first holds `count` cards, told by the board itself (no polling). */
export function whenCards(doc: Y.Doc, count: number): Promise<number> {
  return new Promise((resolve) => {
    const cards = cardsOf(doc);
    const check = () => {
      if (cards.size < count) return;
      cards.unobserve(check);
      resolve(now());
    };
    cards.observe(check);
  });
}
