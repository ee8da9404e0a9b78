import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, cardsOf, moveCard, readCards, removeCard, type NewCard } from '../../shared/board';
import { newCardSchema } from '../../shared/schemas';

describe('board document', () => {
  it('adds, moves and removes cards, and two documents converge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
    const id = addCard(a, { kind: 'domain', title: '  Klimaatbeleid ' }, 1);
    expect(readCards(b)).toEqual([
      { id, kind: 'domain', title: 'Klimaatbeleid', x: 0.5, y: 0.5, description: '', department: '', createdAt: 1, target: null, registerId: null },
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
          pos: [(x ?? 0.5) + 0, (y ?? 0.5) + 0],
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

  it('orders cards by creation time, then id', () => {
    const doc = new Y.Doc();
    addCard(doc, { kind: 'project', title: 'Later' }, 20);
    addCard(doc, { kind: 'project', title: 'Eerder' }, 10);
    expect(readCards(doc).map((c) => c.title)).toEqual(['Eerder', 'Later']);
  });
});
