import * as Y from 'yjs';
import { CARDS_MAP, CARD_FIELDS, isValidCardValue, type CardChange } from '../../shared/board';

/**
 * What an incoming Yjs update would do to the board, found before applying it.
 *
 * Yjs items name their parent either directly (a root name or the id of a
 * parent type's item) or, when they have a neighbour, only through that
 * neighbour (`origin`). We resolve both against the current document and the
 * update's own new items. Anything we cannot place on a card is `other`.
 */
export interface UpdateClassification {
  /** Per card id: the kinds of change. */
  cards: Map<string, Set<CardChange>>;
  /** Card fields written with values that break the board document's rules. */
  invalidCards: Set<string>;
  /** Writes outside the card map, or that could not be understood. */
  other: boolean;
  /** Bytes that decode to nothing but are longer than an empty update: not a real update. */
  malformed: boolean;
  /**
   * Per card id and field: the value the writer replaced, as it saw it: the id of the item its
   * new value was set next to (its `origin`, followed back through the update's own items, so a
   * card moved several times offline names the value it had before the first move), or null
   * when the writer saw no value. Only for fields of cards that exist already.
   */
  replaced: Map<string, Map<string, Y.ID | null>>;
}

/** An empty V1 update is exactly [0 structs, 0 delete-set clients]. */
const EMPTY_UPDATE_BYTES = 2;

/** Bounds on work per update, so a crafted update cannot make classification slow. */
const MAX_ITEMS = 20_000;
const MAX_DELETED_CLOCKS = 200_000;
const MAX_ORIGIN_HOPS = 64;

type Located =
  | { kind: 'card'; cardId: string; isNewCardEntry: boolean }
  | { kind: 'field'; cardId: string; field: string }
  /** Inside a subtree the document already deleted and collected: invisible, harmless. */
  | { kind: 'gone' }
  | { kind: 'other' };

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | 'gc' | null {
  const structs = doc.store.clients.get(id.client);
  if (!structs) return null;
  try {
    const struct = structs[Y.findIndexSS(structs, id.clock)];
    if (struct instanceof Y.Item) return struct;
    return struct instanceof Y.GC ? 'gc' : null;
  } catch {
    return null;
  }
}

export function classifyUpdate(doc: Y.Doc, update: Uint8Array): UpdateClassification {
  const result: UpdateClassification = { cards: new Map(), invalidCards: new Set(), other: false, malformed: false, replaced: new Map() };
  const note = (cardId: string, change: CardChange) => {
    let set = result.cards.get(cardId);
    if (!set) result.cards.set(cardId, (set = new Set()));
    set.add(change);
  };

  const cardsType = doc.getMap(CARDS_MAP);
  const { structs, ds } = Y.decodeUpdate(update);
  if (structs.length > MAX_ITEMS) return { ...result, other: true };
  if (structs.length === 0 && ds.clients.size === 0 && update.length > EMPTY_UPDATE_BYTES) {
    return { ...result, malformed: true };
  }

  // The update's own new items, by every clock they cover (map entries have length 1).
  const fresh = new Map<string, Y.Item>();
  let freshClocks = 0;
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (s.length === 1) {
      fresh.set(idKey(s.id), s);
      continue;
    }
    // Superseded values of one key, merged into one deleted run (a card moved several
    // times while offline): later items may point at any clock inside it.
    if (!(s.content instanceof Y.ContentDeleted)) continue; // text runs: never part of a card map
    freshClocks += s.length;
    if (freshClocks > MAX_DELETED_CLOCKS) return { ...result, other: true };
    for (let i = 0; i < s.length; i++) fresh.set(idKey(Y.createID(s.id.client, s.id.clock + i)), s);
  }

  /** Where does the type with this item (a card map, or something else) sit? */
  const cardOfTypeItem = (typeItem: Y.Item | null, isFresh: boolean): string | null => {
    if (!typeItem || !(typeItem instanceof Y.Item)) return null;
    if (isFresh) {
      const loc = locateFresh(typeItem, 0);
      return loc.kind === 'card' ? loc.cardId : null;
    }
    return typeItem.parent === cardsType && typeItem.parentSub ? typeItem.parentSub : null;
  };

  /** Classify an item that is already in the document (for deletions and origins). */
  const locateExisting = (item: Y.Item): Located => {
    const parent = item.parent;
    if (parent === cardsType && item.parentSub) return { kind: 'card', cardId: item.parentSub, isNewCardEntry: false };
    if (parent instanceof Y.AbstractType && item.parentSub) {
      const cardId = cardOfTypeItem(parent._item, false);
      if (cardId) return { kind: 'field', cardId, field: item.parentSub };
    }
    return { kind: 'other' };
  };

  /** Classify a new item from the update. */
  function locateFresh(item: Y.Item, hops: number): Located {
    if (hops > MAX_ORIGIN_HOPS) return { kind: 'other' };
    const parent = item.parent as unknown;
    if (parent !== null && parent !== undefined) {
      if (typeof parent === 'string') {
        return parent === CARDS_MAP && item.parentSub
          ? { kind: 'card', cardId: item.parentSub, isNewCardEntry: true }
          : { kind: 'other' };
      }
      if (parent instanceof Y.ID) {
        if (!item.parentSub) return { kind: 'other' };
        const freshParent = fresh.get(idKey(parent));
        if (freshParent) {
          const cardId = cardOfTypeItem(freshParent, true);
          return cardId ? { kind: 'field', cardId, field: item.parentSub } : { kind: 'other' };
        }
        const existing = findInDoc(doc, parent);
        if (existing === 'gc') return { kind: 'gone' };
        const cardId = cardOfTypeItem(existing, false);
        return cardId ? { kind: 'field', cardId, field: item.parentSub } : { kind: 'other' };
      }
      return { kind: 'other' };
    }
    // No parent info: it sits next to its neighbour, under the same parent and key.
    const ref = item.origin ?? item.rightOrigin;
    if (!ref) return { kind: 'other' };
    const freshNeighbour = fresh.get(idKey(ref));
    if (freshNeighbour) return locateFresh(freshNeighbour, hops + 1);
    const existing = findInDoc(doc, ref);
    if (existing === 'gc') return { kind: 'gone' };
    if (!existing) return { kind: 'other' };
    const loc = locateExisting(existing);
    return loc.kind === 'card' ? { ...loc, isNewCardEntry: true } : loc;
  }

  /** The item outside this update that the writer's new value replaced (see `replaced`). */
  const noteReplaced = (cardId: string, field: string, item: Y.Item) => {
    let ref = item.origin;
    for (let hops = 0; ref && hops < MAX_ORIGIN_HOPS; hops++) {
      const inUpdate = fresh.get(idKey(ref));
      if (!inUpdate) break;
      ref = inUpdate.origin;
    }
    let fields = result.replaced.get(cardId);
    if (!fields) result.replaced.set(cardId, (fields = new Map()));
    fields.set(field, ref);
  };

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue; // GC and Skip structs change nothing visible
    // An already-overwritten value (deleted content) shows nothing and holds no value to check.
    if (s.content instanceof Y.ContentDeleted) continue;
    const loc = locateFresh(s, 0);
    switch (loc.kind) {
      case 'card':
        if (!(s.content instanceof Y.ContentType) || !(s.content.type instanceof Y.Map)) {
          result.invalidCards.add(loc.cardId);
        }
        note(loc.cardId, 'add');
        break;
      case 'field': {
        const field = loc.field;
        const change = (CARD_FIELDS as Record<string, CardChange | undefined>)[field];
        const value = s.content instanceof Y.ContentAny && s.content.arr.length === 1 ? s.content.arr[0] : undefined;
        if (!change || !isValidCardValue(field, value)) result.invalidCards.add(loc.cardId);
        note(loc.cardId, change ?? 'edit');
        noteReplaced(loc.cardId, field, s);
        break;
      }
      case 'gone':
        break;
      case 'other':
        result.other = true;
        break;
    }
  }

  // Deletions: what in the current document would they remove?
  let budget = MAX_DELETED_CLOCKS;
  for (const [client, ranges] of ds.clients) {
    const list = doc.store.clients.get(client);
    if (!list) continue;
    for (const { clock, len } of ranges) {
      budget -= len;
      if (budget < 0) return { ...result, other: true };
      let i: number;
      try {
        i = Y.findIndexSS(list, clock);
      } catch {
        continue; // deletes something we do not have (yet): nothing visible changes
      }
      for (; i < list.length && list[i]!.id.clock < clock + len; i++) {
        const struct = list[i]!;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const loc = locateExisting(struct);
        if (loc.kind === 'card') note(loc.cardId, 'remove');
        else if (loc.kind === 'field') {
          note(loc.cardId, (CARD_FIELDS as Record<string, CardChange | undefined>)[loc.field] ?? 'edit');
        } else if (loc.kind === 'other') result.other = true;
      }
    }
  }
  return result;
}
