import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WorkshopDetail } from '../../shared/protocol';
import { KEEP_ALIVE_MESSAGE } from '../../server/yjs/keepAlive';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

/**
 * A phone on a quiet board: the stock y-websocket client (awareness off, as the phone has it)
 * closes a socket that received nothing for 30 s. The server's keep-alive must keep it open.
 * Real time, the client's real 30 s timeout.
 */
interface Watched {
  client: DocClient;
  disconnects: number;
  closes: number;
}

async function idlePhone(server: TestServer, workshop: WorkshopDetail): Promise<Watched> {
  const { token } = await join(server.url, workshop.joinCode, 'Stille telefoon');
  const client = await connectedDoc(server.wsUrl, workshop.id, { token });
  client.provider.awareness.setLocalState(null);
  const watched: Watched = { client, disconnects: 0, closes: 0 };
  client.provider.on('status', (e: { status: string }) => {
    if (e.status === 'disconnected') watched.disconnects++;
  });
  client.provider.on('connection-close', () => watched.closes++);
  return watched;
}

/** The observation itself is the test: nothing may happen for this long. */
const observe = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('keep-alive on idle board connections', () => {
  let server: TestServer;
  let silent: TestServer;
  let workshop: WorkshopDetail;
  let silentWorkshop: WorkshopDetail;

  beforeAll(async () => {
    server = await startServer();
    silent = await startServer({ yjs: { keepAliveMs: 0 } });
    workshop = await createWorkshop(await facilitatorClient(server.url));
    silentWorkshop = await createWorkshop(await facilitatorClient(silent.url));
  });
  afterAll(async () => {
    await server.stop();
    await silent.stop();
  });

  it.concurrent(
    'a stock provider on an idle board stays connected for 2 minutes (not one disconnect)',
    async () => {
      const phone = await idlePhone(server, workshop);
      const socketBefore = phone.client.provider.ws;
      await observe(120_000);
      expect(phone.disconnects).toBe(0);
      expect(phone.closes).toBe(0);
      expect(phone.client.provider.ws).toBe(socketBefore);
      expect(phone.client.provider.wsconnected).toBe(true);
      expect(server.app.yjs.connections()).toHaveLength(1);
      phone.client.destroy();
    },
    150_000,
  );

  it.concurrent(
    'without the keep-alive the same provider drops its connection within 30 s (what the test guards against)',
    async () => {
      const phone = await idlePhone(silent, silentWorkshop);
      await eventually(() => phone.disconnects >= 1, { timeoutMs: 40_000, intervalMs: 200 });
      phone.client.destroy();
    },
    60_000,
  );

  it('sends a connection that was sent nothing the 3-byte empty awareness update, that the stock client applies without answering or changing anything', async () => {
    const fast = await startServer({ yjs: { keepAliveMs: 100 } });
    try {
      const w = await createWorkshop(await facilitatorClient(fast.url));
      const { token } = await join(fast.url, w.joinCode, 'Ruwe socket');
      const ws = new WebSocket(`${fast.wsUrl}/yjs/${w.id}?token=${token}`);
      const frames: Buffer[] = [];
      ws.on('message', (data: Buffer) => frames.push(data));
      await new Promise((r) => ws.once('open', r));
      // The server greets with its sync step 1; after that the line is quiet.
      await eventually(() => frames.some((f) => f.equals(Buffer.from(KEEP_ALIVE_MESSAGE))), { timeoutMs: 3_000 });
      expect([...KEEP_ALIVE_MESSAGE]).toEqual([1, 1, 0]);
      const keepAlives = frames.filter((f) => f.equals(Buffer.from(KEEP_ALIVE_MESSAGE)));
      expect(keepAlives.length).toBeGreaterThan(0);

      // A stock provider applies it without answering and without any document or presence change.
      const phone = await idlePhone(fast, w);
      let changes = 0;
      phone.client.doc.on('update', () => changes++);
      phone.client.provider.awareness.on('change', () => changes++);
      const sent: Uint8Array[] = [];
      const socket = phone.client.provider.ws!;
      const originalSend = socket.send.bind(socket);
      socket.send = ((data: Uint8Array) => {
        sent.push(data);
        originalSend(data as Uint8Array<ArrayBuffer>);
      }) as typeof socket.send;
      const before = phone.client.provider.wsLastMessageReceived;
      await eventually(() => phone.client.provider.wsLastMessageReceived > before, { timeoutMs: 3_000 });
      expect(changes).toBe(0);
      expect(sent).toHaveLength(0);
      phone.client.destroy();
      ws.close();
    } finally {
      await fast.stop();
    }
  });
});
