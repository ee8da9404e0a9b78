import * as Y from 'yjs';
import { cardsOf, type CardChange } from '../../shared/board';
import type { UpdateClassification } from './classifyUpdate';

/**
 * "Newer work wins" for card positions (see docs/board-document.md, Stale writes).
 *
 * Yjs settles two writes of one map key that did not see each other by client id, not by time,
 * so a phone that comes back online can overwrite a move the room made (and saw) minutes ago.
 * The server knows more: it knows which value each incoming write replaced (the new item's
 * origin), which value it holds now, and when that value reached it. A write is stale when
 * - it is concurrent: the value it replaced is not the server's current value, so its writer
 *   had not seen the current value; and
 * - the current value has stood on the server for longer than `graceMs`: a writer that was
 *   connected would have received it by then.
 * Two people moving one card at the same moment (both within the grace) are concurrent but not
 * stale, and converge as Yjs always did. A stale write is undone like any refused write.
 */

/** The card fields that hold a position; their writes are checked for staleness. */
const POSITION_FIELDS: Readonly<Record<string, CardChange>> = { pos: 'move', tx: 'target', ty: 'target' };

interface Stamp {
  /** The item that held the field's value when it was stamped. */
  item: Y.Item | undefined;
  /** Server time (ms) at which that value arrived. */
  at: number;
}

/**
 * When each card position's current value reached the server. Attached to one document; values
 * older than the attachment (loaded from storage) count as arrived at the attachment.
 */
export class PositionClock {
  private readonly stamps = new Map<string, Stamp>();
  readonly attachedAt: number;

  constructor(
    readonly doc: Y.Doc,
    readonly now: () => number,
  ) {
    this.attachedAt = now();
    // A field whose current item changed got a new value now. A write that lost Yjs's
    // tie-break leaves the item as it was, so it stamps nothing.
    cardsOf(doc).observeDeep((events) => {
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent)) continue;
        const card = event.target;
        const cardId = card._item?.parentSub;
        if (!(card instanceof Y.Map) || !cardId || card._item?.parent !== cardsOf(doc)) continue;
        for (const field of event.keysChanged) {
          if (!(field in POSITION_FIELDS)) continue;
          const item = card._map.get(field);
          const key = stampKey(cardId, field);
          if (this.stamps.get(key)?.item !== item) this.stamps.set(key, { item, at: this.now() });
        }
      }
    });
  }

  /** When the field's current value arrived. */
  since(cardId: string, field: string, current: Y.Item): number {
    const stamp = this.stamps.get(stampKey(cardId, field));
    return stamp && stamp.item === current ? stamp.at : this.attachedAt;
  }

  /**
   * The server put the older value back (undoing a stale write): its new item carries the
   * value's arrival time, not now, so the next stale writer is refused as well.
   */
  keep(cardId: string, field: string, at: number): void {
    const card = cardsOf(this.doc).get(cardId);
    if (card instanceof Y.Map) this.stamps.set(stampKey(cardId, field), { item: card._map.get(field), at });
  }
}

function stampKey(cardId: string, field: string): string {
  return `${cardId}\u0000${field}`;
}

export interface StaleWrite {
  cardId: string;
  change: CardChange;
  field: string;
  /** Arrival time of the value that stands. */
  since: number;
}

/** The position writes in this update that are stale (see above). */
export function findStaleWrites(clock: PositionClock, found: UpdateClassification, graceMs: number): StaleWrite[] {
  const stale: StaleWrite[] = [];
  const now = clock.now();
  const cards = cardsOf(clock.doc);
  for (const [cardId, fields] of found.replaced) {
    if (found.cards.get(cardId)?.has('add')) continue; // a new card has nothing to be stale against
    const card = cards.get(cardId);
    if (!(card instanceof Y.Map)) continue;
    for (const [field, replaced] of fields) {
      const change = POSITION_FIELDS[field];
      if (!change) continue;
      const current = card._map.get(field);
      // Nothing stands there (never set, or removed): nothing newer to protect.
      if (!current || current.deleted) continue;
      if (replaced && Y.compareIDs(current.lastId, replaced)) continue; // the writer saw it
      const since = clock.since(cardId, field, current);
      if (now - since > graceMs) stale.push({ cardId, change, field, since });
    }
  }
  return stale;
}
