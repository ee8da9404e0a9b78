import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCard, moveCard, readCards } from '../../shared/board';
import { CLOSE_CODES } from '../../shared/errors';
import type { WorkshopDetail } from '../../shared/protocol';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { ApiClient, createWorkshop, facilitatorClient, join } from '../helpers/api';
import { connectDoc, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, tempDataDir, type TestServer } from '../helpers/server';

let server: TestServer;
let api: ApiClient;
let workshop: WorkshopDetail;
const open: DocClient[] = [];

async function doc(opts: { token?: string; headers?: Record<string, string> }): Promise<DocClient> {
  const client = await connectedDoc(server.wsUrl, workshop.id, opts);
  open.push(client);
  return client;
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when it was accepted. */
function upgradeStatus(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(server.wsUrl + path, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

beforeEach(async () => {
  server = await startServer();
  api = await facilitatorClient(server.url);
  workshop = await createWorkshop(api);
});

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  await server.stop();
});

describe('Yjs endpoint', () => {
  it('syncs cards between participants within a blink', async () => {
    const a = await doc({ token: (await join(server.url, workshop.joinCode, 'A')).token });
    const b = await doc({ token: (await join(server.url, workshop.joinCode, 'B')).token });
    const id = addCard(a.doc, { kind: 'domain', title: 'Klimaatbeleid', x: 0.2, y: 0.3 });
    await eventually(() => expect(readCards(b.doc).map((c) => c.title)).toEqual(['Klimaatbeleid']));
    moveCard(b.doc, id, { x: 0.8, y: 0.9 });
    await eventually(() => expect(readCards(a.doc)[0]).toMatchObject({ pos: { x: 0.8, y: 0.9 } }));
  });

  it('lets the facilitator in by cookie with a same-site Origin only', async () => {
    const origin = server.url;
    const fac = await doc({ headers: { cookie: api.cookie, origin } });
    addCard(fac.doc, { kind: 'project', title: 'Bomen buitengebied' });
    const p = await doc({ token: (await join(server.url, workshop.joinCode)).token });
    await eventually(() => expect(readCards(p.doc)).toHaveLength(1));

    expect(await upgradeStatus(`/yjs/${workshop.id}`, { cookie: api.cookie, origin: 'https://evil.example' })).toBe(403);
    // A cookie without any Origin is not a browser we can trust to have checked it.
    expect(await upgradeStatus(`/yjs/${workshop.id}`, { cookie: api.cookie })).toBe(403);
  });

  it('refuses upgrades without a valid token, and a token for another workshop', async () => {
    const other = await createWorkshop(api, 'Andere werksessie');
    const otherToken = (await join(server.url, other.joinCode)).token;
    expect(await upgradeStatus(`/yjs/${workshop.id}`)).toBe(401);
    expect(await upgradeStatus(`/yjs/${workshop.id}?token=p.nonsense-token-that-is-long`)).toBe(401);
    expect(await upgradeStatus(`/yjs/${workshop.id}?token=${otherToken}`)).toBe(401);
    expect(await upgradeStatus(`/yjs/${workshop.id}?token=${other.screenToken}`)).toBe(401);
    expect(await upgradeStatus(`/yjs/${other.id}?token=${otherToken}`)).toBe(101);
    expect(await upgradeStatus(`/yjs/bad!id`)).toBe(404);
  });

  it('drops writes from the read-only shared screen', async () => {
    const p = await doc({ token: (await join(server.url, workshop.joinCode)).token });
    const screen = await doc({ token: workshop.screenToken });
    addCard(p.doc, { kind: 'domain', title: 'Gezien op het scherm' });
    await eventually(() => expect(readCards(screen.doc)).toHaveLength(1));

    addCard(screen.doc, { kind: 'domain', title: 'Mag niet' });
    const room = await server.app.registry.loaded(workshop.id);
    await eventually(() => expect(room?.droppedWrites).toBeGreaterThan(0));
    // A later write from a participant arrives; the screen's write never does.
    addCard(p.doc, { kind: 'project', title: 'Daarna' });
    await eventually(() => expect(readCards(room!.doc).map((c) => c.title)).toContain('Daarna'));
    const fresh = await doc({ token: (await join(server.url, workshop.joinCode)).token });
    expect(readCards(fresh.doc).map((c) => c.title).sort()).toEqual(['Daarna', 'Gezien op het scherm']);
  });

  it('keeps everything across a restart; clients reconnect and offline edits merge', async () => {
    const a = await doc({ token: (await join(server.url, workshop.joinCode, 'A')).token });
    const b = await doc({ token: (await join(server.url, workshop.joinCode, 'B')).token });
    const id = addCard(a.doc, { kind: 'domain', title: 'Wegbeheer', x: 0.1, y: 0.1 });
    await eventually(() => expect(readCards(b.doc)).toHaveLength(1));

    await server.app.close();
    await eventually(() => expect(a.provider.wsconnected || b.provider.wsconnected).toBe(false));
    // Both edit while the server is down.
    moveCard(a.doc, id, { x: 0.9, y: 0.2 });
    addCard(b.doc, { kind: 'project', title: 'Zorg in de kernen' });

    await server.restart();
    await eventually(
      () => {
        for (const c of [a, b]) {
          const cards = readCards(c.doc);
          expect(cards.map((x) => x.title).sort()).toEqual(['Wegbeheer', 'Zorg in de kernen']);
          expect(cards.find((x) => x.id === id)).toMatchObject({ pos: { x: 0.9, y: 0.2 } });
        }
      },
      { timeoutMs: 10_000 },
    );
    // And the server stored the merge: a brand-new client sees it too.
    const c = await doc({ token: (await join(server.url, workshop.joinCode, 'C')).token });
    expect(readCards(c.doc)).toHaveLength(2);
  });

  it('compacts stored updates into a snapshot that loads to the same board', async () => {
    await server.stop();
    server = await startServer({ yjs: { compactAfterUpdates: 20, idleUnloadMs: 50 } });
    api = await facilitatorClient(server.url);
    workshop = await createWorkshop(api);
    const a = await doc({ token: (await join(server.url, workshop.joinCode)).token });
    const id = addCard(a.doc, { kind: 'domain', title: 'Veel bewegingen' });
    for (let i = 0; i < 60; i++) {
      moveCard(a.doc, id, { x: i / 60, y: 0.5 });
      // Each move its own turn, so each is its own stored update.
      await eventually(() => server.app.registry.loaded(workshop.id).then((r) => r?.doc && readCards(r.doc)[0]?.pos?.x === i / 60));
    }
    const stored = await server.app.storage.loadDoc(workshop.id);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(20);

    a.destroy();
    open.splice(0);
    // Idle: the document unloads after being stored and compacted.
    await eventually(() => expect(server.app.registry.loadedCount).toBe(0));
    const after = await server.app.storage.loadDoc(workshop.id);
    expect(after.updates).toHaveLength(0);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, after.snapshot!);
    expect(readCards(replay)[0]).toMatchObject({ title: 'Veel bewegingen', pos: { x: 59 / 60, y: expect.any(Number) } });
  });

  it('answers phones that open the board from the stored snapshot, and never from a stale one', async () => {
    await server.stop();
    server = await startServer({ yjs: { idleUnloadMs: 50 } });
    api = await facilitatorClient(server.url);
    workshop = await createWorkshop(api);
    const writer = await doc({ token: (await join(server.url, workshop.joinCode, 'Schrijver')).token });
    const id = addCard(writer.doc, { kind: 'domain', title: 'Eerst' });
    await eventually(async () => expect((await server.app.storage.loadDoc(workshop.id)).updates.length).toBeGreaterThan(0));
    writer.destroy();
    open.splice(0);
    // Unloaded and compacted: the board is stored as one snapshot, which answers the next phones.
    await eventually(() => expect(server.app.registry.loadedCount).toBe(0));
    expect((await server.app.storage.loadDoc(workshop.id)).updates).toHaveLength(0);
    const phones = await Promise.all([1, 2, 3].map(async (n) => doc({ token: (await join(server.url, workshop.joinCode, `P${n}`)).token })));
    for (const p of phones) expect(readCards(p.doc).map((c) => c.title)).toEqual(['Eerst']);

    // A change: a phone that opens the board afterwards gets it in its first answer.
    moveCard(phones[0]!.doc, id, { x: 0.9, y: 0.1 });
    addCard(phones[0]!.doc, { kind: 'project', title: 'Daarna' });
    await eventually(() => expect(readCards(phones[1]!.doc)).toHaveLength(2));
    const late = await doc({ token: (await join(server.url, workshop.joinCode, 'Laat')).token });
    expect(readCards(late.doc).map((c) => [c.title, c.pos?.x])).toEqual([
      ['Eerst', 0.9],
      ['Daarna', undefined],
    ]);
    // And what unloading stores is the changed board, not the snapshot it started from.
    for (const c of open.splice(0)) c.destroy();
    await eventually(() => expect(server.app.registry.loadedCount).toBe(0));
    const stored = await server.app.storage.loadDoc(workshop.id);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, stored.snapshot!);
    for (const u of stored.updates) Y.applyUpdate(replay, u);
    expect(readCards(replay).map((c) => [c.title, c.pos?.x])).toEqual([
      ['Eerst', 0.9],
      ['Daarna', undefined],
    ]);
  });

  it('builds a board stored as one snapshot when something needs it, and greets a client that never asks', async () => {
    const writer = await doc({ token: (await join(server.url, workshop.joinCode, 'Schrijver')).token });
    addCard(writer.doc, { kind: 'project', title: 'Bewaard' });
    await eventually(async () => expect((await server.app.storage.loadDoc(workshop.id)).updates.length).toBeGreaterThan(0));
    writer.destroy();
    open.splice(0);
    await server.restart(); // stores and compacts on the way down: one snapshot
    expect((await server.app.storage.loadDoc(workshop.id)).updates).toHaveLength(0);

    // A bare client that says nothing: the room loads without building the document...
    const token = (await join(server.url, workshop.joinCode)).token;
    const ws = new WebSocket(`${server.wsUrl}/yjs/${workshop.id}?token=${token}`);
    const first = new Promise<Uint8Array>((resolve) => ws.once('message', (d: Buffer) => resolve(new Uint8Array(d))));
    await new Promise<void>((resolve) => ws.on('open', () => resolve()));
    const room = (await server.app.registry.loaded(workshop.id))!;
    // ...and still gets the server's sync step 1 (type 0, step 0) once the document is built.
    const greeting = await first;
    expect([greeting[0], greeting[1]]).toEqual([0, 0]);
    expect(room.isHydrated).toBe(true);
    ws.close();

    // Whoever reads the document of a room that is not built yet gets the stored board (a server
    // that would wait a minute before building it on its own, so nothing else builds it first).
    await server.app.close();
    server = await startServer({ dataDir: server.dataDir, yjs: { hydrateWithinMs: 60_000 } });
    const quiet = new WebSocket(`${server.wsUrl}/yjs/${workshop.id}?token=${(await join(server.url, workshop.joinCode)).token}`);
    await new Promise<void>((resolve) => quiet.on('open', () => resolve()));
    const fresh = (await server.app.registry.loaded(workshop.id))!;
    expect(fresh.isHydrated).toBe(false);
    expect(readCards(fresh.doc).map((c) => c.title)).toEqual(['Bewaard']);
    expect(fresh.isHydrated).toBe(true);
    quiet.close();
  });

  it('reports how long board broadcasts take on /healthz (times and counts only)', async () => {
    const before = (await (await fetch(`${server.url}/healthz`)).json()) as { boardBroadcasts: unknown };
    expect(before.boardBroadcasts).toBeNull();
    const a = await doc({ token: (await join(server.url, workshop.joinCode, 'A')).token });
    const b = await doc({ token: (await join(server.url, workshop.joinCode, 'B')).token });
    addCard(a.doc, { kind: 'domain', title: 'Gemeten' });
    await eventually(() => expect(readCards(b.doc)).toHaveLength(1));
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
      boardBroadcasts: { count: number; recent: number; p50Ms: number; p99Ms: number; maxMs: number };
    };
    expect(health.boardBroadcasts.count).toBeGreaterThanOrEqual(1);
    expect(health.boardBroadcasts.p50Ms).toBeGreaterThanOrEqual(0);
    expect(health.boardBroadcasts.p99Ms).toBeGreaterThanOrEqual(health.boardBroadcasts.p50Ms);
    expect(health.boardBroadcasts.maxMs).toBeGreaterThanOrEqual(health.boardBroadcasts.p99Ms);
  });

  it('closes a connection that sends garbage, and only that one', async () => {
    const token = (await join(server.url, workshop.joinCode)).token;
    const good = await doc({ token });
    const closes: number[] = [];
    const hostile = [
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      new Uint8Array([0, 2, 200, 1, 2, 3]), // sync update claiming 200 bytes, holding 3
      new Uint8Array([9]),
      new Uint8Array([0, 7]),
      // The 27-byte payload from yjs issue #687, sent as a sync update.
      (() => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, new Uint8Array([0, 0, 11, 176, 133, 128, 149, 31, 205, 190, 199, 196, 21, 7, 62, 101, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        return encoding.toUint8Array(e);
      })(),
    ];
    for (const frame of hostile) {
      const ws = new WebSocket(`${server.wsUrl}/yjs/${workshop.id}?token=${token}`);
      const greeted = new Promise((r) => ws.once('message', r)); // the server's sync step 1
      await new Promise<void>((resolve) => ws.on('open', () => resolve()));
      await greeted;
      const outcome = new Promise<number>((resolve) => {
        ws.once('close', (code) => resolve(code));
        ws.once('message', () => resolve(0)); // answered: still open
      });
      ws.send(frame);
      ws.send(new Uint8Array([3])); // handled after the frame: an answer means it was let through
      closes.push(await outcome);
      ws.terminate();
    }
    expect(closes).toEqual(hostile.map(() => CLOSE_CODES.BAD_MESSAGE));

    // The well-behaved client never noticed.
    addCard(good.doc, { kind: 'domain', title: 'Nog steeds goed' });
    const check = await doc({ token });
    await eventually(() => expect(readCards(check.doc).map((c) => c.title)).toContain('Nog steeds goed'));
    expect(good.provider.wsconnected).toBe(true);
  });

  it('closes a connection that sends a frame over the size cap', async () => {
    await server.stop();
    server = await startServer({ yjs: { maxFrameBytes: 16 * 1024 } });
    api = await facilitatorClient(server.url);
    workshop = await createWorkshop(api);
    const token = (await join(server.url, workshop.joinCode)).token;
    const ws = new WebSocket(`${server.wsUrl}/yjs/${workshop.id}?token=${token}`);
    await new Promise<void>((resolve) => ws.on('open', () => resolve()));
    const code = new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    ws.send(new Uint8Array(64 * 1024));
    expect(await code).toBe(1009);
  });
});

describe('storage', () => {
  it('loads the board before the first client syncs (no empty first sync)', async () => {
    const a = await doc({ token: (await join(server.url, workshop.joinCode)).token });
    addCard(a.doc, { kind: 'domain', title: 'Er al' });
    await eventually(async () => expect((await server.app.storage.loadDoc(workshop.id)).updates.length).toBeGreaterThan(0));
    await server.restart();
    // The very first message a fresh client receives already holds the card.
    const fresh = connectDoc(server.wsUrl, workshop.id, { token: (await join(server.url, workshop.joinCode)).token });
    open.push(fresh);
    await eventually(() => fresh.provider.synced);
    expect(readCards(fresh.doc).map((c) => c.title)).toEqual(['Er al']);
  });

  it('keeps storing and broadcasting after a compaction failed', async () => {
    await server.stop();
    server = await startServer({ yjs: { compactAfterUpdates: 3 } });
    api = await facilitatorClient(server.url);
    workshop = await createWorkshop(api);
    // A full disk, say: the one failure this test cannot make for real. The updates stay stored.
    const failing = vi.spyOn(server.app.storage, 'compactDoc').mockRejectedValueOnce(new Error('disk full'));
    const writer = await doc({ token: (await join(server.url, workshop.joinCode, 'Schrijver')).token });
    const reader = await doc({ token: (await join(server.url, workshop.joinCode, 'Lezer')).token });
    const id = addCard(writer.doc, { kind: 'domain', title: 'Door', x: 0.1, y: 0.5 });
    for (let i = 1; i <= 8; i++) {
      moveCard(writer.doc, id, { x: i / 10, y: 0.5 });
      await eventually(() => expect(readCards(reader.doc)[0]?.pos?.x).toBe(i / 10));
    }
    expect(failing).toHaveBeenCalled();
    // The next compaction succeeded, and a phone opening the board now sees the last move.
    await eventually(async () => expect((await server.app.storage.loadDoc(workshop.id)).snapshot).not.toBeNull());
    const late = await doc({ token: (await join(server.url, workshop.joinCode, 'Laat')).token });
    expect(readCards(late.doc)[0]?.pos?.x).toBe(0.8);
  });

  it('opens an existing database and migrates it idempotently', async () => {
    const dir = tempDataDir();
    const s1 = openSqliteStorage(dir);
    await s1.setMeta('k', 'v');
    await s1.close();
    const s2 = openSqliteStorage(dir);
    expect(await s2.getMeta('k')).toBe('v');
    expect(s2.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await s2.close();
  });
});

describe('compaction on load', () => {
  it('compacts a long stored tail when the board is loaded', async () => {
    const storage = server.app.storage;
    const history = new Y.Doc();
    const updates: Uint8Array[] = [];
    history.on('update', (u: Uint8Array) => updates.push(u));
    const id = addCard(history, { kind: 'domain', title: 'Oud' });
    for (let i = 0; i < 600; i++) moveCard(history, id, { x: i / 600, y: 0.5 });
    await storage.appendUpdates(workshop.id, updates);
    const reader = await doc({ token: (await join(server.url, workshop.joinCode)).token });
    expect(readCards(reader.doc)[0]).toMatchObject({ title: 'Oud', pos: { x: 599 / 600, y: expect.any(Number) } });
    // Compacted right after the load was served.
    await eventually(async () => {
      const stored = await storage.loadDoc(workshop.id);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates).toHaveLength(0);
    });
  });
});

describe('compaction when the board is quiet', () => {
  const QUIET_MS = 2500;

  it('stores a connected board as one snapshot after a quiet spell, and not while it changes', async () => {
    await server.stop();
    server = await startServer({ yjs: { compactWhenQuietMs: QUIET_MS } });
    api = await facilitatorClient(server.url);
    workshop = await createWorkshop(api);
    const storage = server.app.storage;
    const writer = await doc({ token: (await join(server.url, workshop.joinCode, 'Schrijver')).token });
    const room = (await server.app.registry.loaded(workshop.id))!;
    const stored = async (x: number) => {
      await eventually(() => expect(readCards(room.doc)[0]?.pos?.x).toBe(x));
      await room.flushed();
      return (await storage.loadDoc(workshop.id)).updates.length;
    };
    const id = addCard(writer.doc, { kind: 'domain', title: 'Stil', x: 0.01, y: 0.5 });
    const first = await stored(0.01);
    expect(first).toBeGreaterThan(0);

    // Moves one after another for longer than the quiet spell: every move adds to the tail.
    let moves = 0;
    const until = Date.now() + QUIET_MS * 1.6;
    while (Date.now() < until) {
      moves++;
      moveCard(writer.doc, id, { x: 0.01 + moves / 1000, y: 0.5 });
      expect(await stored(0.01 + moves / 1000)).toBe(first + moves);
    }

    // Then quiet, with the writer still connected: one snapshot, holding the last move.
    await eventually(async () => expect((await storage.loadDoc(workshop.id)).updates).toHaveLength(0), {
      timeoutMs: QUIET_MS + 10_000,
    });
    expect(server.app.registry.loadedCount).toBe(1);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, (await storage.loadDoc(workshop.id)).snapshot!);
    expect(readCards(replay)[0]).toMatchObject({ title: 'Stil', pos: { x: 0.01 + moves / 1000, y: expect.any(Number) } });

    // The board goes on as before: the next move is stored after the snapshot and reaches a new phone.
    moveCard(writer.doc, id, { x: 0.9, y: 0.5 });
    expect(await stored(0.9)).toBe(1);
    const phone = await doc({ token: (await join(server.url, workshop.joinCode, 'Later')).token });
    expect(readCards(phone.doc)[0]).toMatchObject({ title: 'Stil', pos: { x: 0.9, y: expect.any(Number) } });
  });
});
