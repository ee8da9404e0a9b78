import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard, cardsOf, moveCard, readCards, removeCard, setCardTarget } from '../../shared/board';
import { PERMISSIONS } from '../../shared/phases';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

/** Deterministic randomness per seed (mulberry32), so a failing seed can be pinned. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server: TestServer | undefined;
const clients: DocClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.stop();
  server = undefined;
});

const snapshot = (doc: Y.Doc) => JSON.stringify(readCards(doc));

/**
 * Random card operations on 3–6 clients (a facilitator and participants) with
 * random disconnects; afterwards every client, the server and a reload from
 * disk must hold the same board.
 */
async function runSeed(seed: number, steps = 120, staleAfterMs?: number): Promise<{ repaired: number }> {
  const rand = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  server = await startServer(staleAfterMs === undefined ? {} : { yjs: { staleAfterMs } });
  const api = await facilitatorClient(server.url);
  const workshop = await createWorkshop(api);
  const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
  await fac.state;
  // All permissions, so participants' changes are part of the fuzz (not undone).
  await ask(fac.socket, 'phases:set', { phases: [{ id: 'alles', kind: 'koers', permissions: [...PERMISSIONS] }] });
  fac.socket.disconnect();

  const count = 3 + Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    const opts = i === 0 ? { headers: { cookie: api.cookie, origin: server.url } } : { token: (await join(server.url, workshop.joinCode)).token };
    const c = connectDoc(server.wsUrl, workshop.id, opts);
    clients.push(c);
    await eventually(() => c.provider.synced);
  }

  for (let step = 0; step < steps; step++) {
    const c = pick(clients);
    const ids = [...cardsOf(c.doc).keys()];
    const r = rand();
    if (r < 0.08) {
      if (c.provider.wsconnected) c.provider.disconnect();
      else c.provider.connect();
    } else if (r < 0.35 || ids.length === 0) {
      addCard(c.doc, { kind: rand() < 0.5 ? 'domain' : 'project', title: `k${seed}-${step}`, x: rand(), y: rand() });
    } else if (r < 0.75) {
      moveCard(c.doc, pick(ids), { x: rand(), y: rand() });
    } else if (r < 0.9) {
      setCardTarget(c.doc, pick(ids), rand() < 0.8 ? { x: rand(), y: rand() } : null);
    } else if (c === clients[0]) {
      removeCard(c.doc, pick(ids)); // only the facilitator removes
    }
    if (rand() < 0.3) await new Promise((res) => setImmediate(res));
  }

  for (const c of clients) if (!c.provider.wsconnected && !c.provider.wsconnecting) c.provider.connect();
  const room = await server.app.registry.loaded(workshop.id);
  await eventually(
    () => {
      const expected = snapshot(room!.doc);
      for (const c of clients) expect(snapshot(c.doc)).toBe(expected);
    },
    { timeoutMs: 15_000 },
  );
  const live = snapshot(room!.doc);

  // A reload from disk holds the same board.
  await room!.flushed();
  const storage = openSqliteStorage(server.dataDir);
  const stored = await storage.loadDoc(workshop.id);
  await storage.close();
  const reloaded = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(reloaded, u);
  expect(snapshot(reloaded)).toBe(live);
  return { repaired: room!.repairedWrites };
}

describe('convergence fuzz', () => {
  it.each([101, 102, 103, 104, 105, 106, 107, 108])('seed %i: every client, the server and a reload agree', async (seed) => {
    await runSeed(seed);
  });

  // Pinned: seed 1 failed before classifyUpdate learned that a write into a card the facilitator
  // had just removed (a garbage-collected parent) is harmless. It was dropped as "outside the
  // board", so that client never converged and re-sent the write on every reconnect.
  it('pinned seed 1 (a move racing a removal)', async () => {
    await runSeed(1);
  });

  // "Newer work wins" (server/board/staleWrites.ts) undoes position writes that missed a newer
  // value. With no grace at all it fires on nearly every concurrent move: the undoing must never
  // leave two clients, the server or the disk with different boards.
  it('seeds 201–204 with the stale-write rule at 0 ms grace: every client, the server and a reload agree', async () => {
    let repaired = 0;
    for (const seed of [201, 202, 203, 204]) {
      repaired += (await runSeed(seed, 120, 0)).repaired;
      for (const c of clients.splice(0)) c.destroy();
      await server?.stop();
      server = undefined;
    }
    // Participants may do everything here, so only the stale-write rule undoes writes.
    expect(repaired).toBeGreaterThan(0);
  }, 120_000);
});
