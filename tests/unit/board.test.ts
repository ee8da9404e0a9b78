import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, cardsOf, isPlaced, moveCard, putCard, readCards, removeCard, type NewCard } from '../../shared/board';
import { newCardSchema } from '../../shared/schemas';

describe('board document', () => {
  it('adds, moves and removes cards, and two documents converge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
    const id = addCard(a, { kind: 'domain', title: '  Klimaatbeleid ' }, 1);
    expect(readCards(b)).toEqual([
      { id, kind: 'domain', title: 'Klimaatbeleid', pos: null, description: '', department: '', createdAt: 1, target: null, registerId: null },
    ]);
    expect(moveCard(b, id, { x: 2, y: -1 })).toBe(true);
    expect(readCards(a)[0]).toMatchObject({ pos: { x: 1, y: 0 } });
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

  // addCard checks without zod (it runs on the phone); the server's newCardSchema must agree with it.
  it('accepts exactly what newCardSchema accepts, and stores what it produces', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constantFrom(undefined, null, 7, ''));
    const text = (max: number) =>
      fc.oneof(
        fc.string({ maxLength: max + 5 }),
        fc.tuple(fc.constantFrom('', ' ', '\t\n ', '\u00a0'), fc.string({ minLength: max - 2, maxLength: max + 2 })).map(([pad, s]) => pad + s + pad),
      );
    const unit = fc.oneof(fc.double({ min: -0.5, max: 1.5 }), fc.constantFrom(0, 1, Number.NaN, Number.POSITIVE_INFINITY));
    const card = fc.record(
      {
        kind: maybe(fc.constantFrom('domain', 'project', 'other')),
        title: maybe(text(120)),
        x: maybe(unit),
        y: maybe(unit),
        description: maybe(text(600)),
        department: maybe(text(120)),
        extra: fc.string(),
      },
      { requiredKeys: [] },
    );
    const inputs = fc.oneof(card, fc.constantFrom<unknown>(null, 'card', 3, [], [{ kind: 'domain', title: 'x' }]));
    fc.assert(
      fc.property(inputs, (input) => {
        const doc = new Y.Doc();
        const parsed = newCardSchema.safeParse(input);
        let id: string | null = null;
        try {
          id = addCard(doc, input as NewCard, 5);
        } catch {
          // refused
        }
        expect(id !== null).toBe(parsed.success);
        if (!parsed.success) return;
        const { kind, title, x, y, description, department, registerId } = parsed.data;
        expect(cardsOf(doc).get(id!)!.toJSON()).toEqual({
          kind,
          title,
          // `+ 0` turns -0 into 0, as clamping does (toEqual tells -0 from 0; a rare fast-check case).
          ...(x !== undefined && y !== undefined ? { pos: [x + 0, y + 0] } : {}),
          ...(description ? { description } : {}),
          ...(department ? { department } : {}),
          ...(registerId ? { registerId } : {}),
          createdAt: 5,
        });
      }),
      { numRuns: 2000 },
    );
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

  it('adds a card without a position as unplaced; placing it is a move; two unplaced cards never share a spot', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { kind: 'domain', title: 'Zonne-energie' }, 1);
    const b = addCard(doc, { kind: 'project', title: 'Warmtenet' }, 2);
    expect(cardsOf(doc).get(a)!.has('pos')).toBe(false);
    expect(readCards(doc).map((c) => c.pos)).toEqual([null, null]);
    expect(readCards(doc).filter(isPlaced)).toEqual([]);
    expect(moveCard(doc, a, { x: 0.3, y: 0.7 })).toBe(true);
    expect(readCards(doc).filter(isPlaced).map((c) => [c.id, c.pos])).toEqual([[a, { x: 0.3, y: 0.7 }]]);
    expect(() => addCard(doc, { kind: 'domain', title: 'Half', x: 0.2 })).toThrow();
    expect(newCardSchema.safeParse({ kind: 'domain', title: 'Half', y: 0.2 }).success).toBe(false);
    expect(readCards(doc).find((c) => c.id === b)!.pos).toBeNull();
  });

  it('reads older documents: x and y as two fields, and a card with no position at all', () => {
    const doc = new Y.Doc();
    const old = new Y.Map<unknown>();
    old.set('kind', 'domain');
    old.set('title', 'Van vroeger');
    old.set('x', 0.25);
    old.set('y', 0.75);
    old.set('createdAt', 1);
    cardsOf(doc).set('old', old);
    const none = new Y.Map<unknown>();
    none.set('kind', 'project');
    none.set('title', 'Zonder plek');
    none.set('createdAt', 2);
    cardsOf(doc).set('none', none);
    expect(readCards(doc).map((c) => [c.id, c.pos])).toEqual([
      ['old', { x: 0.25, y: 0.75 }],
      ['none', null],
    ]);
  });

  it('writes a whole unplaced card back as unplaced (import, duplicate)', () => {
    const doc = new Y.Doc();
    const id = addCard(doc, { kind: 'domain', title: 'In de bak' }, 3);
    const copy = new Y.Doc();
    putCard(copy, readCards(doc)[0]!);
    expect(readCards(copy)).toEqual(readCards(doc));
    expect(cardsOf(copy).get(id)!.has('pos')).toBe(false);
  });

  it('orders cards by creation time, then id', () => {
    const doc = new Y.Doc();
    addCard(doc, { kind: 'project', title: 'Later' }, 20);
    addCard(doc, { kind: 'project', title: 'Eerder' }, 10);
    expect(readCards(doc).map((c) => c.title)).toEqual(['Eerder', 'Later']);
  });
});
