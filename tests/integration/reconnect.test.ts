import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { addCard, moveCard, readCards } from '../../shared/board';
import { PERMISSIONS } from '../../shared/phases';
import type { AckResult, WorkshopDetail } from '../../shared/protocol';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectDoc, connectedDoc, type DocClient } from '../helpers/clients';
import { FlakyNetwork } from '../helpers/flakyNetwork';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

/**
 * Phones on venue Wi-Fi: one offline for 30 seconds, one for 3 minutes, both
 * editing and voting meanwhile. Real time, real timeouts (socket.io pings,
 * y-websocket's reconnect, the server's WebSocket pings): nothing is shortened.
 */
let server: TestServer;
let workshop: WorkshopDetail;
let barrierId: string;

beforeAll(async () => {
  server = await startServer();
  const api = await facilitatorClient(server.url);
  workshop = await createWorkshop(api);
  const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
  await fac.state;
  await ask(fac.socket, 'phases:set', { phases: [{ id: 'alles', kind: 'stemmen', permissions: [...PERMISSIONS] }] });
  await ask(fac.socket, 'settings:update', { voteBudget: 12, voteCap: 12 });
  const b = await ask<AckResult<{ id: string }>>(fac.socket, 'barrier:add', { text: 'Slechte wifi', cardIds: [] });
  if (!b.ok) throw new Error('barrier');
  barrierId = b.id;
  fac.socket.disconnect();
});

afterAll(async () => {
  await server.stop();
});

/** What the phone app does: one opId per intended vote, re-sent with the same id until answered. */
async function castUntilAnswered(socket: Socket, opId: string, deadlineMs: number): Promise<AckResult<{ remaining: number }>> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await ask<AckResult<{ remaining: number }>>(socket, 'vote:cast', { opId, barrierId }, 5_000);
    } catch {
      if (Date.now() > deadline) throw new Error(`vote ${opId} never answered`);
    }
  }
}

interface Phone {
  net: FlakyNetwork;
  doc: DocClient;
  socket: Socket;
}

async function phone(name: string): Promise<Phone> {
  const net = new FlakyNetwork(server.port);
  const port = await net.start();
  const { token } = await join(server.url, workshop.joinCode, name);
  const c = connectControl(`http://127.0.0.1:${port}`, workshop.id, { token });
  await c.state;
  const doc = connectDoc(`ws://127.0.0.1:${port}`, workshop.id, { token });
  await eventually(() => doc.provider.synced);
  return { net, doc, socket: c.socket };
}

async function offlineFor(p: Phone, ms: number, name: string, long: boolean) {
  const cardId = addCard(p.doc.doc, { kind: 'domain', title: `${name} voor` });
  await eventually(async () => expect(readCards((await server.app.registry.loaded(workshop.id))!.doc).map((c) => c.title)).toContain(`${name} voor`));
  p.net.pause();
  // Edits and votes while offline.
  moveCard(p.doc.doc, cardId, { x: 0.9, y: 0.1 });
  addCard(p.doc.doc, { kind: 'project', title: `${name} offline` });
  const votes = [`${name}-vote-1`, `${name}-vote-2`].map((opId) => castUntilAnswered(p.socket, opId, ms + 120_000));
  // The time offline is what this test varies (a short drop, a long one), not a wait for sync.
  await new Promise((r) => setTimeout(r, ms));
  if (long) p.net.reset();
  else p.net.resume();
  const answers = await Promise.all(votes);
  for (const a of answers) expect(a.ok).toBe(true);
  return cardId;
}

describe('reconnects after time offline', () => {
  it('merges edits and counts each vote once, after 30 seconds and after 3 minutes offline', async () => {
    const short = await phone('kort');
    const long = await phone('lang');
    const online = await connectedDoc(server.wsUrl, workshop.id, { token: (await join(server.url, workshop.joinCode)).token });

    const running = [offlineFor(short, 30_000, 'kort', false), offlineFor(long, 180_000, 'lang', true)];
    // Meanwhile the room goes on.
    addCard(online.doc, { kind: 'domain', title: 'zaal' });
    const [shortCard, longCard] = await Promise.all(running);

    const room = await server.app.registry.loaded(workshop.id);
    await eventually(
      () => {
        const expected = JSON.stringify(readCards(room!.doc));
        for (const d of [short.doc, long.doc, online]) expect(JSON.stringify(readCards(d.doc))).toBe(expected);
      },
      { timeoutMs: 30_000 },
    );
    const titles = readCards(room!.doc).map((c) => c.title).sort();
    expect(titles).toEqual(['kort offline', 'kort voor', 'lang offline', 'lang voor', 'zaal']);
    for (const id of [shortCard, longCard]) expect(readCards(room!.doc).find((c) => c.id === id)).toMatchObject({ pos: { x: 0.9, y: 0.1 } });

    const totals = await server.app.storage.method.voteTotals(workshop.id);
    expect(totals.total).toBe(4);
    expect(totals.voters).toBe(2);

    for (const p of [short, long]) {
      p.doc.destroy();
      p.socket.disconnect();
      await p.net.close();
    }
    online.destroy();
  }, 300_000);
});
