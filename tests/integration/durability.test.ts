import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard, moveCard, readCards } from '../../shared/board';
import { PERMISSIONS } from '../../shared/phases';
import type { AckResult, WorkshopDetail } from '../../shared/protocol';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { testStore } from '../helpers/engine';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

/** Seeded so a failing run can be repeated (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function prepareWorkshop(server: ServerProcess): Promise<WorkshopDetail> {
  const api = await facilitatorClient(server.url);
  const workshop = await createWorkshop(api);
  const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
  await fac.state;
  // One phase in which participants may do everything, so edits and votes run together.
  await ask(fac.socket, 'phases:set', { phases: [{ id: 'alles', kind: 'stemmen', permissions: [...PERMISSIONS] }] });
  const b = await ask<AckResult<{ id: string }>>(fac.socket, 'barrier:add', { text: 'Drempel', cardIds: [] });
  await ask(fac.socket, 'settings:update', { voteBudget: 12, voteCap: 12 });
  fac.socket.disconnect();
  if (!b.ok) throw new Error('barrier');
  return { ...workshop, barrierId: b.id } as WorkshopDetail & { barrierId: string };
}

function stateVectorCovers(server: Uint8Array, client: Uint8Array): boolean {
  const s = Y.decodeStateVector(server);
  for (const [id, clock] of Y.decodeStateVector(client)) if ((s.get(id) ?? 0) < clock) return false;
  return true;
}

describe('durability under kill -9', () => {
  it('keeps every broadcast update and every acknowledged vote, over 10 random kills', async () => {
    const runs = 10;
    const runStats: string[] = [];
    for (let run = 0; run < runs; run++) {
      const rand = random(1000 + run);
      const store = await testStore();
      cleanup.push(() => store.remove());
      let server = await spawnServer(store.dataDir, { ...store.env, LOG_LEVEL: 'error' });
      cleanup.push(() => server.child.kill('SIGKILL'));
      const workshop = (await prepareWorkshop(server)) as WorkshopDetail & { barrierId: string };

      // Two read-only observers: what they hold is exactly what the server broadcast.
      const observers = [
        await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken }),
        await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken }),
      ];
      const writers: { doc: DocClient; socket: ReturnType<typeof connectControl>['socket']; cards: string[] }[] = [];
      for (let i = 0; i < 20; i++) {
        const { token } = await join(server.url, workshop.joinCode, `P${i}`);
        const c = connectControl(server.url, workshop.id, { token });
        await c.state;
        writers.push({ doc: await connectedDoc(server.wsUrl, workshop.id, { token }), socket: c.socket, cards: [] });
      }
      const acked: string[] = [];
      let stop = false;
      const work = writers.map(async (w, wi) => {
        for (let k = 0; !stop && k < 1000; k++) {
          if (rand() < 0.5 || w.cards.length === 0) w.cards.push(addCard(w.doc.doc, { kind: 'domain', title: `K${wi}-${k}` }));
          else moveCard(w.doc.doc, w.cards[Math.floor(rand() * w.cards.length)]!, { x: rand(), y: rand() });
          const opId = `run${run}-w${wi}-op${k}`;
          if (k % 3 === 0 && k < 36) {
            const res = await ask<AckResult<{ remaining: number }>>(w.socket, 'vote:cast', { opId, barrierId: workshop.barrierId }, 2_000).catch(() => null);
            if (res?.ok) acked.push(opId);
          } else await new Promise((r) => setTimeout(r, 5 + rand() * 20));
        }
      });

      // Kill at a random moment once real work has happened: a vote acknowledged and a card
      // broadcast. A fixed delay alone was not enough on a loaded CI machine (run 8 once saw no
      // card within its 300 ms), and a run without work proves nothing.
      await eventually(() => acked.length > 0 && observers.some((o) => readCards(o.doc).length > 0), { timeoutMs: 20_000 });
      await new Promise((r) => setTimeout(r, rand() * 1200));
      server.child.kill('SIGKILL');
      await server.exited;
      stop = true;
      await Promise.allSettled(work);
      const seen = observers.map((o) => Y.encodeStateVector(o.doc));
      const seenCards = observers.map((o) => readCards(o.doc).length);
      for (const o of observers) o.destroy();
      for (const w of writers) {
        w.doc.destroy();
        w.socket.disconnect();
      }

      // The run did real work before the kill: votes were acknowledged, cards were broadcast.
      expect(acked.length, `run ${run}`).toBeGreaterThan(0);
      expect(Math.max(...seenCards), `run ${run}`).toBeGreaterThan(0);
      runStats.push(`run ${run}: ${acked.length} acked votes, ${Math.max(...seenCards)} cards seen`);

      // The database survived the crash intact.
      expect(await store.intact()).toBe(true);
      const ops = new Set((await store.rows<{ op_id: string }>('SELECT op_id FROM vote_ops')).map((r) => r.op_id));
      for (const opId of acked) expect(ops.has(opId), `acknowledged vote ${opId} (run ${run})`).toBe(true);

      server = await spawnServer(store.dataDir, { ...store.env, LOG_LEVEL: 'error' });
      const after = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });
      const restored = Y.encodeStateVector(after.doc);
      for (const [i, sv] of seen.entries()) {
        expect(stateVectorCovers(restored, sv), `observer ${i} saw updates the server lost (run ${run})`).toBe(true);
      }
      expect(readCards(after.doc).length).toBeGreaterThanOrEqual(Math.max(...seenCards));
      after.destroy();
      server.child.kill('SIGKILL');
      await server.exited;
    }
    process.stdout.write(`kill -9 durability: ${runStats.join('; ')}\n`);
    // Twenty server starts: on PostgreSQL under a loaded CI machine this took 223 s (session 8),
    // and timed out at 240 s in session 7 with no wrong result seen.
  }, 480_000);
});

describe('stopping cleanly', () => {
  it('on SIGTERM stops accepting, stores everything and exits 0 within 10 s', async () => {
    const store = await testStore();
    cleanup.push(() => store.remove());
    const server = await spawnServer(store.dataDir, store.env);
    cleanup.push(() => server.child.kill('SIGKILL'));
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const { token } = await join(server.url, workshop.joinCode);
    const client = await connectedDoc(server.wsUrl, workshop.id, { token });
    cleanup.push(() => client.destroy());
    for (let i = 0; i < 30; i++) addCard(client.doc, { kind: 'project', title: `Kaart ${i}` });
    const observer = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });
    cleanup.push(() => observer.destroy());
    await eventually(() => expect(readCards(observer.doc)).toHaveLength(30));

    const sent = Date.now();
    server.child.kill('SIGTERM');
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - sent).toBeLessThan(10_000);
    expect(server.output()).toContain('SIGTERM');

    // Stored and compacted: one snapshot, nothing left in the update log.
    const storage = await store.open();
    const stored = await storage.loadDoc(workshop.id);
    await storage.close();
    expect(stored.updates).toHaveLength(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    expect(readCards(doc)).toHaveLength(30);
  });
});
