/**
 * Server CPU of the board keep-alive (server/yjs/keepAlive.ts) for many idle connections.
 *
 * `npx tsx bench/keepAlive.ts [connections] [seconds]` (defaults 2000, 60): the real server in its
 * own process, `connections` raw WebSocket board connections (a facilitator's, spread over 10
 * boards) that only answer pings, then the server's CPU time (utime + stime from
 * /proc/<pid>/stat) over `seconds` of idleness, once with the keep-alive at its default
 * (10 s) and once with it off. The difference is what the keep-alives cost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createWorkshop, facilitatorClient } from '../tests/helpers/api';
import { spawn } from 'node:child_process';

const CONNECTIONS = Number(process.argv[2] ?? 2000);
const SECONDS = Number(process.argv[3] ?? 60);
const BOARDS = 10;
const TICKS_PER_SECOND = 100;

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The real server in its own process (like tests/helpers/process.ts, with a deadline for a busy machine). */
async function startServer(dataDir: string, keepAliveMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', YJS_KEEPALIVE_MS: String(keepAliveMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error('server did not start within 120 s')), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(deadline);
        resolve(Number(m[1]));
      }
    });
  });
  return { child, exited, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` };
}

async function measure(keepAliveMs: number): Promise<{ cpuMs: number; frames: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-keepalive-'));
  const server = await startServer(dataDir, keepAliveMs);
  const sockets: WebSocket[] = [];
  let frames = 0;
  try {
    const api = await facilitatorClient(server.url);
    const boards = [];
    for (let i = 0; i < BOARDS; i++) boards.push(await createWorkshop(api, `Stil bord ${i}`));
    for (let i = 0; i < CONNECTIONS; i++) {
      const ws = new WebSocket(`${server.wsUrl}/yjs/${boards[i % BOARDS]!.id}`, {
        headers: { cookie: api.cookie, origin: server.url },
      });
      sockets.push(ws);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
    }
    // Let the greetings settle, then count only the quiet period.
    await new Promise((r) => setTimeout(r, 2_000));
    for (const ws of sockets) ws.on('message', () => frames++);
    const before = cpuMs(server.child.pid!);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    return { cpuMs: cpuMs(server.child.pid!) - before, frames };
  } finally {
    for (const ws of sockets) ws.terminate();
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const on = await measure(10_000);
const off = await measure(0);
const perSecondOn = on.cpuMs / SECONDS;
const perSecondOff = off.cpuMs / SECONDS;
console.log(`${CONNECTIONS} idle board connections, ${SECONDS} s each run, server CPU (utime+stime):`);
console.log(`  keep-alive every 10 s: ${on.cpuMs.toFixed(0)} ms (${perSecondOn.toFixed(2)} ms/s), ${on.frames} keep-alive frames received`);
console.log(`  keep-alive off:        ${off.cpuMs.toFixed(0)} ms (${perSecondOff.toFixed(2)} ms/s), ${off.frames} frames received`);
const extra = on.cpuMs - off.cpuMs;
console.log(
  `  keep-alive cost: ${extra.toFixed(0)} ms per ${SECONDS} s = ${((extra / SECONDS / 1000) * 100).toFixed(3)} % of one core` +
    (on.frames > 0 ? `, ${((extra * 1000) / on.frames).toFixed(1)} µs per keep-alive` : ''),
);
