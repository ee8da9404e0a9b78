import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, cardsOf, moveCard, readCards, removeCard, setCardTarget } from '../../shared/board';
import { defaultControlState, type ControlState } from '../../shared/control';
import type { Principal } from '../../server/auth/access';
import { createBoardGuard } from '../../server/board/boardGuard';
import { classifyUpdate } from '../../server/board/classifyUpdate';

/** The update a change on `client` produces, as the server would receive it. */
function captured(client: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  client.on('update', collect);
  change();
  client.off('update', collect);
  return Y.mergeUpdates(updates);
}

function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  return { server, client };
}

const participant: Principal = { role: 'participant', workshopId: 'w', participantId: 'p', name: '' };
const facilitator: Principal = { role: 'facilitator', workshopId: 'w', accountId: 'a', name: 'F' };
const screen: Principal = { role: 'screen', workshopId: 'w' };

describe('classifying updates', () => {
  it('accepts a card moved several times offline, sent as the full state on reconnect', () => {
    const { server, client } = pair();
    const id = addCard(client, { kind: 'domain', title: 'Offline', x: 0.1, y: 0.1 });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    // Offline: three moves. The superseded values merge into one deleted run in the client's store.
    for (const x of [0.2, 0.3, 0.4]) moveCard(client, id, { x, y: 0.5 });
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(syncStep2).structs.some((st) => st.length > 1)).toBe(true);
    const found = classifyUpdate(server, syncStep2);
    expect(found.other).toBe(false);
    expect(found.invalidCards.size).toBe(0);
    expect([...found.cards.get(id)!]).toEqual(['move']);
    Y.applyUpdate(server, syncStep2);
    expect(readCards(server)[0]).toMatchObject({ pos: { x: 0.4, y: 0.5 } });
  });

  it('tells adds, moves, targets, edits, removals and writes outside the board apart', () => {
    const { server, client } = pair();
    let id = '';
    const steps: [string, () => void, string[]][] = [
      ['add', () => (id = addCard(client, { kind: 'domain', title: 'A' })), ['add']],
      ['move', () => moveCard(client, id, { x: 0.1, y: 0.2 }), ['move']],
      ['target', () => setCardTarget(client, id, { x: 0.9, y: 0.1 }), ['target']],
      ['clear target', () => setCardTarget(client, id, null), ['target']],
      ['edit', () => cardsOf(client).get(id)!.set('title', 'B'), ['edit']],
      ['remove', () => removeCard(client, id), ['remove']],
    ];
    for (const [name, change, expected] of steps) {
      const update = captured(client, change);
      const found = classifyUpdate(server, update);
      expect(found.other, name).toBe(false);
      // Adding sets the new card's fields, removing deletes them: the main change is what counts.
      const changes = [...(found.cards.get(id) ?? [])];
      if (name === 'add' || name === 'remove') expect(changes, name).toContain(expected[0]);
      else expect(changes, name).toEqual(expected);
      Y.applyUpdate(server, update);
    }
    expect(classifyUpdate(server, captured(client, () => client.getMap('elders').set('x', 1))).other).toBe(true);
    expect(classifyUpdate(server, captured(client, () => client.getText('t').insert(0, 'hoi'))).other).toBe(true);
  });

  it('treats a move that raced a removal as harmless, not as a write outside the board', () => {
    const { server, client } = pair();
    const id = addCard(client, { kind: 'domain', title: 'Weg' });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    removeCard(server, id); // the facilitator removes it; the phone has not heard yet
    const found = classifyUpdate(server, captured(client, () => moveCard(client, id, { x: 0.9, y: 0.9 })));
    expect(found.other).toBe(false);
    expect(found.malformed).toBe(false);
  });

  it('calls bytes that decode to nothing but are longer than an empty update malformed', () => {
    const doc = new Y.Doc();
    expect(classifyUpdate(doc, new Uint8Array([0, 0])).malformed).toBe(false);
    expect(classifyUpdate(doc, new Uint8Array([0, 0, 11, 176, 133, 128])).malformed).toBe(true);
  });

  it('flags invalid values', () => {
    const { server, client } = pair();
    const id = addCard(client, { kind: 'domain', title: 'A' });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    for (const [field, value] of [['x', 'links'], ['x', 7], ['title', ''], ['kind', 'other'], ['surprise', 1], ['title', 'x'.repeat(500)]] as const) {
      const update = captured(client, () => cardsOf(client).get(id)!.set(field, value));
      const found = classifyUpdate(server, update);
      expect(found.invalidCards.has(id), `${field}=${String(value)}`).toBe(true);
      Y.applyUpdate(server, update);
    }
  });
});

describe('the board write guard', () => {
  function setup(state: ControlState, maxCardsPerParticipant = 50) {
    const { server, client } = pair();
    const refusals: string[] = [];
    const guard = createBoardGuard({
      control: () => state,
      maxCardsPerParticipant,
      onRefused: (_p, code) => refusals.push(code),
    });
    /** Apply as the server would: review, apply, repair; then sync the result back to the client. */
    const send = (who: Principal, change: () => void) => {
      const update = captured(client, change);
      const verdict = guard.review(who, server, update);
      if (verdict.action === 'apply') {
        Y.applyUpdate(server, update);
        if (verdict.repair) server.transact(() => verdict.repair!(server));
      }
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      return verdict.action;
    };
    return { server, client, send, refusals };
  }

  it('drops every write from the shared screen', () => {
    const { server, send } = setup(defaultControlState());
    expect(send(screen, () => {})).toBe('drop');
    expect(readCards(server)).toEqual([]);
  });

  it('lets participants add and move in Welkom, undoes targets and removals, lets the facilitator do all', () => {
    const { server, client, send } = setup(defaultControlState());
    let id = '';
    send(participant, () => (id = addCard(client, { kind: 'domain', title: 'Kaart', x: 0.3, y: 0.3 })));
    send(participant, () => moveCard(client, id, { x: 0.6, y: 0.6 }));
    expect(readCards(server)[0]).toMatchObject({ pos: { x: 0.6, y: 0.6 }, target: null });
    send(participant, () => setCardTarget(client, id, { x: 1, y: 1 }));
    expect(readCards(server)[0]!.target).toBeNull();
    send(participant, () => removeCard(client, id));
    expect(readCards(server)).toHaveLength(1);
    // The client converged back too.
    expect(readCards(client)[0]).toMatchObject({ title: "Kaart", pos: { x: 0.6, y: 0.6 }, target: null });
    send(facilitator, () => removeCard(client, id));
    expect(readCards(server)).toEqual([]);
  });

  it('undoes everything from participants on a locked board, and refuses junk values from anyone', () => {
    const state = { ...defaultControlState(), locked: true };
    const { server, client, send } = setup(state);
    send(participant, () => addCard(client, { kind: 'project', title: 'Op slot' }));
    expect(readCards(server)).toEqual([]);
    expect(readCards(client)).toEqual([]);
    let id = '';
    send(facilitator, () => (id = addCard(client, { kind: 'project', title: 'Van de begeleider', x: 0.2, y: 0.2 })));
    send(facilitator, () => cardsOf(client).get(id)!.set('pos', 'heel ver'));
    expect(readCards(server)[0]).toMatchObject({ pos: { x: 0.2, y: 0.2 } });
    expect(cardsOf(server).get(id)!.get('pos')).toEqual([0.2, 0.2]);
    send(facilitator, () => cardsOf(client).get(id)!.set('x', 'heel ver'));
    expect(cardsOf(server).get(id)!.has('x')).toBe(false);
  });

  it('accepts adding an unplaced card and treats placing it as a move', () => {
    // A phase where participants may add cards but not move them.
    const base = defaultControlState();
    const state: ControlState = {
      ...base,
      phases: base.phases.map((p) => (p.id === base.currentPhaseId ? { ...p, permissions: ['addCards'] } : p)),
    };
    const { server, client, send, refusals } = setup(state);
    let id = '';
    expect(send(participant, () => (id = addCard(client, { kind: 'domain', title: 'In de bak' })))).toBe('apply');
    expect(readCards(server)).toMatchObject([{ id, pos: null }]);
    expect(refusals).toEqual([]);
    // Placing needs moveCards: undone, the card stays in the tray for everyone.
    send(participant, () => moveCard(client, id, { x: 0.7, y: 0.2 }));
    expect(readCards(server)[0]!.pos).toBeNull();
    expect(readCards(client)[0]!.pos).toBeNull();
    expect(refusals).toEqual(['PHASE_NOT_ALLOWED']);
    // Adding a card already placed is part of adding (allowed with addCards alone).
    send(participant, () => addCard(client, { kind: 'project', title: 'Meteen geplaatst', x: 0.1, y: 0.9 }));
    expect(readCards(server).map((c) => c.pos)).toEqual([null, { x: 0.1, y: 0.9 }]);
    // The facilitator may place it at any time.
    send(facilitator, () => moveCard(client, id, { x: 0.7, y: 0.2 }));
    expect(readCards(server)[0]!.pos).toEqual({ x: 0.7, y: 0.2 });
  });

  it('names why a change was undone', () => {
    const { client, send, refusals } = setup({ ...defaultControlState(), currentPhaseId: 'stemmen' });
    send(participant, () => addCard(client, { kind: 'domain', title: 'Te vroeg' }));
    expect(refusals).toEqual(['PHASE_NOT_ALLOWED']);
  });

  it('limits the cards one participant may add', () => {
    const { server, client, send, refusals } = setup(defaultControlState(), 3);
    for (let i = 0; i < 5; i++) send(participant, () => addCard(client, { kind: 'domain', title: `Kaart ${i}` }));
    expect(readCards(server)).toHaveLength(3);
    expect(readCards(client)).toHaveLength(3);
    expect(refusals).toEqual(['LIMIT_REACHED', 'LIMIT_REACHED']);
    send(facilitator, () => addCard(client, { kind: 'domain', title: 'Begeleider mag' }));
    expect(readCards(server)).toHaveLength(4);
  });

  it('drops writes outside the board document', () => {
    const { server, client, send } = setup(defaultControlState());
    expect(send(facilitator, () => client.getMap('elders').set('x', 1))).toBe('drop');
    expect(server.getMap('elders').size).toBe(0);
  });
});
