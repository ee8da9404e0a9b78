import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCard, moveCard, readCards } from '../../shared/board';
import type { WorkshopDetail } from '../../shared/protocol';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

/**
 * How a board's broadcasts are coalesced (server/yjs/docRoom.ts). The windows are far longer
 * than in production, so that "waited for the window" and "went out at once" are seconds apart
 * and the assertions hold on a loaded machine.
 */
const WINDOW_MS = 1500;

let server: TestServer;
let workshop: WorkshopDetail;
const open: DocClient[] = [];

async function participant(name: string): Promise<DocClient> {
  const { token } = await join(server.url, workshop.joinCode, name);
  const client = await connectedDoc(server.wsUrl, workshop.id, { token });
  open.push(client);
  return client;
}

/** The shared screen, read-only: counts the broadcasts it receives (one transaction each). */
async function screen(): Promise<DocClient & { messages: () => number }> {
  const client = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });
  open.push(client);
  let messages = 0;
  client.doc.on('update', () => messages++);
  return Object.assign(client, { messages: () => messages });
}

const xOf = (client: DocClient, id: string) => readCards(client.doc).find((c) => c.id === id)?.pos?.x;

beforeEach(async () => {
  server = await startServer({ yjs: { batchWindowMs: WINDOW_MS, burstWindowMs: WINDOW_MS } });
  workshop = await createWorkshop(await facilitatorClient(server.url));
});

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  await server.stop();
});

describe('coalescing broadcasts', () => {
  it('sends a lone writer’s updates at once: a drag is not held back by the window', async () => {
    const writer = await participant('Sleper');
    const watcher = await screen();
    const id = addCard(writer.doc, { kind: 'domain', title: 'Versleept', x: 0.1, y: 0.5 });
    await eventually(() => expect(xOf(watcher, id)).toBe(0.1));

    const started = Date.now();
    for (let i = 2; i <= 6; i++) {
      moveCard(writer.doc, id, { x: i / 10, y: 0.5 });
      await eventually(() => expect(xOf(watcher, id)).toBe(i / 10));
    }
    // Held back by the window, five moves would take at least 5 × 1.5 s.
    expect(Date.now() - started).toBeLessThan(WINDOW_MS);
  });

  it('holds a second writer’s update until the window has passed', async () => {
    const first = await participant('Eerste');
    const second = await participant('Tweede');
    const watcher = await screen();
    const id = addCard(first.doc, { kind: 'domain', title: 'Samen', x: 0.1, y: 0.5 });
    await eventually(() => expect(readCards(second.doc)).toHaveLength(1));

    moveCard(first.doc, id, { x: 0.2, y: 0.5 });
    await eventually(() => expect(xOf(watcher, id)).toBe(0.2));
    const started = Date.now();
    moveCard(second.doc, id, { x: 0.3, y: 0.5 });
    await eventually(() => expect(xOf(watcher, id)).toBe(0.3), { timeoutMs: 10_000 });
    // The room writes together: the next broadcast waits until the window after the last one.
    expect(Date.now() - started).toBeGreaterThanOrEqual(WINDOW_MS - 500);
  });

  it('merges a room adding cards at once into a few broadcasts, and every card arrives', async () => {
    const writers = await Promise.all(Array.from({ length: 12 }, (_, i) => participant(`P${i}`)));
    const watcher = await screen();
    const before = watcher.messages();
    writers.forEach((w, i) => addCard(w.doc, { kind: 'project', title: `Kaart ${i}` }));
    await eventually(() => expect(readCards(watcher.doc)).toHaveLength(12), { timeoutMs: 10_000 });
    // One broadcast at once, then the rest merged after the window (12 without coalescing).
    expect(watcher.messages() - before).toBeLessThanOrEqual(3);
    for (const w of writers) await eventually(() => expect(readCards(w.doc)).toHaveLength(12), { timeoutMs: 10_000 });
  });

  it('does not hold a writer back because a phone just opened the board', async () => {
    const writer = await participant('Schrijver');
    const watcher = await screen();
    // A phone opens the board: the server answers its sync, and nothing has been broadcast yet.
    await participant('Nieuw');
    const started = Date.now();
    const id = addCard(writer.doc, { kind: 'domain', title: 'Meteen', x: 0.4, y: 0.5 });
    await eventually(() => expect(xOf(watcher, id)).toBe(0.4), { timeoutMs: 10_000 });
    // Answering a sync broadcasts nothing: the window counts from the last broadcast.
    expect(Date.now() - started).toBeLessThan(WINDOW_MS - 500);
  });
});
