import * as Y from 'yjs';
import { z } from 'zod';
import { clampUnit, type Position } from './template';
import { randomId } from './ids';

/**
 * The board document: one Y.Doc per workshop, synced over the y-websocket
 * protocol. This module is the single description of its shape; see
 * docs/board-document.md.
 *
 *   doc.getMap('cards'): cardId -> Y.Map {
 *     kind: 'domain' | 'project'
 *     title: string
 *     x, y: number in [0, 1], origin top-left of the quadrant area ("now")
 *     description?: string, department?: string
 *     createdAt: number (ms since epoch)
 *   }
 */
export const CARDS_MAP = 'cards';

export const CARD_KINDS = ['domain', 'project'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const CARD_TITLE_MAX = 120;
export const CARD_TEXT_MAX = 600;

export const newCardSchema = z.object({
  kind: z.enum(CARD_KINDS),
  title: z.string().trim().min(1).max(CARD_TITLE_MAX),
  x: z.number().min(0).max(1).optional(),
  y: z.number().min(0).max(1).optional(),
  description: z.string().max(CARD_TEXT_MAX).optional(),
  department: z.string().max(CARD_TITLE_MAX).optional(),
});
export type NewCard = z.infer<typeof newCardSchema>;

/** A card as the views see it: plain values, already checked. */
export interface CardView {
  id: string;
  kind: CardKind;
  title: string;
  x: number;
  y: number;
  description: string;
  department: string;
  createdAt: number;
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
  const x = value.get('x');
  const y = value.get('y');
  if (kind !== 'domain' && kind !== 'project') return null;
  if (typeof title !== 'string' || typeof x !== 'number' || typeof y !== 'number') return null;
  const description = value.get('description');
  const department = value.get('department');
  const createdAt = value.get('createdAt');
  return {
    id,
    kind,
    title: title.slice(0, CARD_TITLE_MAX),
    x: clampUnit(x),
    y: clampUnit(y),
    description: typeof description === 'string' ? description : '',
    department: typeof department === 'string' ? department : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
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

export function addCard(doc: Y.Doc, input: NewCard, now = Date.now()): string {
  const card = newCardSchema.parse(input);
  const id = randomId(16);
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('kind', card.kind);
    map.set('title', card.title);
    map.set('x', clampUnit(card.x ?? 0.5));
    map.set('y', clampUnit(card.y ?? 0.5));
    if (card.description) map.set('description', card.description);
    if (card.department) map.set('department', card.department);
    map.set('createdAt', now);
    cardsOf(doc).set(id, map);
  });
  return id;
}

export function moveCard(doc: Y.Doc, id: string, pos: Position): boolean {
  const card = cardsOf(doc).get(id);
  if (!(card instanceof Y.Map)) return false;
  doc.transact(() => {
    card.set('x', clampUnit(pos.x));
    card.set('y', clampUnit(pos.y));
  });
  return true;
}

export function removeCard(doc: Y.Doc, id: string): boolean {
  const cards = cardsOf(doc);
  if (!cards.has(id)) return false;
  cards.delete(id);
  return true;
}
