/**
 * A worker process full of simulated phones: each a real socket.io-client and
 * a real y-websocket WebsocketProvider, joined through the public API (or, for
 * the reference server, a bare provider). Driven by the bench over IPC.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { io, type Socket } from 'socket.io-client';
import { addCard, cardsOf, moveCard } from '../shared/board';
import { PROTOCOL_VERSION, type AckResult, type TallyView } from '../shared/protocol';
import { watchCardX, whenCards } from './observe';
import { now } from './stats';

interface Phone {
  doc: Y.Doc;
  provider: WebsocketProvider;
  socket?: Socket;
  /** The join code (or reference room) this phone belongs to. */
  group: string;
}

export type Command =
  | { cmd: 'connect'; id: number; target: 'ours' | 'reference'; url: string; wsUrl: string; joins: { code: string; room?: string }[] }
  | { cmd: 'watch'; id: number; cards: Record<string, string> }
  | { cmd: 'move'; id: number; writers: { phone: number; cardId: string }[]; times: number; intervalMs: number; from?: number }
  | { cmd: 'cpu'; id: number }
  | { cmd: 'addCard'; id: number; phone: number; title: string }
  | { cmd: 'burst'; id: number; at: number; expected: number }
  | { cmd: 'vote'; id: number; barrierIds: string[]; votes: number; windowMs: number; expectedTotal: number }
  | { cmd: 'tallySeen'; id: number }
  | { cmd: 'close'; id: number };

const phones: Phone[] = [];
/** Every change of a watched card's x, with when this phone saw it. */
let seen: { phone: string; group: string; x: number; at: number }[] = [];
/** Phones that already observe their workshop's watched card (watching again only clears `seen`). */
const watching = new Set<Phone>();
let tallyTimes: number[] = [];
const reply = (id: number, data: unknown = {}) => process.send!({ id, data });

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

async function join(url: string, code: string): Promise<{ workshopId: string; token: string }> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: '' }),
    });
    if (res.ok) return (await res.json()) as { workshopId: string; token: string };
    if (attempt > 5) throw new Error(`join failed: ${res.status}`);
  }
}

async function handle(c: Command): Promise<void> {
  switch (c.cmd) {
    case 'connect': {
      const made = await Promise.all(
        c.joins.map(async ({ code, room }) => {
          const doc = new Y.Doc();
          if (c.target === 'reference') {
            const provider = new WebsocketProvider(c.wsUrl, room!, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
            provider.awareness.setLocalState(null);
            return { doc, provider, group: room! } as Phone;
          }
          const { workshopId, token } = await join(c.url, code);
          const provider = new WebsocketProvider(`${c.wsUrl}/yjs`, workshopId, doc, {
            params: { token },
            WebSocketPolyfill: WebSocket as never,
            disableBc: true,
          });
          provider.awareness.setLocalState(null);
          const socket = io(c.url, { auth: { protocolVersion: PROTOCOL_VERSION, workshopId, token }, transports: ['websocket'] });
          let sawReveal = false;
          socket.on('tally', (t: TallyView) => {
            // The first revealed tally this phone receives.
            if (t.revealed && t.total !== undefined && !sawReveal) {
              sawReveal = true;
              tallyTimes.push(now());
            }
          });
          return { doc, provider, socket, group: code } as Phone;
        }),
      );
      phones.push(...made);
      const ok = await until(() => made.every((p) => p.provider.synced && (!p.socket || p.socket.connected)), 120_000);
      reply(c.id, { ok, phones: phones.length });
      return;
    }
    case 'watch': {
      seen = [];
      phones.forEach((p, i) => {
        const cardId = c.cards[p.group];
        if (!cardId || watching.has(p)) return;
        watching.add(p);
        watchCardX(p.doc, cardId, (x, at) => seen.push({ phone: `${process.pid}:${i}`, group: p.group, x, at }));
      });
      reply(c.id);
      return;
    }
    case 'addCard': {
      const writer = phones[c.phone]!;
      const cardId = addCard(writer.doc, { kind: 'domain', title: c.title, x: 0.5, y: 0.5 });
      await until(() => phones.filter((p) => p.group === writer.group).every((p) => cardsOf(p.doc).has(cardId)), 30_000);
      reply(c.id, { cardId, group: writer.group, phone: `${process.pid}:${c.phone}` });
      return;
    }
    case 'move': {
      const sent: { group: string; x: number; at: number }[] = [];
      // Each writer on its own clock, starting at a random point of the interval: participants
      // do not move in step (lockstep writers would make every interval one burst).
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      await Promise.all(
        c.writers.map(async (w) => {
          if (c.writers.length > 1) await sleep(Math.random() * c.intervalMs);
          for (let i = 0; i < c.times; i++) {
            const x = ((c.from ?? 0) + i + 1) / 1000;
            sent.push({ group: phones[w.phone]!.group, x, at: now() });
            moveCard(phones[w.phone]!.doc, w.cardId, { x, y: 0.5 });
            await sleep(c.intervalMs);
          }
        }),
      );
      reply(c.id, { sent });
      return;
    }
    case 'cpu': {
      const { user, system } = process.cpuUsage();
      reply(c.id, { ms: (user + system) / 1000 });
      return;
    }
    case 'burst': {
      // Wake a little early and wait out the rest without yielding: once the other workers' cards
      // arrive, a timer due now would wait behind them, and this worker would add its cards
      // seconds late (measured: a whole worker's 75 cards reached the server 1.4 s late).
      const wait = c.at - 50 - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (now() < c.at);
      const cpu0 = process.cpuUsage();
      const done: number[] = [];
      // Told by each phone's own document when it holds every card: polling 300 phones every few
      // ms would itself eat a good part of a core and slow the very thing being measured.
      const converged = phones.map((p) => whenCards(p.doc, c.expected).then((at) => void done.push(at)));
      phones.forEach((p, i) => addCard(p.doc, { kind: 'project', title: `burst ${process.pid}-${i}` }));
      await Promise.race([Promise.all(converged), new Promise((r) => setTimeout(r, 60_000))]);
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      // What applying the whole converged board as one update costs a phone here (the least any
      // delivery can cost it): every phone of this worker applies it to a fresh document, with an
      // 'update' listener and an observer as a provider and the app have. Measured in a process
      // that holds as many boards as this one; garbage collection, on its own threads too, is part
      // of the cost. One board alone in a warm process applies in about a third of that. The
      // better of two passes.
      const state = Y.encodeStateAsUpdate(phones[0]!.doc);
      let applyMs = Infinity;
      for (let r = 0; r < 2; r++) {
        const fresh = phones.map(() => {
          const doc = new Y.Doc();
          doc.on('update', () => {});
          cardsOf(doc).observe(() => {});
          return doc;
        });
        // CPU time, not wall time: the other workers measure at the same moment on the same cores.
        const cpu = process.cpuUsage();
        for (const doc of fresh) Y.applyUpdate(doc, state);
        const used = process.cpuUsage(cpu);
        applyMs = Math.min(applyMs, (used.user + used.system) / 1000 / fresh.length);
        for (const doc of fresh) doc.destroy();
      }
      reply(c.id, { done, complete: phones.every((p) => cardsOf(p.doc).size >= c.expected), applyMs, cpuMs });
      return;
    }
    case 'vote': {
      tallyTimes = [];
      const acks: { ms: number; ok: boolean; code?: string }[] = [];
      await Promise.all(
        phones.map(async (p, i) => {
          for (let v = 0; v < c.votes; v++) {
            await new Promise((r) => setTimeout(r, Math.random() * (c.windowMs / c.votes)));
            const opId = `bench-${process.pid}-${i}-${v}`;
            const barrierId = c.barrierIds[(i + v) % c.barrierIds.length]!;
            const t0 = now();
            const res = (await p.socket!.timeout(10_000).emitWithAck('vote:cast', { opId, barrierId })) as AckResult<{ remaining: number }>;
            acks.push({ ms: now() - t0, ok: res.ok, code: res.ok ? undefined : res.error.code });
          }
        }),
      );
      reply(c.id, { acks });
      return;
    }
    case 'tallySeen': {
      await until(() => tallyTimes.length >= phones.length, 30_000);
      reply(c.id, { times: tallyTimes });
      return;
    }
    case 'close': {
      for (const p of phones) {
        p.provider.destroy();
        p.socket?.disconnect();
      }
      // Exit only once the (large) answer is through the IPC channel: exiting on a timer lost
      // it with 2,000 phones, and the run waited for ever.
      process.send!({ id: c.id, data: { seen } }, () => process.exit(0));
      return;
    }
  }
}

// Every y-websocket provider adds a process 'exit' listener; hundreds per worker are expected here.
process.setMaxListeners(0);

process.on('message', (c: Command) => {
  handle(c).catch((err: unknown) => process.send!({ id: c.id, error: String(err) }));
});
process.send!({ ready: true });
