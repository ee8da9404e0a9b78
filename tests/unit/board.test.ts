import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, cardsOf, moveCard, readCards, removeCard } from '../../shared/board';

describe('board document', () => {
  it('adds, moves and removes cards, and two documents converge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
    const id = addCard(a, { kind: 'domain', title: '  Klimaatbeleid ' }, 1);
    expect(readCards(b)).toEqual([
      { id, kind: 'domain', title: 'Klimaatbeleid', x: 0.5, y: 0.5, description: '', department: '', createdAt: 1, target: null },
    ]);
    expect(moveCard(b, id, { x: 2, y: -1 })).toBe(true);
    expect(readCards(a)[0]).toMatchObject({ x: 1, y: 0 });
    expect(moveCard(a, 'missing', { x: 0, y: 0 })).toBe(false);
    expect(removeCard(a, id)).toBe(true);
    expect(readCards(b)).toEqual([]);
  });

  it('rejects invalid new cards', () => {
    const doc = new Y.Doc();
    expect(() => addCard(doc, { kind: 'domain', title: '   ' })).toThrow();
    expect(() => addCard(doc, { kind: 'other' as 'domain', title: 'x' })).toThrow();
    expect(() => addCard(doc, { kind: 'project', title: 'x'.repeat(121) })).toThrow();
  });

  it('skips malformed entries written by a misbehaving client', () => {
    const doc = new Y.Doc();
    const cards = cardsOf(doc);
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'domain');
    bad.set('title', 42);
    cards.set('bad', bad);
    (cards as unknown as Y.Map<unknown>).set('notamap', 'hello');
    addCard(doc, { kind: 'project', title: 'Goed' });
    expect(readCards(doc).map((c) => c.title)).toEqual(['Goed']);
  });

  it('orders cards by creation time, then id', () => {
    const doc = new Y.Doc();
    addCard(doc, { kind: 'project', title: 'Later' }, 20);
    addCard(doc, { kind: 'project', title: 'Eerder' }, 10);
    expect(readCards(doc).map((c) => c.title)).toEqual(['Eerder', 'Later']);
  });
});
