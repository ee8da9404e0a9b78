import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard, moveCard, readCards } from '../../shared/board';
import { PERMISSIONS } from '../../shared/phases';
import type { ErrorBody } from '../../shared/errors';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

/**
 * "Newer work wins": phone A moves a card while offline, the facilitator moves the same card
 * later while online; when A comes back, the facilitator's position stands everywhere and A is
 * told. Both orders of Yjs client ids, so the test covers the one where Yjs alone lets A win.
 */
const STALE_AFTER_MS = 1_000;

let server: TestServer | undefined;
const docs: DocClient[] = [];
afterEach(async () => {
  for (const d of docs.splice(0)) d.destroy();
  await server?.stop();
  server = undefined;
});

const positionOf = (doc: Y.Doc, id: string) => {
  const card = readCards(doc).find((c) => c.id === id);
  return card?.pos ?? undefined;
};
/** Time passing is the subject here (the facilitator's move getting older), not a wait for sync. */
const letTimePass = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setting(phoneIs: 'larger' | 'smaller' = 'larger') {
  server = await startServer({ yjs: { staleAfterMs: STALE_AFTER_MS } });
  const api = await facilitatorClient(server.url);
  const workshop = await createWorkshop(api);
  const facHeaders = { cookie: api.cookie, origin: server.url };
  const fac = connectControl(server.url, workshop.id, { headers: facHeaders });
  await fac.state;
  await ask(fac.socket, 'phases:set', { phases: [{ id: 'alles', kind: 'koers', permissions: [...PERMISSIONS] }] });
  const { token } = await join(server.url, workshop.joinCode, 'Telefoon A');
  const phoneControl = connectControl(server.url, workshop.id, { token });
  await phoneControl.state;
  const refusals: string[] = [];
  phoneControl.socket.on('board:refused', (body: ErrorBody) => refusals.push(body.code));
  const facDoc = await connectedDoc(server.wsUrl, workshop.id, { headers: facHeaders });
  // Client ids decide Yjs's tie-break between concurrent writes: pick the order.
  const clientID = phoneIs === 'larger' ? facDoc.doc.clientID + 1 : Math.max(1, facDoc.doc.clientID - 1);
  const phone = await connectedDoc(server.wsUrl, workshop.id, { token, clientID });
  docs.push(facDoc, phone);
  const cardId = addCard(facDoc.doc, { kind: 'domain', title: 'Mobiliteit', x: 0.5, y: 0.5 });
  await eventually(() => positionOf(phone.doc, cardId) !== undefined);
  const room = (await server.app.registry.loaded(workshop.id))!;
  return { server, workshop, fac, phoneControl, refusals, facDoc, phone, cardId, room };
}

async function storedBoard(s: TestServer, workshopId: string): Promise<Y.Doc> {
  // What the server's storage holds (either engine), not its document in memory.
  const stored = await s.app.storage.loadDoc(workshopId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('newer work wins', () => {
  it.each([
    ['the phone has the larger Yjs client id (Yjs alone would let the phone win)', 'larger'],
    ['the phone has the smaller Yjs client id', 'smaller'],
  ])('an offline move reaching the server after a newer move of the same card is undone, and the phone is told: %s', async (_name, order) => {
    const s = await setting(order as 'larger' | 'smaller');

    s.phone.provider.disconnect();
    moveCard(s.phone.doc, s.cardId, { x: 0.1, y: 0.1 });
    moveCard(s.phone.doc, s.cardId, { x: 0.15, y: 0.12 }); // dragged twice while offline
    moveCard(s.facDoc.doc, s.cardId, { x: 0.9, y: 0.8 }); // later, online
    await eventually(() => expect(positionOf(s.room.doc, s.cardId)).toEqual({ x: 0.9, y: 0.8 }));
    await letTimePass(STALE_AFTER_MS + 200);

    s.phone.provider.connect();
    await eventually(() => expect(s.refusals).toContain('MOVED_MEANWHILE'));
    await eventually(() => {
      for (const doc of [s.room.doc, s.facDoc.doc, s.phone.doc]) expect(positionOf(doc, s.cardId)).toEqual({ x: 0.9, y: 0.8 });
    });
    await s.room.flushed();
    expect(positionOf(await storedBoard(s.server, s.workshop.id), s.cardId)).toEqual({ x: 0.9, y: 0.8 });

    // The phone can move the card again now that it has seen the facilitator's position.
    moveCard(s.phone.doc, s.cardId, { x: 0.3, y: 0.3 });
    await eventually(() => expect(positionOf(s.facDoc.doc, s.cardId)).toEqual({ x: 0.3, y: 0.3 }));
    expect(s.refusals).toEqual(['MOVED_MEANWHILE']);
    s.fac.socket.disconnect();
    s.phoneControl.socket.disconnect();
  });

  it('moves made at the same moment (within the grace) converge as Yjs decides, with nobody refused', async () => {
    const s = await setting('larger'); // Yjs lets the phone win the tie-break
    s.phone.provider.disconnect();
    moveCard(s.facDoc.doc, s.cardId, { x: 0.9, y: 0.8 });
    moveCard(s.phone.doc, s.cardId, { x: 0.1, y: 0.1 });
    await eventually(() => expect(positionOf(s.room.doc, s.cardId)).toEqual({ x: 0.9, y: 0.8 }));
    s.phone.provider.connect();
    await eventually(() => {
      for (const doc of [s.room.doc, s.facDoc.doc, s.phone.doc]) expect(positionOf(doc, s.cardId)).toEqual({ x: 0.1, y: 0.1 });
    });
    expect(s.room.repairedWrites).toBe(0);
    expect(s.refusals).toEqual([]);
    s.fac.socket.disconnect();
    s.phoneControl.socket.disconnect();
  });

  it('a second stale phone is refused too: the position put back keeps its age', async () => {
    const s = await setting();
    const { token } = await join(s.server.url, s.workshop.joinCode, 'Telefoon B');
    const phoneB = await connectedDoc(s.server.wsUrl, s.workshop.id, { token, clientID: s.facDoc.doc.clientID + 2 });
    docs.push(phoneB);
    s.phone.provider.disconnect();
    phoneB.provider.disconnect();
    moveCard(s.phone.doc, s.cardId, { x: 0.1, y: 0.1 });
    moveCard(phoneB.doc, s.cardId, { x: 0.2, y: 0.9 });
    moveCard(s.facDoc.doc, s.cardId, { x: 0.9, y: 0.8 });
    await eventually(() => expect(positionOf(s.room.doc, s.cardId)).toEqual({ x: 0.9, y: 0.8 }));
    await letTimePass(STALE_AFTER_MS + 200);
    s.phone.provider.connect();
    await eventually(() => expect(positionOf(s.phone.doc, s.cardId)).toEqual({ x: 0.9, y: 0.8 }));
    phoneB.provider.connect();
    await eventually(() => {
      for (const doc of [s.room.doc, s.facDoc.doc, s.phone.doc, phoneB.doc]) expect(positionOf(doc, s.cardId)).toEqual({ x: 0.9, y: 0.8 });
    });
    expect(s.room.repairedWrites).toBe(2);
    s.fac.socket.disconnect();
    s.phoneControl.socket.disconnect();
  });
});
