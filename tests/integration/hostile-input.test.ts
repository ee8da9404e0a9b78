import { monitorEventLoopDelay } from 'node:perf_hooks';
import fc from 'fast-check';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/board';
import { CLOSE_CODES } from '../../shared/errors';
import { EVENT_ROLES, type AckResult } from '../../shared/protocol';
import { clientEvents } from '../../shared/schemas';
import { createLogger, type Logger } from '../../server/logger';
import { ApiClient, FACILITATOR, createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Loose limits so a fuzz run is not just a rate-limit test. */
const FUZZ_LIMITS = {
  socketIo: { eventsPerSecond: 100_000, eventBurst: 100_000, maxMessageBytes: 64 * 1024 },
  yjs: { messagesPerSecond: 100_000, messageBurst: 100_000 },
};

describe('join-code guessing', () => {
  it('1,000 guesses from one address find nothing; the limiter answers 429 after 10 failures', async () => {
    server = await startServer();
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const guesser = new ApiClient(server.url);
    const counts = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      let code = String(30_000_000 + i * 7919).padStart(8, '0');
      if (code === workshop.joinCode) code = '99999999';
      const status = (await guesser.post('/api/join', { code, name: '' })).status;
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    expect(counts.get(200) ?? 0).toBe(0);
    expect(counts.get(404)).toBe(10);
    expect(counts.get(429)).toBe(990);
  });

  it('lets 300 valid joins from one address through within a minute (a venue behind one NAT)', async () => {
    server = await startServer();
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => new ApiClient(server!.url).post('/api/join', { code: workshop.joinCode, name: `Deelnemer ${i}` })),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('hostile socket events (fast-check)', () => {
  it('answers 10,000+ malformed payloads with an error ack or a disconnect; the server and another workshop carry on', async () => {
    server = await startServer(FUZZ_LIMITS);
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const other = await createWorkshop(api, 'Andere werksessie');
    const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    await fac.state;
    const participant = connectControl(server.url, workshop.id, { token: (await join(server.url, workshop.joinCode)).token });
    await participant.state;

    const hostile = fc.oneof(
      fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true, withBigInt: false }),
      fc.constantFrom(null, undefined, 0, -1, '', [], {}, 'x'.repeat(50_000)),
      fc.record({ __proto__: fc.anything(), constructor: fc.anything() }),
      fc.dictionary(fc.string(), fc.oneof(fc.string({ maxLength: 2000 }), fc.integer(), fc.constant(null))),
      // Deep nesting (a chain, not a tree: a shared subtree would be exponential to send).
      fc.nat(500).map((depth) => {
        let v: unknown = 'deep';
        for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
        return v;
      }),
    );
    const events = Object.keys(clientEvents);
    let answered = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), fc.array(hostile, { minLength: 25, maxLength: 25 }), async (event, payloads) => {
        const socket = EVENT_ROLES[event as keyof typeof EVENT_ROLES].includes('participant') ? participant.socket : fac.socket;
        const results = await Promise.all(
          payloads.map((p) =>
            ask<AckResult<unknown>>(socket, event, p, 5_000).then(
              (res) => res,
              () => 'no-answer' as const,
            ),
          ),
        );
        for (const res of results) {
          total++;
          if (res === 'no-answer') {
            // Only acceptable when the server cut the connection (e.g. a message over the size cap).
            expect(socket.connected).toBe(false);
            socket.connect();
            await eventually(() => socket.connected);
          } else {
            answered++;
            expect(typeof res.ok).toBe('boolean');
            if (!res.ok) expect(res.error.code).toMatch(/^[A-Z_]+$/);
          }
        }
      }),
      { numRuns: 420, seed: 20261127 },
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(answered).toBeGreaterThan(total * 0.9);

    // The process is up, and another workshop works normally.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const { token } = await join(server.url, other.joinCode, 'Gewoon');
    const a = await connectedDoc(server.wsUrl, other.id, { token });
    const b = await connectedDoc(server.wsUrl, other.id, { token });
    addCard(a.doc, { kind: 'domain', title: 'Gaat gewoon door' });
    await eventually(() => expect(readCards(b.doc)).toHaveLength(1));
    a.destroy();
    b.destroy();
    fac.socket.disconnect();
    participant.socket.disconnect();
  }, 120_000);

  it('refuses a socket that floods events with RATE_LIMITED', async () => {
    server = await startServer({ socketIo: { eventsPerSecond: 5, eventBurst: 10, maxMessageBytes: 64 * 1024 } });
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const p = connectControl(server.url, workshop.id, { token: (await join(server.url, workshop.joinCode)).token });
    await p.state;
    const answers = await Promise.all(Array.from({ length: 30 }, () => ask<AckResult<unknown>>(p.socket, 'sync:request', {})));
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(15);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(10);
    p.socket.disconnect();
  });
});

describe('hostile board frames', () => {
  function syncFrame(bytes: number[]): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, new Uint8Array(bytes));
    return encoding.toUint8Array(e);
  }

  it('disconnects senders of bad frames, never blocks the event loop over 200 ms, and others carry on', async () => {
    server = await startServer({ ...FUZZ_LIMITS, yjs: { ...FUZZ_LIMITS.yjs, maxFrameBytes: 64 * 1024 } });
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const { token } = await join(server.url, workshop.joinCode);
    const good = await connectedDoc(server.wsUrl, workshop.id, { token });
    const watcher = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const send = async (frame: Uint8Array): Promise<number | 'open'> => {
      const ws = new WebSocket(`${server!.wsUrl}/yjs/${workshop.id}?token=${token}`);
      // The server greets with its sync step 1; after that, any answer means "still open".
      const greeted = new Promise((r) => ws.once('message', r));
      await new Promise<void>((resolve, reject) => {
        ws.on('open', () => resolve());
        ws.on('error', reject);
      });
      await greeted;
      const outcome = new Promise<number | 'open'>((resolve) => {
        ws.once('close', (code) => resolve(code));
        ws.once('message', () => resolve('open'));
      });
      ws.send(frame);
      // Frames are handled in order: either the hostile one closed the connection, or this
      // awareness query is answered and the connection is known to be open. No fixed wait.
      ws.send(new Uint8Array([3]));
      const code = await outcome;
      ws.terminate();
      return code;
    };

    const crafted: [string, Uint8Array, number][] = [
      ['unknown message type', new Uint8Array([7, 1, 2]), CLOSE_CODES.BAD_MESSAGE],
      ['truncated sync update', new Uint8Array([0, 2, 120, 1, 2, 3]), CLOSE_CODES.BAD_MESSAGE],
      ['truncated varint', new Uint8Array([0xff, 0xff, 0xff]), CLOSE_CODES.BAD_MESSAGE],
      ['yjs #687 payload', syncFrame([0, 0, 11, 176, 133, 128, 149, 31, 205, 190, 199, 196, 21, 7, 62, 101, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), CLOSE_CODES.BAD_MESSAGE],
      ['over the size cap', new Uint8Array(200 * 1024), 1009],
      ['awareness too large', (() => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, new Uint8Array(10 * 1024));
        return encoding.toUint8Array(e);
      })(), CLOSE_CODES.BAD_MESSAGE],
    ];
    for (const [name, frame, expected] of crafted) expect(await send(frame), name).toBe(expected);

    // Random bytes and random garbage inside a well-formed envelope.
    let closed = 0;
    const samples = fc.sample(
      fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => syncFrame([...b]))),
      { numRuns: 150, seed: 42 },
    );
    for (const frame of samples) if ((await send(frame)) !== 'open') closed++;
    expect(closed).toBeGreaterThan(samples.length * 0.8);

    loop.disable();
    expect(loop.max / 1e6).toBeLessThan(200);
    // The well-behaved clients never noticed.
    addCard(good.doc, { kind: 'domain', title: 'Na de aanval' });
    await eventually(() => expect(readCards(watcher.doc).map((c) => c.title)).toContain('Na de aanval'));
    expect(good.provider.wsconnected).toBe(true);
    good.destroy();
    watcher.destroy();
  }, 60_000);

  it('closes a board connection that floods messages', async () => {
    server = await startServer({ yjs: { messagesPerSecond: 10, messageBurst: 20 } });
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const { token } = await join(server.url, workshop.joinCode);
    const ws = new WebSocket(`${server.wsUrl}/yjs/${workshop.id}?token=${token}`);
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    for (let i = 0; i < 100; i++) ws.send(new Uint8Array([3])); // query awareness: harmless, but many
    expect(await closed).toBe(CLOSE_CODES.RATE_LIMITED);
  });
});

describe('secrets and headers', () => {
  it('never writes tokens, passwords or cookies to the log', async () => {
    const lines: string[] = [];
    const base = createLogger('silent');
    const capture: Logger = {
      info: (m, f) => lines.push(m + JSON.stringify(f ?? {})),
      error: (m, e) => lines.push(m + String(e instanceof Error ? e.stack : e)),
    };
    void base;
    const { createRegiebord } = await import('../../server/app');
    const { tempDataDir } = await import('../helpers/server');
    const app = await createRegiebord({ host: '127.0.0.1', port: 0, dataDir: tempDataDir(), scryptCost: 1024 }, capture);
    const port = await app.listen();
    const url = `http://127.0.0.1:${port}`;
    try {
      const api = await facilitatorClient(url);
      const workshop = await createWorkshop(api);
      const joined = await join(url, workshop.joinCode, 'Geheim');
      const c = connectControl(url, workshop.id, { token: joined.token });
      await c.state;
      await ask(c.socket, 'vote:cast', { opId: 'secret-op-id-1', barrierId: 'zzzzzzzzzzzzzzzz' });
      const d = await connectedDoc(`ws://127.0.0.1:${port}`, workshop.id, { token: joined.token });
      await new ApiClient(url).post('/api/login', { email: FACILITATOR.email, password: 'wrong-password' });
      await fetch(`${url}/api/workshops/${workshop.id}?token=${joined.token}`);
      d.destroy();
      c.socket.disconnect();
      const secrets = [joined.token, workshop.screenToken, FACILITATOR.password, api.cookie.split('=')[1]!];
      for (const line of lines) for (const secret of secrets) expect(line).not.toContain(secret);
    } finally {
      await app.close();
    }
  });

  it('marks cookies Secure and sends HSTS behind an HTTPS reverse proxy', async () => {
    server = await startServer({ trustProxy: true });
    const res = await new ApiClient(server.url, { 'x-forwarded-proto': 'https' }).post('/api/setup', FACILITATOR);
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    const plain = await new ApiClient(server.url).post('/api/login', { email: FACILITATOR.email, password: FACILITATOR.password });
    expect(plain.headers.getSetCookie()[0]).not.toMatch(/Secure/);
  });
});
