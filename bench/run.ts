/**
 * `npm run bench`: the load harness (issue 6). Simulated phones run in worker
 * processes (bench/phoneWorker.ts), the server in its own process; scenarios
 * (a) and (b) also run against the reference y-websocket server, in the same
 * invocation, and print ours / reference.
 *
 *   npm run bench            full run (300 phones; 50 × 40 for capacity)
 *   npm run bench -- --smoke a few phones, to check the harness works (npm test runs this)
 *   npm run bench -- --only=a,b --profile   some scenarios; CPU profile of our server
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { addCard, moveCard } from '../shared/board';
import type { AckResult, TallyView, WorkshopDetail } from '../shared/protocol';
import { openSqliteStorage } from '../server/storage/sqlite';
import { createWorkshop, facilitatorClient, join, type ApiClient } from '../tests/helpers/api';
import { ask, connectControl, connectedDoc } from '../tests/helpers/clients';
import { launchChromium } from '../tests/helpers/browser';
import { spawnServer, type ServerProcess } from '../tests/helpers/process';
import type { Command } from './phoneWorker';
import { kb, ms, now, percentile, table } from './stats';

const SMOKE = process.argv.includes('--smoke');
/** `--only=a,c`: run just those scenarios. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const runs = (scenario: string) => !ONLY || ONLY.includes(scenario);
const SCALE = SMOKE
  ? { phones: 6, workers: 2, moves: 5, capacityWorkshops: 2, capacityPerWorkshop: 3, coldCards: 50, coldUpdates: 600 }
  : { phones: 300, workers: 4, moves: 50, capacityWorkshops: 50, capacityPerWorkshop: 40, coldCards: 2000, coldUpdates: 20_000 };
const out: string[] = [];
const say = (s: string) => {
  out.push(s);
  console.log(s);
};

// ------------------------------------------------------------------ workers

class Workers {
  private next = 1;
  private readonly pending = new Map<number, (data: unknown) => void>();
  constructor(readonly procs: ChildProcess[]) {
    for (const p of procs) {
      // A worker that dies would leave the run waiting for ever: say so and stop.
      p.on('exit', (code, signal) => {
        if (code === 0) return;
        console.error(`bench worker ${p.pid} exited (code ${code}, signal ${signal})`);
        process.exit(1);
      });
      p.on('message', (m: { id?: number; data?: unknown; error?: string }) => {
        if (m.id === undefined) return;
        if (m.error) throw new Error(`worker: ${m.error}`);
        this.pending.get(m.id)?.(m.data);
        this.pending.delete(m.id);
      });
    }
  }

  static async start(count: number): Promise<Workers> {
    const procs = await Promise.all(
      Array.from({ length: count }, () => {
        const p = fork(path.resolve('bench/phoneWorker.ts'), [], { execArgv: ['--import', 'tsx'] });
        return new Promise<ChildProcess>((resolve) => p.once('message', () => resolve(p)));
      }),
    );
    return new Workers(procs);
  }

  send<T>(worker: number, command: Record<string, unknown> & { cmd: Command['cmd'] }): Promise<T> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (d: unknown) => void);
      this.procs[worker]!.send({ ...command, id });
    });
  }

  all<T>(make: (worker: number) => Record<string, unknown> & { cmd: Command['cmd'] }): Promise<T[]> {
    return Promise.all(this.procs.map((_, i) => this.send<T>(i, make(i))));
  }

  async close(): Promise<{ seen: Seen[] }[]> {
    const result = await this.all<{ seen: Seen[] }>(() => ({ cmd: 'close' }));
    return result;
  }
}

interface Seen {
  phone: string;
  group: string;
  x: number;
  at: number;
}
interface Sent {
  group: string;
  x: number;
  at: number;
}

/** Split phones over workers, round robin. */
function spread<T>(items: T[], workers: number): T[][] {
  const out: T[][] = Array.from({ length: workers }, () => []);
  items.forEach((item, i) => out[i % workers]!.push(item));
  return out;
}

/** Latencies per (receiver, move): first time the receiver saw x at least the sent value. */
function fanoutLatencies(sent: Sent[], seen: Seen[], writers: Set<string>) {
  const byPhone = new Map<string, Seen[]>();
  for (const s of seen) if (!writers.has(s.phone)) (byPhone.get(s.phone) ?? byPhone.set(s.phone, []).get(s.phone)!).push(s);
  const all: number[] = [];
  const lastPerMove = new Map<string, number>();
  for (const [, list] of byPhone) {
    for (const m of sent) {
      const hit = list.find((s) => s.group === m.group && s.x >= m.x - 1e-9 && s.at >= m.at - 1);
      if (!hit) continue;
      const latency = hit.at - m.at;
      all.push(latency);
      const key = `${m.group}:${m.x}`;
      lastPerMove.set(key, Math.max(lastPerMove.get(key) ?? 0, latency));
    }
  }
  return { all, last: [...lastPerMove.values()] };
}

// ---------------------------------------------------------------- scenarios

interface Target {
  name: 'ours' | 'reference';
  url: string;
  wsUrl: string;
}

async function connectPhones(target: Target, groups: { code: string; room?: string; count: number }[]): Promise<Workers> {
  const joins = groups.flatMap((g) => Array.from({ length: g.count }, () => ({ code: g.code, room: g.room })));
  const workers = await Workers.start(SCALE.workers);
  const parts = spread(joins, SCALE.workers);
  await workers.all((i) => ({ cmd: 'connect', target: target.name, url: target.url, wsUrl: target.wsUrl, joins: parts[i] }));
  return workers;
}

/** (a) and (d): the first phone of each workshop moves a card; every other phone of it receives. */
async function fanout(workers: Workers, groups: string[], perGroup: number, moves: number, intervalMs: number) {
  // Joins were spread round robin (see connectPhones): join j sits on worker j % W as its phone floor(j / W).
  const writerFor = new Map<string, { worker: number; phone: number }>();
  groups.forEach((g, gi) => {
    const j = gi * perGroup;
    writerFor.set(g, { worker: j % SCALE.workers, phone: Math.floor(j / SCALE.workers) });
  });
  const cards: Record<string, string> = {};
  const writerIds = new Set<string>();
  // Every workshop's writer adds its card at once (one workshop at a time took minutes for 50).
  await Promise.all(
    [...writerFor].map(async ([group, w]) => {
      const r = await workers.send<{ cardId: string; phone: string }>(w.worker, { cmd: 'addCard', phone: w.phone, title: `fan-out ${group}` });
      cards[group] = r.cardId;
      writerIds.add(r.phone);
    }),
  );
  await new Promise((r) => setTimeout(r, 500)); // let the new cards reach every worker before watching
  await workers.all(() => ({ cmd: 'watch', cards }));
  const byWorker = new Map<number, { phone: number; cardId: string }[]>();
  for (const [group, w] of writerFor) (byWorker.get(w.worker) ?? byWorker.set(w.worker, []).get(w.worker)!).push({ phone: w.phone, cardId: cards[group]! });
  const sent = (
    await Promise.all([...byWorker].map(([worker, writers]) => workers.send<{ sent: Sent[] }>(worker, { cmd: 'move', writers, times: moves, intervalMs })))
  ).flatMap((r) => r.sent);
  await new Promise((r) => setTimeout(r, 1000)); // the last moves arrive
  return { sent, writerIds };
}

async function scenarioFanout(target: Target, code: string, room?: string) {
  const workers = await connectPhones(target, [{ code, room, count: SCALE.phones }]);
  const { sent, writerIds } = await fanout(workers, [room ?? code], SCALE.phones, SCALE.moves, 50);
  const seen = (await workers.close()).flatMap((r) => r.seen);
  const { all, last } = fanoutLatencies(sent, seen, writerIds);
  return { p50: percentile(all, 50), p99: percentile(all, 99), lastP50: percentile(last, 50), lastP99: percentile(last, 99), samples: all.length };
}

async function scenarioBurst(target: Target, code: string, room?: string) {
  const workers = await connectPhones(target, [{ code, room, count: SCALE.phones }]);
  const at = now() + 1500;
  const results = await workers.all<{ done: number[]; complete: boolean }>(() => ({ cmd: 'burst', at, expected: SCALE.phones }));
  await workers.close();
  const done = results.flatMap((r) => r.done);
  return { converged: Math.max(...done) - at, complete: results.every((r) => r.complete) };
}

async function scenarioVotes(server: ServerProcess, api: ApiClient) {
  const workshop = await createWorkshop(api, 'Stemstorm');
  const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
  await fac.state;
  let tally: TallyView | undefined;
  fac.socket.on('tally', (t: TallyView) => (tally = t));
  await ask(fac.socket, 'phase:go', { phaseId: 'drempels' });
  const barrierIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await ask<AckResult<{ id: string }>>(fac.socket, 'barrier:add', { text: `Drempel ${i}`, cardIds: [] });
    if (r.ok) barrierIds.push(r.id);
  }
  await ask(fac.socket, 'phase:go', { phaseId: 'stemmen' });
  const workers = await connectPhones({ name: 'ours', url: server.url, wsUrl: server.wsUrl }, [{ code: workshop.joinCode, count: SCALE.phones }]);
  const votes = 3;
  const acks = (await workers.all<{ acks: { ms: number; ok: boolean }[] }>(() => ({ cmd: 'vote', barrierIds, votes, windowMs: 1000, expectedTotal: SCALE.phones * votes }))).flatMap((r) => r.acks);
  const accepted = acks.filter((a) => a.ok).length;
  const revealAt = now();
  await ask(fac.socket, 'results:reveal', { revealed: true });
  const seenAt = (await workers.all<{ times: number[] }>(() => ({ cmd: 'tallySeen' }))).flatMap((r) => r.times);
  const deadline = Date.now() + 5000;
  while ((tally?.total ?? -1) !== accepted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await workers.close();
  fac.socket.disconnect();
  return {
    ackP50: percentile(acks.map((a) => a.ms), 50),
    ackP99: percentile(acks.map((a) => a.ms), 99),
    accepted,
    attempted: acks.length,
    serverTotal: tally?.total ?? -1,
    tallyEverywhere: seenAt.length >= SCALE.phones ? Math.max(...seenAt) - revealAt : Number.NaN,
    clientsWithTally: seenAt.length,
  };
}

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
}
function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}
const TICKS_PER_SECOND = 100;

async function scenarioCapacity(server: ServerProcess, api: ApiClient) {
  const workshops: WorkshopDetail[] = [];
  for (let i = 0; i < SCALE.capacityWorkshops; i++) workshops.push(await createWorkshop(api, `Capaciteit ${i}`));
  const pid = server.child.pid!;
  const before = rssKb(pid);
  const workers = await connectPhones(
    { name: 'ours', url: server.url, wsUrl: server.wsUrl },
    workshops.map((w) => ({ code: w.joinCode, count: SCALE.capacityPerWorkshop })),
  );
  const participants = SCALE.capacityWorkshops * SCALE.capacityPerWorkshop;
  await new Promise((r) => setTimeout(r, 3000));
  const cpuIdle0 = cpuTicks(pid);
  const idleStart = Date.now();
  await new Promise((r) => setTimeout(r, SMOKE ? 1000 : 10_000));
  const idleCpu = (cpuTicks(pid) - cpuIdle0) / TICKS_PER_SECOND / ((Date.now() - idleStart) / 1000);
  const connected = rssKb(pid);
  const cpuActive0 = cpuTicks(pid);
  const activeStart = Date.now();
  const { sent, writerIds } = await fanout(workers, workshops.map((w) => w.joinCode), SCALE.capacityPerWorkshop, SMOKE ? 3 : 20, 100);
  const activeCpu = (cpuTicks(pid) - cpuActive0) / TICKS_PER_SECOND / ((Date.now() - activeStart) / 1000);
  const seen = (await workers.close()).flatMap((r) => r.seen);
  const { all } = fanoutLatencies(sent, seen, writerIds);
  return {
    participants,
    perParticipantKb: (connected - before) / participants,
    idleCpu,
    activeCpu,
    fanoutP99: percentile(all, 99),
  };
}

async function scenarioColdLoad(dataDir: string, env: Record<string, string>) {
  let server = await spawnServer(dataDir, env);
  const api = await facilitatorClient(server.url);
  const workshop = await createWorkshop(api, 'Koude start');
  server.child.kill('SIGTERM');
  await server.exited;

  // Build the history a long workshop leaves: cards added, then moved many times.
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const ids: string[] = [];
  for (let i = 0; i < SCALE.coldCards; i++) ids.push(addCard(doc, { kind: i % 2 ? 'domain' : 'project', title: `Kaart ${i}`, x: Math.random(), y: Math.random() }));
  for (let i = ids.length; i < SCALE.coldUpdates; i++) moveCard(doc, ids[i % ids.length]!, { x: Math.random(), y: Math.random() });
  const storage = openSqliteStorage(dataDir);
  // Stored the way the server stores it: appended, and compacted every 500 updates.
  for (let i = 0; i < updates.length; i += 500) {
    const batch = updates.slice(i, i + 500);
    const last = await storage.appendUpdates(workshop.id, batch);
    if (batch.length === 500 && i + 500 < updates.length) {
      const partial = new Y.Doc();
      for (const u of updates.slice(0, i + 500)) Y.applyUpdate(partial, u);
      await storage.compactDoc(workshop.id, Y.encodeStateAsUpdate(partial), last);
    }
  }
  const stored = await storage.loadDoc(workshop.id);
  await storage.close();

  server = await spawnServer(dataDir, env);
  // "Cold" means the board is not in memory, on a server that is already running: warm the
  // process up on another, small workshop first (V8 compiles lazily on first use).
  const warm = await createWorkshop(await facilitatorClient(server.url), 'Opwarmen');
  (await connectedDoc(server.wsUrl, warm.id, { token: warm.screenToken })).destroy();
  const t0 = now();
  const client = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });
  const coldMs = now() - t0;
  const cards = client.doc.getMap('cards').size;
  client.destroy();
  server.child.kill('SIGTERM');
  await server.exited;
  return { coldMs, cards, tail: stored.updates.length, snapshot: stored.snapshot !== null };
}

async function scenarioBundle(server: ServerProcess, api: ApiClient) {
  const workshop = await createWorkshop(api, 'Bundel');
  const joined = await join(server.url, workshop.joinCode, 'Telefoon');
  const browser = await launchChromium();
  // A fresh phone with an empty cache that opens the participant route directly: the token is put
  // in localStorage before any page script runs, so nothing from other routes is loaded or counted.
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await context.addInitScript(
    ([k, v]) => localStorage.setItem(k!, v!),
    [`regiebord.participant.${joined.workshopId}`, JSON.stringify({ ...joined, name: 'Telefoon' })],
  );
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const scripts: { url: string; gzip: number }[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res.body().then(
        (body) => void scripts.push({ url: new URL(res.url()).pathname, gzip: zlib.gzipSync(body, { level: 9 }).length }),
        () => undefined,
      ),
    );
  });
  await page.goto(`${server.url}/w/${joined.workshopId}`);
  await page.getByTestId('board').waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await browser.close();
  const unique = new Map(scripts.map((s) => [s.url, s.gzip]));
  const total = [...unique.values()].reduce((s, x) => s + x, 0);
  const forbidden = scripts.filter((s) => /Facilitator|Dashboard|Screen|Knowledge|Export/i.test(s.url)).map((s) => s.url);
  return { total, files: unique.size, forbidden };
}

// --------------------------------------------------------------------- main

async function startReference(): Promise<{ proc: ChildProcess; url: string; wsUrl: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/referenceServer.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    let text = '';
    proc.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /listening on (\d+)/.exec(text);
      if (m) resolve(Number(m[1]));
    });
  });
  return { proc, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-bench-'));
// The harness's phones all come from 127.0.0.1; the rate limits are per socket, so they stay on.
const env = { LOG_LEVEL: 'error' };
// `--profile`: the server writes a CPU profile (.cpuprofile) to /tmp/regiebord-profile when it stops.
const PROFILE = process.argv.includes('--profile') ? ['--cpu-prof', '--cpu-prof-dir=/tmp/regiebord-profile'] : [];
const server = await spawnServer(dataDir, env, PROFILE);
const reference = await startReference();
const api = await facilitatorClient(server.url);
const ours: Target = { name: 'ours', url: server.url, wsUrl: server.wsUrl };
const ref: Target = { name: 'reference', url: reference.url, wsUrl: reference.wsUrl };
say(`# Regiebord bench ${SMOKE ? '(smoke)' : ''}\n\n${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`);

try {
  if (runs('a')) {
    const fanWorkshop = await createWorkshop(api, 'Fan-out');
    const a = await scenarioFanout(ours, fanWorkshop.joinCode);
    const aRef = await scenarioFanout(ref, '', `fanout-${Date.now()}`);
    say(
      table(`(a) Fan-out: 1 writer, ${SCALE.phones - 1} receivers, a card moved ${SCALE.moves} times`, [
        ['per-receiver p50', `${ms(a.p50)} (reference ${ms(aRef.p50)})`],
        ['per-receiver p99', `${ms(a.p99)} (reference ${ms(aRef.p99)})`, '≤ 15 ms'],
        ['p99 ours / reference', `${(a.p99 / aRef.p99).toFixed(2)}`, '≤ 0.5'],
        ['last receiver p50 / p99', `${ms(a.lastP50)} / ${ms(a.lastP99)} (reference ${ms(aRef.lastP50)} / ${ms(aRef.lastP99)})`],
        ['samples', `${a.samples} (reference ${aRef.samples})`],
      ]),
    );
  }

  if (runs('b')) {
    const burstWorkshop = await createWorkshop(api, 'Burst');
    const b = await scenarioBurst(ours, burstWorkshop.joinCode);
    const bRef = await scenarioBurst(ref, '', `burst-${Date.now()}`);
    say(
      table(`(b) Burst: ${SCALE.phones} participants each add a card at the same moment`, [
        ['all converged', `${ms(b.converged)} (reference ${ms(bRef.converged)})`, '≤ 500 ms'],
        ['ours / reference', `${(b.converged / bRef.converged).toFixed(2)}`],
        ['every client holds every card', `${b.complete} (reference ${bRef.complete})`],
      ]),
    );
  }

  if (runs('c')) {
    const c = await scenarioVotes(server, api);
    say(
      table(`(c) Vote storm: ${SCALE.phones} participants spend their budget (3) within one second`, [
        ['ack p50 / p99', `${ms(c.ackP50)} / ${ms(c.ackP99)}`, 'p99 ≤ 100 ms'],
        ['accepted / attempted', `${c.accepted} / ${c.attempted}`],
        ['server total after reveal', `${c.serverTotal}`, 'equals accepted (exactly once)'],
        ['tally on every client after reveal', `${ms(c.tallyEverywhere)} (${c.clientsWithTally} clients)`, '≤ 250 ms'],
      ]),
    );
  }

  if (runs('d')) {
    const d = await scenarioCapacity(server, api);
    say(
      table(`(d) Capacity: ${SCALE.capacityWorkshops} workshops × ${SCALE.capacityPerWorkshop} participants`, [
        ['server memory per connected participant', kb(d.perParticipantKb * 1024), '≤ 100 KB'],
        ['server CPU, idle / active', `${(d.idleCpu * 100).toFixed(0)}% / ${(d.activeCpu * 100).toFixed(0)}% of one core`],
        ['fan-out p99 while all are connected', ms(d.fanoutP99), '≤ 50 ms'],
      ]),
    );
  }

  if (runs('e')) {
    const e = await scenarioColdLoad(fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-cold-')), env);
    say(
      table(`(e) Cold load: ${SCALE.coldCards} cards, ${SCALE.coldUpdates} updates`, [
        ['connect → synced', ms(e.coldMs), '≤ 200 ms'],
        ['stored as', `${e.snapshot ? 'snapshot + ' : ''}${e.tail} updates in the tail`],
        ['cards received', `${e.cards}`],
      ]),
    );
  }

  if (runs('f')) {
    const f = await scenarioBundle(server, api);
    say(
      table('(f) Phone bundle: JavaScript the participant route downloads', [
        ['gzipped', `${kb(f.total)} in ${f.files} files`, '≤ 150 KB'],
        ['facilitator, knowledge-centre, export code shipped', f.forbidden.length ? f.forbidden.join(', ') : 'none', 'none'],
      ]),
    );
  }
} finally {
  server.child.kill('SIGTERM');
  reference.proc.kill('SIGTERM');
  await server.exited;
}
if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, out.join('\n') + '\n');
process.exit(0);
