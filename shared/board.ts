import * as Y from 'yjs';
import { clampUnit, type Position } from './template';
import { ID_PATTERN, randomId } from './ids';

/**
 * The board document: one Y.Doc per workshop, synced over the y-websocket
 * protocol. This module is the single description of its shape; see
 * docs/board-document.md.
 *
 *   doc.getMap('cards'): cardId -> Y.Map {
 *     kind: 'domain' | 'project'
 *     title: string
 *     pos: [x, y], numbers in [0, 1], origin top-left of the quadrant area ("now")
 *       (older documents hold x and y as two fields; they are still read)
 *     tx?, ty?: number in [0, 1], the target position ("straks"); both or neither
 *     description?: string, department?: string
 *     registerId?: string, the organisation-wide register entry it stands for
 *     createdAt: number (ms since epoch)
 *   }
 */
export const CARDS_MAP = 'cards';

export const CARD_KINDS = ['domain', 'project'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const CARD_TITLE_MAX = 120;
export const CARD_TEXT_MAX = 600;

/** What addCard accepts; `newCardSchema` in shared/schemas/board.ts is the same rule for the server. */
export interface NewCard {
  kind: CardKind;
  /** Trimmed; 1 to CARD_TITLE_MAX characters after trimming. */
  title: string;
  x?: number;
  y?: number;
  description?: string;
  department?: string;
  /** The register entry (domain or project of the organisation) this card stands for. */
  registerId?: string;
}

/** A card as the views see it: plain values, already checked. */
export interface CardView {
  id: string;
  kind: CardKind;
  title: string;
  /**
   * The "now" position; null while the card is unplaced (added, not yet put on the board).
   * An unplaced card is in the tray and counts in no quadrant.
   */
  pos: Position | null;
  description: string;
  department: string;
  createdAt: number;
  /** Where the card should go (Koers); null when not set. */
  target: Position | null;
  /** The register entry it stands for; null for a card not (yet) in the register. */
  registerId: string | null;
}

/** The fields of a card map, by what changing them means. The server's write policy uses this. */
export const CARD_FIELDS = {
  kind: 'edit',
  title: 'edit',
  description: 'edit',
  department: 'edit',
  registerId: 'edit',
  createdAt: 'edit',
  pos: 'move',
  x: 'move',
  y: 'move',
  tx: 'target',
  ty: 'target',
} as const;
export type CardField = keyof typeof CARD_FIELDS;
export type CardChange = 'add' | 'remove' | (typeof CARD_FIELDS)[CardField];

/** Is this a valid value for this card field? Used to refuse junk written by a misbehaving client. */
export function isValidCardValue(field: string, value: unknown): boolean {
  switch (field) {
    case 'kind':
      return value === 'domain' || value === 'project';
    case 'title':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= CARD_TITLE_MAX;
    case 'description':
      return typeof value === 'string' && value.length <= CARD_TEXT_MAX;
    case 'department':
      return typeof value === 'string' && value.length <= CARD_TITLE_MAX;
    case 'createdAt':
      return typeof value === 'number' && Number.isFinite(value);
    case 'registerId':
      return typeof value === 'string' && ID_PATTERN.test(value);
    case 'pos':
      return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n >= 0 && n <= 1);
    case 'x':
    case 'y':
    case 'tx':
    case 'ty':
      return typeof value === 'number' && value >= 0 && value <= 1;
    default:
      return false;
  }
}

export function cardsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(CARDS_MAP);
}

/**
 * Read one card defensively: the document is shared with every client, so a
 * malformed entry is skipped rather than trusted.
 */
export function readCard(id: string, value: unknown): CardView | null {
  if (!(value instanceof Y.Map)) return null;
  const kind = value.get('kind');
  const title = value.get('title');
  // One field for the position, so a move is one change (half the history of x and y).
  const raw = value.get('pos');
  const [x, y] = isValidCardValue('pos', raw) ? (raw as [number, number]) : [value.get('x'), value.get('y')];
  if (kind !== 'domain' && kind !== 'project') return null;
  if (typeof title !== 'string') return null;
  // No (readable) position: the card is unplaced, not malformed.
  const pos = typeof x === 'number' && typeof y === 'number' ? { x: clampUnit(x), y: clampUnit(y) } : null;
  const description = value.get('description');
  const department = value.get('department');
  const createdAt = value.get('createdAt');
  const tx = value.get('tx');
  const ty = value.get('ty');
  const registerId = value.get('registerId');
  return {
    id,
    kind,
    title: title.slice(0, CARD_TITLE_MAX),
    pos,
    description: typeof description === 'string' ? description : '',
    department: typeof department === 'string' ? department : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    target: typeof tx === 'number' && typeof ty === 'number' ? { x: clampUnit(tx), y: clampUnit(ty) } : null,
    registerId: typeof registerId === 'string' && ID_PATTERN.test(registerId) ? registerId : null,
  };
}

/** Is this card on the board (not in the tray)? A type guard, so `card.pos` is then known. */
export function isPlaced<T extends { pos: Position | null }>(card: T): card is T & { pos: Position } {
  return card.pos !== null;
}

/** All readable cards, oldest first (stable order for lists and screen readers). */
export function readCards(doc: Y.Doc): CardView[] {
  const out: CardView[] = [];
  cardsOf(doc).forEach((value, id) => {
    const card = readCard(id, value);
    if (card) out.push(card);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * The rule of `newCardSchema` (shared/schemas/board.ts) without zod, which this module
 * must not pull into the phone's bundle: the title is trimmed, every field is
 * checked with isValidCardValue, unknown fields are dropped. Throws on invalid input.
 */
function checkNewCard(input: NewCard): NewCard {
  if (typeof input !== 'object' || input === null) throw new TypeError('Invalid card: not an object');
  const card: NewCard = { kind: input.kind, title: typeof input.title === 'string' ? input.title.trim() : input.title };
  if (!isValidCardValue('kind', card.kind)) throw new TypeError('Invalid card: kind');
  if (!isValidCardValue('title', card.title)) throw new TypeError('Invalid card: title');
  for (const field of ['x', 'y', 'description', 'department', 'registerId'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (!isValidCardValue(field, value)) throw new TypeError(`Invalid card: ${field}`);
    Object.assign(card, { [field]: value });
  }
  return card;
}

/**
 * Adds a card. Without x and y it is unplaced: it waits in the tray until someone
 * places it (moveCard), so new cards never stack at one point.
 */
export function addCard(doc: Y.Doc, input: NewCard, now = Date.now()): string {
  const card = checkNewCard(input);
  if ((card.x === undefined) !== (card.y === undefined)) throw new TypeError('Invalid card: x and y go together');
  const id = randomId(16);
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('kind', card.kind);
    map.set('title', card.title);
    if (card.x !== undefined && card.y !== undefined) map.set('pos', [clampUnit(card.x), clampUnit(card.y)]);
    if (card.description) map.set('description', card.description);
    if (card.department) map.set('department', card.department);
    if (card.registerId) map.set('registerId', card.registerId);
    map.set('createdAt', now);
    cardsOf(doc).set(id, map);
  });
  return id;
}

/** Writes a whole card under its own id (importing a workshop, duplicating one). */
export function putCard(doc: Y.Doc, card: CardView): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('kind', card.kind);
    map.set('title', card.title);
    if (card.pos) map.set('pos', [clampUnit(card.pos.x), clampUnit(card.pos.y)]);
    if (card.target) {
      map.set('tx', clampUnit(card.target.x));
      map.set('ty', clampUnit(card.target.y));
    }
    if (card.description) map.set('description', card.description);
    if (card.department) map.set('department', card.department);
    if (card.registerId) map.set('registerId', card.registerId);
    map.set('createdAt', card.createdAt);
    cardsOf(doc).set(card.id, map);
  });
}

export function moveCard(doc: Y.Doc, id: string, pos: Position): boolean {
  const card = cardsOf(doc).get(id);
  if (!(card instanceof Y.Map)) return false;
  doc.transact(() => {
    card.set('pos', [clampUnit(pos.x), clampUnit(pos.y)]);
    // A card from an older document: its position now lives in `pos` only.
    if (card.has('x')) card.delete('x');
    if (card.has('y')) card.delete('y');
  });
  return true;
}

/** Set (or with null, clear) the target position: the arrow of the kanteling. */
export function setCardTarget(doc: Y.Doc, id: string, target: Position | null): boolean {
  const card = cardsOf(doc).get(id);
  if (!(card instanceof Y.Map)) return false;
  doc.transact(() => {
    if (target) {
      card.set('tx', clampUnit(target.x));
      card.set('ty', clampUnit(target.y));
    } else {
      card.delete('tx');
      card.delete('ty');
    }
  });
  return true;
}

export function removeCard(doc: Y.Doc, id: string): boolean {
  const cards = cardsOf(doc);
  if (!cards.has(id)) return false;
  cards.delete(id);
  return true;
}
