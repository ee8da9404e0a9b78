/**
 * Soak (issue 5, item 12): 100 clients for 5 minutes against a server in its own
 * process; prints the server's memory over time and the growth per minute, and
 * checks that connections and loaded boards return to zero when everyone leaves.
 *
 *   npm run bench:soak                 (5 minutes, 100 clients)
 *   SOAK_MINUTES=1 npm run bench:soak  (shorter)
 *
 * Loopback only; every loop is bounded in time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addCard, cardsOf, moveCard } from '../shared/board';
import { ask, connectControl, connectDoc, type DocClient } from '../tests/helpers/clients';
import { createWorkshop, facilitatorClient, join } from '../tests/helpers/api';
import WebSocket from 'ws';
import { spawnServer } from '../tests/helpers/process';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 100);
const WORKSHOPS = 5;
const SAMPLE_MS = 10_000;

/**
 * The server's heap after a full garbage collection, through the inspector
 * protocol: RSS alone cannot tell a leak from garbage V8 has not collected yet.
 */
async function inspector(output: () => string) {
  const deadline = Date.now() + 10_000;
  let url: string | undefined;
  while (!url && Date.now() < deadline) {
    url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(output())?.[0];
    if (!url) await new Promise((r) => setTimeout(r, 50));
  }
  if (!url) throw new Error('no inspector address');
  const ws = new WebSocket(url);
  await new Promise((r) => ws.once('open', r));
  let next = 1;
  const call = (method: string, params: object = {}) =>
    new Promise<{ result?: { result?: { value?: string } } }>((resolve) => {
      const id = next++;
      const onMessage = (data: WebSocket.RawData) => {
        const msg = JSON.parse(data.toString()) as { id?: number };
        if (msg.id === id) {
          ws.off('message', onMessage);
          resolve(msg as { result?: { result?: { value?: string } } });
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    async heapAfterGcMb(): Promise<number> {
      await call('HeapProfiler.collectGarbage');
      const res = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      return (JSON.parse(res.result!.result!.value!) as { heapUsed: number }).heapUsed / 2 ** 20;
    },
    close: () => ws.close(),
  };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Least-squares slope of (minutes, MB): growth in MB per minute. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-soak-'));
const server = await spawnServer(dataDir, { LOG_LEVEL: 'error' }, ['--inspect=127.0.0.1:0']);
const pid = server.child.pid!;
const probe = await inspector(server.output);
const api = await facilitatorClient(server.url);
const workshops = await Promise.all(Array.from({ length: WORKSHOPS }, (_, i) => createWorkshop(api, `Soak ${i}`)));

interface SoakClient {
  doc: DocClient;
  socket: ReturnType<typeof connectControl>['socket'];
  workshopIndex: number;
  token: string;
}
const clients: SoakClient[] = [];
for (let i = 0; i < CLIENTS; i++) {
  const w = workshops[i % WORKSHOPS]!;
  const { token } = await join(server.url, w.joinCode, `Soak ${i}`);
  const c = connectControl(server.url, w.id, { token });
  clients.push({ doc: connectDoc(server.wsUrl, w.id, { token }), socket: c.socket, workshopIndex: i % WORKSHOPS, token });
}

const start = Date.now();
const end = start + MINUTES * 60_000;
const samples: [number, number][] = [];
const heap: [number, number][] = [];
let ops = 0;
let reconnects = 0;
console.log(`soak: ${CLIENTS} clients on ${WORKSHOPS} workshops for ${MINUTES} min; server pid ${pid}`);
const sampler = setInterval(() => {
  void (async () => {
    const minutes = (Date.now() - start) / 60_000;
    const mb = rssMb(pid);
    const heapMb = await probe.heapAfterGcMb();
    samples.push([minutes, mb]);
    heap.push([minutes, heapMb]);
    console.log(`  t=${minutes.toFixed(1)} min  rss=${mb.toFixed(1)} MB  heap after GC=${heapMb.toFixed(1)} MB  ops=${ops}  reconnects=${reconnects}`);
  })();
}, SAMPLE_MS);

// Each client acts every 1–3 s; now and then one drops and comes back (churn finds leaks).
await Promise.all(
  clients.map(async (c, i) => {
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
      if (Date.now() >= end) break;
      const ids = [...cardsOf(c.doc.doc).keys()];
      if (ids.length < 30 && Math.random() < 0.3) addCard(c.doc.doc, { kind: 'project', title: `s${i}-${ops}` });
      else if (ids.length) moveCard(c.doc.doc, ids[Math.floor(Math.random() * ids.length)]!, { x: Math.random(), y: Math.random() });
      if (Math.random() < 0.1) await ask(c.socket, 'sync:request', {}).catch(() => undefined);
      if (Math.random() < 0.02) {
        c.doc.provider.disconnect();
        c.socket.disconnect();
        c.doc.provider.connect();
        c.socket.connect();
        reconnects++;
      }
      ops++;
    }
  }),
);
clearInterval(sampler);

for (const c of clients) {
  c.doc.destroy();
  c.socket.disconnect();
}
// Everyone left: connections close at once, boards unload 30 s after their last connection.
let health: { boardsLoaded: number; boardConnections: number; controlConnections: number } = {
  boardsLoaded: -1,
  boardConnections: -1,
  controlConnections: -1,
};
const deadline = Date.now() + 60_000;
while (Date.now() < deadline) {
  health = (await (await fetch(`${server.url}/healthz`)).json()) as typeof health;
  if (health.boardsLoaded === 0 && health.boardConnections === 0 && health.controlConnections === 0) break;
  await new Promise((r) => setTimeout(r, 1000));
}
const afterWarmUp = (list: [number, number][]) => {
  const steady = list.filter(([m]) => m >= Math.min(1, MINUTES / 3));
  return steady.length >= 2 ? steady : list;
};
const rssGrowth = slope(afterWarmUp(samples));
const growth = slope(afterWarmUp(heap));
const heapAfterLeaving = await probe.heapAfterGcMb();
probe.close();
console.log('\n| figure | value | target |');
console.log('|---|---|---|');
console.log(`| clients × minutes | ${CLIENTS} × ${MINUTES} | 100 × 5 |`);
console.log(`| operations | ${ops} (${reconnects} reconnects) | — |`);
console.log(`| server RSS first → last | ${samples[0]?.[1].toFixed(1)} → ${samples.at(-1)?.[1].toFixed(1)} MB | — |`);
console.log(`| heap after GC, first → last → after everyone left | ${heap[0]?.[1].toFixed(1)} → ${heap.at(-1)?.[1].toFixed(1)} → ${heapAfterLeaving.toFixed(1)} MB | — |`);
console.log(`| memory growth after warm-up (heap after GC) | ${growth.toFixed(2)} MB/min | < 1 MB/min |`);
console.log(`| RSS growth after warm-up (includes uncollected garbage) | ${rssGrowth.toFixed(2)} MB/min | — |`);
console.log(`| after everyone left | ${health.controlConnections} sockets, ${health.boardConnections} board connections, ${health.boardsLoaded} boards loaded | 0, 0, 0 |`);
server.child.kill('SIGTERM');
await server.exited;
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(growth < 1 && health.boardsLoaded === 0 && health.boardConnections === 0 && health.controlConnections === 0 ? 0 : 1);
