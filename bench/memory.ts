/**
 * `npm run bench:memory`: resident memory of the server with 300 connected phones (each a real
 * socket.io client and a real y-websocket provider, in separate processes as in bench/run.ts),
 * for each way of running it:
 *
 *   tsx   `npm run serve` as it was `npm start` before: the tsx CLI (a parent process) + the server
 *   node  `npm start` now: plain node on the compiled server (dist/server, `npm run build:server`)
 *   reference  the issue's reference, a stock Yjs server (bench/referenceServer.ts: @y/websocket-server
 *         on ws, compiled to plain JS and run on plain node with the same flags as `node`), with
 *         the same 300 phones' y-websocket providers (it has no socket.io: that half is ours alone)
 *
 *   npx tsx bench/memory.ts [--phones=300] [--only=node,reference] [--heap]
 *
 * `--heap` also writes a heap snapshot of the node server at idle with the phones connected and
 * prints what holds the heap, by constructor.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkshop, facilitatorClient } from '../tests/helpers/api';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PHONES = Number(arg('phones') ?? 300);
const WORKERS = 4;
type Mode = 'tsx' | 'node' | 'reference';
const MODES = (arg('only')?.split(',') ?? ['tsx', 'node', 'reference']) as Mode[];
const HEAP = process.argv.includes('--heap');
/** `--node-args="--max-semi-space-size=2"`: flags for the node run (to try V8 settings). */
const NODE_ARGS = arg('node-args')?.split(' ').filter(Boolean) ?? [];
const TOKEN = 'bench-memory';
const IDLE_MS = 10_000;

const statusKb = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const rssKb = (pid: number) => statusKb(pid, 'VmRSS');
const childrenOf = (pid: number) =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
/** CPU time the process has used (user + system), in seconds: what a V8 setting costs in garbage collection. */
const cpuSeconds = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(250);
  }
}

/** The reference server as plain JS beside the project (so its packages resolve), no loader in the process. */
async function compiledReference(): Promise<string> {
  const { build } = await import('esbuild');
  const out = path.resolve('dist/bench/referenceServer.mjs');
  await build({ entryPoints: ['bench/referenceServer.ts'], outfile: out, bundle: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'warning' });
  return out;
}

async function start(mode: Mode, dataDir: string, heapDir: string): Promise<{ proc: ChildProcess; output: () => string }> {
  const args =
    mode === 'tsx'
      ? [path.resolve('node_modules/tsx/dist/cli.mjs'), 'server/main.ts']
      : [...NODE_ARGS, ...(HEAP ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${heapDir}`] : []), mode === 'node' ? 'dist/server/main.js' : await compiledReference()];
  const proc = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', METRICS_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { proc, output: () => out };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

async function measure(mode: Mode) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-memory-'));
  const heapDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-heap-'));
  const server = await start(mode, dataDir, heapDir);
  const port = await until('server start', async () => {
    const m = /"port":(\d+)|localhost:(\d+)|listening on (\d+)/.exec(server.output());
    return m ? Number(m[1] ?? m[2] ?? m[3]) : undefined;
  });
  const url = `http://127.0.0.1:${port}`;
  const serverPid = mode === 'tsx' ? childrenOf(server.proc.pid!)[0]! : server.proc.pid!;
  const atStart = rssKb(serverPid);
  const cpuAtStart = cpuSeconds(serverPid);
  const reference = mode === 'reference';
  const joinCode = reference ? '' : (await createWorkshop(await facilitatorClient(url), 'Geheugen')).joinCode;

  const workers = await Promise.all(
    Array.from({ length: WORKERS }, () => {
      const p = fork(path.resolve('bench/phoneWorker.ts'), [], { execArgv: ['--import', 'tsx'] });
      return new Promise<ChildProcess>((resolve) => p.once('message', () => resolve(p)));
    }),
  );
  let id = 1;
  const ask = (p: ChildProcess, command: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      const mine = id++;
      const on = (m: { id?: number }) => {
        if (m.id !== mine) return;
        p.off('message', on);
        resolve();
      };
      p.on('message', on);
      p.send({ ...command, id: mine });
    });
  const per = Math.ceil(PHONES / WORKERS);
  await Promise.all(
    workers.map((p, i) =>
      ask(p, {
        cmd: 'connect',
        target: reference ? 'reference' : 'ours',
        url,
        wsUrl: `ws://127.0.0.1:${port}`,
        joins: Array.from({ length: Math.min(per, PHONES - i * per) }, () => ({ code: joinCode, room: 'geheugen' })),
      }),
    ),
  );
  // The workers answer `connect` once every phone has synced (and, ours, connected socket.io).
  if (!reference) await until('all phones connected', async () => {
    const h = (await (await fetch(`${url}/healthz`)).json()) as { boardConnections: number; controlConnections: number };
    return h.boardConnections >= PHONES && h.controlConnections >= PHONES ? true : undefined;
  });
  await sleep(IDLE_MS);
  const connected = rssKb(serverPid);
  // Resident memory in files (the node binary and shared libraries: clean pages, shared with every
  // node process on the host) and anonymous memory (the V8 heap, malloc): the process's own.
  const [fileBacked, anonymous] = [statusKb(serverPid, 'RssFile'), statusKb(serverPid, 'RssAnon')];
  // 300 joins, socket.io and y-websocket handshakes and syncs, then idle: the work of a workshop's start.
  const cpu = cpuSeconds(serverPid) - cpuAtStart;
  const parent = mode === 'tsx' ? rssKb(server.proc.pid!) : 0;
  // The reference has no /metrics.
  const heapUsed = reference ? NaN : await metric(url, 'nodejs_heap_size_used_bytes');
  const heapTotal = reference ? NaN : await metric(url, 'nodejs_heap_size_total_bytes');
  const external = reference ? NaN : await metric(url, 'nodejs_external_memory_bytes');
  let snapshot: string | undefined;
  if (HEAP && mode === 'node') {
    server.proc.kill('SIGUSR2');
    snapshot = await until('heap snapshot', async () => {
      const f = fs.readdirSync(heapDir).find((n) => n.endsWith('.heapsnapshot'));
      if (!f) return undefined;
      const file = path.join(heapDir, f);
      const size = fs.statSync(file).size;
      await sleep(1000);
      return fs.statSync(file).size === size && size > 0 ? file : undefined;
    });
  }
  await Promise.all(workers.map((p) => ask(p, { cmd: 'close' })));
  for (const p of workers) p.kill();
  server.proc.kill('SIGTERM');
  await new Promise((r) => server.proc.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { mode, atStart, connected, fileBacked, anonymous, parent, heapUsed, heapTotal, external, cpu, snapshot };
}

/** What holds the heap: self size by node type and constructor name, largest first. */
function heapSummary(file: string, top = 15): string[] {
  const snap = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [T, N, S] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const bySize = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + T]!]!;
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + N]!]! : `(${type})`;
    const size = snap.nodes[i + S]!;
    total += size;
    const e = bySize.get(name) ?? { size: 0, count: 0 };
    e.size += size;
    e.count++;
    bySize.set(name, e);
  }
  const rows = [...bySize.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, top);
  return [`heap snapshot: ${mb(total / 1024)} in ${snap.nodes.length / fields.length} objects`, ...rows.map(([n, e]) => `  ${mb(e.size / 1024).padStart(9)}  ${String(e.count).padStart(7)}  ${n.slice(0, 60)}`)];
}

if (!fs.existsSync('dist/server/main.js') && MODES.includes('node')) {
  console.error('dist/server/main.js is missing: run `npm run build:server` first.');
  process.exit(1);
}
console.log(`${PHONES} phones (socket.io + y-websocket each) in ${WORKERS} processes, one workshop, ${IDLE_MS / 1000} s idle before measuring; ${os.cpus().length} cores\n`);
console.log('| run | server RSS at start | server RSS, phones connected | of which files / anonymous | + tsx parent | V8 heap used / total | external | server CPU, connecting + idle |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const mode of MODES) {
  const r = await measure(mode);
  console.log(
    `| ${mode === 'tsx' ? 'tsx server/main.ts (tsx CLI)' : ['node', ...NODE_ARGS, mode === 'node' ? 'dist/server/main.js' : 'reference (@y/websocket-server)'].join(' ')} | ${mb(r.atStart)} | ${mb(r.connected)} | ${mb(r.fileBacked)} / ${mb(r.anonymous)} | ${r.parent ? mb(r.parent) : '—'} | ${Number.isNaN(r.heapUsed) ? '—' : `${mb(r.heapUsed / 1024)} / ${mb(r.heapTotal / 1024)}`} | ${Number.isNaN(r.external) ? '—' : mb(r.external / 1024)} | ${r.cpu.toFixed(2)} s |`,
  );
  if (r.snapshot) {
    for (const line of heapSummary(r.snapshot)) console.log(line);
    console.log(`(snapshot kept at ${r.snapshot})`);
  }
}
