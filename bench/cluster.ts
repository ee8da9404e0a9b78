/**
 * Cluster scenario (issue 15): the same workshop on one instance vs two (Redis, REDIS_URL).
 *
 * - fan-out: one writer adds a card every FANOUT_GAP_MS; every receiver notes when it sees it.
 *   "one": writer and all receivers on instance A. "two": writer on A, half the receivers on
 *   A, half on B. The cross-instance latency added is B's latency minus A's in the same run.
 * - vote storm: every participant casts votes at once; the time from the first cast to the
 *   facilitator's tally showing them all, facilitator on A ("one") or on B ("two").
 * - Server CPU per delivered message: utime+stime of every server process (/proc/<pid>/stat)
 *   over the fan-out, divided by the board messages delivered to receivers.
 *
 * npm run bench:cluster            on PostgreSQL (as the cluster runs): a fresh database on
 *                                  the server at TEST_DATABASE_URL / DATABASE_URL (default
 *                                  postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards
 * npm run bench:cluster -- --sqlite  the instances share one SQLite data folder instead
 * Redis: REDIS_URL (default redis://127.0.0.1:6379), or a throwaway redis-server started here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { addCard, readCards } from '../shared/board';
import { PERMISSIONS } from '../shared/phases';
import type { AckResult, TallyView } from '../shared/protocol';
import { createWorkshop, facilitatorClient, join } from '../tests/helpers/api';
import { ask, connectControl, connectedDoc, Recorder, type DocClient } from '../tests/helpers/clients';
import { eventually } from '../tests/helpers/poll';
import { spawnServer, type ServerProcess } from '../tests/helpers/process';
import { testStore } from '../tests/helpers/engine';
import { ensureRedis } from '../tests/helpers/redis';
import { ms, percentile, table } from './stats';

const ENGINE = process.argv.includes('--sqlite') ? 'sqlite' : 'postgres';
const RECEIVERS = Number(process.env.RECEIVERS ?? 40);
// At most 50: the writer is a participant, and a participant may add 50 cards to a board (maxCardsPerParticipant).
const UPDATES = Math.min(50, Number(process.env.UPDATES ?? 50));
const FANOUT_GAP_MS = 30;
const VOTERS = Number(process.env.VOTERS ?? 40);
const VOTES_EACH = 5;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

async function scenario(label: 'one' | 'two', servers: ServerProcess[]) {
  const [a, b] = [servers[0]!, servers[servers.length - 1]!];
  const api = await facilitatorClient(a.url);
  const workshop = await createWorkshop(api, `bench ${label}`);
  const facOn = label === 'two' ? b : a;
  const fac = connectControl(facOn.url, workshop.id, { headers: { cookie: api.cookie, origin: facOn.url } });
  const facilitator = new Recorder(fac.socket);
  await fac.state;
  await ask(fac.socket, 'phases:set', { phases: [{ id: 'alles', kind: 'stemmen', title: '', instruction: '', permissions: [...PERMISSIONS], skipped: false }] });
  await ask(fac.socket, 'settings:update', { voteBudget: VOTES_EACH, voteCap: VOTES_EACH });
  const barrier = await ask<AckResult<{ id: string }>>(fac.socket, 'barrier:add', { text: 'Drempel', cardIds: [] });
  if (!barrier.ok) throw new Error('barrier');

  // Fan-out.
  const writerToken = (await join(a.url, workshop.joinCode, 'Schrijver')).token;
  const writer = await connectedDoc(a.wsUrl, workshop.id, { token: writerToken });
  const receivers: { doc: DocClient; on: 'A' | 'B'; seen: Map<string, number> }[] = [];
  for (let i = 0; i < RECEIVERS; i++) {
    const on = label === 'two' && i % 2 === 1 ? 'B' : 'A';
    const server = on === 'B' ? b : a;
    const doc = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });
    const seen = new Map<string, number>();
    doc.doc.on('update', () => {
      const t = performance.now();
      for (const c of readCards(doc.doc)) if (!seen.has(c.id)) seen.set(c.id, t);
    });
    receivers.push({ doc, on, seen });
  }
  const cpu0 = servers.map((s) => cpuMs(s.child.pid!));
  const sent = new Map<string, number>();
  for (let k = 0; k < UPDATES; k++) {
    const id = addCard(writer.doc, { kind: 'domain', title: `kaart ${k}` });
    sent.set(id, performance.now());
    await new Promise((r) => setTimeout(r, FANOUT_GAP_MS));
  }
  await eventually(() => receivers.every((r) => [...sent.keys()].every((id) => r.seen.has(id))), { timeoutMs: 60_000 }).catch((err: unknown) => {
    const missing = receivers.map((r) => `${r.on}:${[...sent.keys()].filter((id) => !r.seen.has(id)).length}/${readCards(r.doc.doc).length}`);
    throw new Error(`not every receiver saw every card (missing/held per receiver: ${missing.join(' ')})`, { cause: err });
  });
  const cpu = servers.reduce((sum, s, i) => sum + cpuMs(s.child.pid!) - cpu0[i]!, 0);
  const latency = { A: [] as number[], B: [] as number[] };
  for (const r of receivers) for (const [id, at] of sent) latency[r.on].push(r.seen.get(id)! - at);
  const delivered = RECEIVERS * UPDATES;
  for (const r of receivers) r.doc.destroy();
  writer.destroy();

  // Vote storm.
  const voters = [];
  for (let i = 0; i < VOTERS; i++) {
    const server = label === 'two' && i % 2 === 1 ? b : a;
    const { token } = await join(server.url, workshop.joinCode, `Stemmer ${i}`);
    const c = connectControl(server.url, workshop.id, { token });
    await c.state;
    voters.push(c.socket);
  }
  const started = performance.now();
  const acks: number[] = [];
  await Promise.all(
    voters.map(async (socket) => {
      for (let v = 0; v < VOTES_EACH; v++) {
        const t = performance.now();
        const res = await ask<AckResult<unknown>>(socket, 'vote:cast', { opId: crypto.randomUUID(), barrierId: barrier.id }, 20_000);
        if (!res.ok) throw new Error(`vote: ${res.error.code}`);
        acks.push(performance.now() - t);
      }
    }),
  );
  const total = VOTERS * VOTES_EACH;
  await eventually(() => facilitator.get<TallyView & { total?: number }>('tally')?.total === total, { timeoutMs: 30_000, intervalMs: 2 });
  const stormMs = performance.now() - started;
  for (const s of voters) s.disconnect();
  fac.socket.disconnect();
  return { latency, cpuPerMessageUs: (cpu * 1000) / delivered, acks, stormMs };
}

async function main() {
  const store = await testStore(ENGINE);
  const redis = await ensureRedis();
  const prefix = `regiebord-bench-${crypto.randomBytes(4).toString('hex')}:`;
  // LOG_LEVEL info: the start line (with the port) is an info log line.
  const env = { ...store.env, REDIS_URL: redis.url, REDIS_PREFIX: prefix, LOG_LEVEL: 'info' };
  const servers: ServerProcess[] = [];
  try {
    servers.push(await spawnServer(store.dataDir, env, [], 60_000));
    servers.push(await spawnServer(store.dataDir, env, [], 60_000));
    const one = await scenario('one', [servers[0]!]);
    const two = await scenario('two', servers);
    const added = (p: number) => percentile(two.latency.B, p) - percentile(two.latency.A, p);
    console.log(
      table(`Cluster on ${ENGINE === 'postgres' ? 'PostgreSQL' : 'SQLite (shared folder)'} + Redis: fan-out (${RECEIVERS} receivers × ${UPDATES} cards) and vote storm (${VOTERS} × ${VOTES_EACH} votes)`, [
        ['fan-out latency, one instance: p50 / p99', `${ms(percentile(one.latency.A, 50))} / ${ms(percentile(one.latency.A, 99))}`],
        ['fan-out, two instances, receivers on the writer\'s instance: p50 / p99', `${ms(percentile(two.latency.A, 50))} / ${ms(percentile(two.latency.A, 99))}`],
        ['fan-out, two instances, receivers on the other instance: p50 / p99', `${ms(percentile(two.latency.B, 50))} / ${ms(percentile(two.latency.B, 99))}`],
        ['cross-instance latency added: p50 / p99', `${ms(added(50))} / ${ms(added(99))}`],
        ['server CPU per delivered board message: one / two instances', `${one.cpuPerMessageUs.toFixed(1)} µs / ${two.cpuPerMessageUs.toFixed(1)} µs`],
        ['vote ack: p50 / p99, one instance', `${ms(percentile(one.acks, 50))} / ${ms(percentile(one.acks, 99))}`],
        ['vote ack: p50 / p99, two instances', `${ms(percentile(two.acks, 50))} / ${ms(percentile(two.acks, 99))}`],
        ['vote storm until the facilitator\'s tally is complete: one / two (facilitator on the other instance)', `${ms(one.stormMs)} / ${ms(two.stormMs)}`],
      ]),
    );
  } finally {
    for (const s of servers) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await store.remove();
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(...keys);
    client.disconnect();
    await redis.stop();
  }
  process.exit(0);
}

await main();
