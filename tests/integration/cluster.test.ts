import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/board';
import type { Phase } from '../../shared/phases';
import type { AckResult, ControlView, Presence, RoundView, TallyView, WorkshopDetail } from '../../shared/protocol';
import type { Alarm, Proposal } from '../../shared/method';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectedDoc, Recorder, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { ensureRedis, type TestRedis } from '../helpers/redis';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/roundRobinProxy';
import { testStore, type TestStore } from '../helpers/engine';
import { TEST_ENGINE } from '../helpers/postgres';

/**
 * Three instances (separate processes) share one workshop through Redis, behind a round-robin
 * proxy without stickiness; then one is killed with SIGKILL mid-workshop.
 *
 * Storage: the project's engine (tests/helpers/engine.ts). In integration-postgres, the one the
 * issue asks for, the three instances share a fresh PostgreSQL database copied from the migrated
 * template; in integration, they share one SQLite data folder (WAL allows several processes on
 * one machine), the same test at no extra code.
 */
const PARTICIPANTS = 30;
const CARDS_EACH = 2;
const VOTES_EACH = 3;
const SEED = Number(process.env.CLUSTER_SEED ?? Date.now() % 100_000);

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const phases: Phase[] = [
  { id: 'kaarten', kind: 'positioneren', title: '', instruction: '', permissions: ['addCards', 'moveCards', 'setTargets'], skipped: false },
  { id: 'stemmen', kind: 'stemmen', title: '', instruction: '', permissions: ['vote', 'addProposals', 'addBarriers'], skipped: false },
  { id: 'alles', kind: 'voorstellen', title: '', instruction: '', permissions: ['addCards', 'moveCards', 'vote'], skipped: false },
];

interface Member {
  name: string;
  participantId: string;
  doc: DocClient;
  control: Recorder;
  cards: string[];
}

describe(`several instances, one workshop (Redis, ${TEST_ENGINE})`, () => {
  let store: TestStore;
  let redis: TestRedis;
  const prefix = `regiebord-test-${crypto.randomBytes(6).toString('hex')}:`;
  const instances: ServerProcess[] = [];
  let proxy: RoundRobinProxy;
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    // REDIS_URL's server, or a throwaway redis-server started here, or a clear error at once.
    redis = await ensureRedis();
    store = await testStore();
    // DRAIN_DELAY_MS: on SIGTERM, /readyz fails this long before the instance stops accepting.
    // YJS_COMPACT_AFTER_UPDATES: every instance compacts the shared board often (one at a time,
    // storage's lock), also while one of them is killed.
    const env = { ...store.env, REDIS_URL: redis.url, REDIS_PREFIX: prefix, LOG_LEVEL: 'info', DRAIN_DELAY_MS: '1500', YJS_COMPACT_AFTER_UPDATES: '25' };
    // One after another: on a loaded machine three at once may take longer than a start should.
    for (let i = 0; i < 3; i++) instances.push(await spawnServer(store.dataDir, env, [], 60_000));
    proxy = await startRoundRobinProxy(instances.map((i) => i.url));
  }, 200_000);

  afterAll(async () => {
    for (const close of closers.splice(0)) close();
    for (const i of instances) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    await proxy?.close();
    await store?.remove();
    // This run's keys only.
    if (redis) {
      const client = new Redis(redis.url);
      const keys = await client.keys(`${prefix}*`);
      if (keys.length) await client.del(...keys);
      client.disconnect();
      await redis.stop();
    }
  }, 60_000);

  it('30 participants, a facilitator and a screen spread over 3 instances; one is killed; nothing acknowledged or broadcast is lost', async () => {
    const rand = random(SEED);
    process.stdout.write(`cluster test seed ${SEED} (CLUSTER_SEED to repeat)\n`);

    // ---- Set-up through the proxy: every request and connection lands on the next instance.
    const api = await facilitatorClient(proxy.url);
    const workshop: WorkshopDetail = await createWorkshop(api, 'Werksessie op drie servers');
    const facHeaders = { cookie: api.cookie, origin: proxy.url };
    const fac = connectControl(proxy.url, workshop.id, { headers: facHeaders });
    const facilitator = new Recorder(fac.socket);
    closers.push(() => fac.socket.disconnect());
    await fac.state;
    const act = async <T = unknown>(event: string, payload: unknown): Promise<T> => {
      const res = await ask<AckResult<T>>(fac.socket, event, payload, 10_000);
      if (!res.ok) throw new Error(`${event}: ${res.error.code}`);
      return res as T;
    };
    await act('phases:set', { phases });
    await act('settings:update', { voteBudget: VOTES_EACH * 2, voteCap: VOTES_EACH * 2 });

    const screenControl = connectControl(proxy.url, workshop.id, { token: workshop.screenToken });
    const screen = new Recorder(screenControl.socket);
    closers.push(() => screenControl.socket.disconnect());
    await screenControl.state;
    const screenDoc = await connectedDoc(proxy.wsUrl, workshop.id, { token: workshop.screenToken });
    closers.push(() => screenDoc.destroy());

    const members: Member[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      const joined = await join(proxy.url, workshop.joinCode, `Deelnemer ${i}`);
      const c = connectControl(proxy.url, workshop.id, { token: joined.token });
      const control = new Recorder(c.socket);
      const state = await c.state;
      const doc = await connectedDoc(proxy.wsUrl, workshop.id, { token: joined.token });
      const member: Member = { name: `Deelnemer ${i}`, participantId: state.you.participantId ?? '', doc, control, cards: [] };
      members.push(member);
      closers.push(() => {
        doc.destroy();
        c.socket.disconnect();
      });
    }
    // Spread: every instance serves some of the connections.
    for (const i of instances) expect(proxy.counts.get(i.url) ?? 0, `connections to ${i.url}`).toBeGreaterThan(10);

    // ---- Presence: the facilitator sees all 30, wherever they are connected.
    await eventually(() => expect(facilitator.get<Presence>('presence')?.count).toBe(PARTICIPANTS), { timeoutMs: 20_000 });
    await eventually(() => expect(screen.get<Presence>('presence')?.count).toBe(PARTICIPANTS), { timeoutMs: 20_000 });

    // ---- Cards: written on every instance, seen on every instance.
    for (const m of members) for (let k = 0; k < CARDS_EACH; k++) m.cards.push(addCard(m.doc.doc, { kind: 'domain', title: `${m.name} kaart ${k}` }));
    const cardCount = PARTICIPANTS * CARDS_EACH;
    await eventually(() => expect(readCards(screenDoc.doc)).toHaveLength(cardCount), { timeoutMs: 30_000 });
    await eventually(() => members.every((m) => readCards(m.doc.doc).length === cardCount), { timeoutMs: 30_000 });

    // ---- Placement round: per-person views are built by each instance for its own sockets.
    const roundCards = [members[0]!.cards[0]!, members[1]!.cards[0]!];
    const { roundId } = await act<{ roundId: string }>('round:start', { cardIds: roundCards, mode: 'now' });
    await eventually(() => members.every((m) => m.control.get<RoundView>('round')?.round?.id === roundId), { timeoutMs: 20_000 });
    await Promise.all(
      members.map(async (m) => {
        for (const cardId of roundCards) {
          const res = await ask<AckResult<unknown>>(m.control.socket, 'placement:set', { roundId, cardId, x: rand(), y: rand() }, 10_000);
          expect(res.ok).toBe(true);
        }
      }),
    );
    await eventually(
      () => {
        const view = facilitator.get<RoundView & { placedCounts?: Record<string, number> }>('round');
        for (const cardId of roundCards) expect(view?.placedCounts?.[cardId]).toBe(PARTICIPANTS);
      },
      { timeoutMs: 20_000 },
    );
    await act('round:reveal', { roundId });
    await eventually(
      () =>
        members.every((m) => {
          const view = m.control.get<RoundView & { results?: { dots: unknown[] }[] }>('round');
          return view?.results?.length === 2 && view.results.every((r) => r.dots.length === PARTICIPANTS);
        }),
      { timeoutMs: 20_000 },
    );
    await act('round:close', { roundId });

    // ---- Phases: the facilitator's control reaches everyone, and every instance enforces it.
    const early = await ask<AckResult<unknown>>(members[2]!.control.socket, 'barrier:add', { text: 'Te vroeg', cardIds: [] }, 10_000);
    expect(early.ok ? 'ok' : early.error.code).toBe('PHASE_NOT_ALLOWED');
    await act('phase:go', { phaseId: 'stemmen' });
    await eventually(() => members.every((m) => m.control.get<ControlView>('control')?.currentPhaseId === 'stemmen'), { timeoutMs: 20_000 });
    // Every member acts right after: each instance must already judge by the new phase.
    const barrierIds: string[] = [];
    for (const m of members.slice(0, 3)) {
      const res = await ask<AckResult<{ id: string }>>(m.control.socket, 'barrier:add', { text: `Drempel van ${m.name}`, cardIds: [m.cards[0]!] }, 10_000);
      if (!res.ok) throw new Error(`barrier:add ${res.error.code}`);
      barrierIds.push(res.id);
    }
    await eventually(() => members.every((m) => (m.control.get<unknown[]>('barriers')?.length ?? 0) === 3), { timeoutMs: 20_000 });

    // ---- Votes with retries: every vote is sent twice with the same opId (a lost ack); it counts once.
    const acked = new Set<string>();
    let opSeq = 0;
    const vote = async (m: Member, barrierId: string) => {
      const opId = `op-${m.participantId}-${opSeq++}`;
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await ask<AckResult<{ remaining: number }>>(m.control.socket, 'vote:cast', { opId, barrierId }, 5_000).catch(() => null);
        if (res?.ok) acked.add(opId);
      }
    };
    await Promise.all(members.map(async (m) => {
      for (let v = 0; v < VOTES_EACH; v++) await vote(m, barrierIds[Math.floor(rand() * barrierIds.length)]!);
    }));
    expect(acked.size).toBe(PARTICIPANTS * VOTES_EACH);
    await eventually(() => expect(facilitator.get<TallyView & { total?: number }>('tally')?.total).toBe(PARTICIPANTS * VOTES_EACH), { timeoutMs: 20_000 });

    // ---- Proposals and alarms across instances.
    const proposal = await ask<AckResult<{ id: string }>>(members[3]!.control.socket, 'proposal:add', { barrierId: barrierIds[0], cardId: null, text: 'Samen oppakken', kind: 'versnellen', owner: 'Team', dueDate: '' }, 10_000);
    if (!proposal.ok) throw new Error(`proposal:add ${proposal.error.code}`);
    const alarm = await ask<AckResult<{ id: string }>>(members[4]!.control.socket, 'alarm:raise', { targetType: 'barrier', targetId: barrierIds[1], reason: 'Dit blokkeert alles' }, 10_000);
    if (!alarm.ok) throw new Error(`alarm:raise ${alarm.error.code}`);
    await eventually(() => expect(facilitator.get<Alarm[]>('alarms')?.map((a) => a.id)).toContain(alarm.id), { timeoutMs: 20_000 });
    await act('alarm:decide', { alarmId: alarm.id, status: 'confirmed' });
    await eventually(
      () => members.every((m) => m.control.get<Alarm[]>('alarms')?.some((a) => a.id === alarm.id) && m.control.get<Proposal[]>('proposals')?.some((p) => p.id === proposal.id)),
      { timeoutMs: 20_000 },
    );

    // ---- Keep working (cards and votes together), and kill one instance (SIGKILL) at a random moment.
    await act('phase:go', { phaseId: 'alles' });
    await eventually(() => members.every((m) => m.control.get<ControlView>('control')?.currentPhaseId === 'alles'), { timeoutMs: 20_000 });
    let stop = false;
    let added = 0;
    const work = members.map(async (m, wi) => {
      for (let k = 0; !stop && k < 200; k++) {
        m.cards.push(addCard(m.doc.doc, { kind: 'project', title: `${m.name} later ${k}` }));
        added++;
        if (k < VOTES_EACH) await vote(m, barrierIds[(wi + k) % barrierIds.length]!);
        else await new Promise((r) => setTimeout(r, 50 + rand() * 100));
      }
    });
    const victim = instances[Math.floor(rand() * instances.length)]!;
    // A random moment, counted in work done rather than in time: after 1 to 6 cards per member.
    const killAt = members.length * (1 + Math.floor(rand() * 6));
    await eventually(() => added >= killAt, { timeoutMs: 30_000 });
    victim.child.kill('SIGKILL');
    await victim.exited;
    const survivors = instances.filter((i) => i !== victim);
    // Work goes on through the proxy while the clients of the killed instance reconnect, and after:
    // until every client is back, then two more cards per member.
    await eventually(() => members.every((m) => m.doc.provider.wsconnected && m.control.socket.connected), { timeoutMs: 30_000 });
    const addedWhenBack = added;
    await eventually(() => added >= addedWhenBack + members.length * 2, { timeoutMs: 30_000 });
    stop = true;
    await Promise.all(work);

    // Every client is connected again (to a live instance) and has caught up.
    await eventually(() => members.every((m) => m.doc.provider.wsconnected && m.doc.provider.synced && m.control.socket.connected), { timeoutMs: 30_000 });

    // ---- The server's board, read from each live instance directly: they agree, and hold every card any client has.
    const direct = await Promise.all(survivors.map((s) => connectedDoc(s.wsUrl, workshop.id, { token: workshop.screenToken })));
    closers.push(() => direct.forEach((d) => d.destroy()));
    const everyCard = new Set<string>();
    for (const m of members) for (const c of m.cards) everyCard.add(c);
    // What the read-only screen holds was broadcast; what a phone holds, it wrote or was sent.
    for (const d of [screenDoc, ...members.map((m) => m.doc)]) for (const c of readCards(d.doc)) everyCard.add(c.id);
    await eventually(
      () => {
        for (const d of direct) {
          const ids = new Set(readCards(d.doc).map((c) => c.id));
          for (const id of everyCard) expect(ids.has(id), `card ${id} on the server`).toBe(true);
        }
      },
      { timeoutMs: 30_000 },
    );
    const serverState = Y.encodeStateAsUpdate(direct[0]!.doc);
    const serverVector = Y.encodeStateVector(direct[0]!.doc);
    expect(Buffer.from(Y.encodeStateVector(direct[1]!.doc)).equals(Buffer.from(serverVector))).toBe(true);
    // Every client's board equals the server's: same state vector, same cards.
    const serverCards = JSON.stringify(readCards(direct[0]!.doc).map((c) => c.id).sort());
    await eventually(
      () => {
        for (const m of [...members.map((x) => x.doc), screenDoc]) {
          expect(Buffer.from(Y.encodeStateVector(m.doc)).equals(Buffer.from(serverVector))).toBe(true);
          expect(JSON.stringify(readCards(m.doc).map((c) => c.id).sort())).toBe(serverCards);
        }
      },
      { timeoutMs: 30_000 },
    );
    // And the stored board says the same after a fresh load.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, serverState);
    expect(readCards(fresh)).toHaveLength(everyCard.size);

    // ---- Votes: every acknowledged vote is stored, each exactly once, and the totals say so.
    // Read from the database itself, not through an instance (the id is ours: letters and digits only).
    expect(workshop.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const ops = await store.rows<{ op_id: string }>(`SELECT op_id FROM vote_ops WHERE workshop_id = '${workshop.id}' AND kind = 'cast'`);
    const stored = new Set(ops.map((o) => o.op_id));
    expect(stored.size).toBe(ops.length);
    for (const opId of acked) expect(stored.has(opId), `acknowledged vote ${opId}`).toBe(true);
    const tally = await eventually(
      async () => {
        await ask(fac.socket, 'sync:request', {}, 10_000);
        const t = facilitator.get<TallyView & { total?: number }>('tally');
        expect(t?.total).toBe(stored.size);
        return t!;
      },
      { timeoutMs: 20_000 },
    );
    expect(tally.total).toBeGreaterThanOrEqual(acked.size);

    // ---- Presence: all 30 again, once the killed instance's clients are back.
    await eventually(() => expect(facilitator.get<Presence>('presence')?.count).toBe(PARTICIPANTS), { timeoutMs: 30_000 });
    // The shared board was compacted along the way (by one instance at a time), and still lost nothing.
    const snapshots = await store.rows<{ n: number | string }>(`SELECT count(*) AS n FROM yjs_snapshots WHERE workshop_id = '${workshop.id}'`);
    expect(Number(snapshots[0]?.n)).toBe(1);
    expect(await store.intact()).toBe(true);
    process.stdout.write(
      `cluster (${store.engine}): killed ${victim.url}; ${everyCard.size} cards, ${stored.size} votes (${acked.size} acknowledged) on ${survivors.length} surviving instances\n`,
    );
  }, 300_000);

  it('SIGTERM drains: /readyz fails first, clients move to another instance, everything is stored, exit 0', async () => {
    const live = instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
    expect(live.length).toBeGreaterThanOrEqual(2);
    for (const i of live) {
      const ready = await fetch(`${i.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ok: true, database: true, redis: true });
    }
    const [leaving, staying] = live as [ServerProcess, ServerProcess];
    const api = await facilitatorClient(proxy.url);
    const workshop = await createWorkshop(api, 'Werksessie tijdens een uitrol');
    // Connected straight to the instance that will leave, as a load balancer may have placed them.
    const joined = await join(proxy.url, workshop.joinCode, 'Blijver');
    const phone = await connectedDoc(leaving.wsUrl, workshop.id, { token: joined.token });
    const c = connectControl(leaving.url, workshop.id, { token: joined.token });
    closers.push(() => {
      phone.destroy();
      c.socket.disconnect();
    });
    await c.state;
    for (let k = 0; k < 20; k++) addCard(phone.doc, { kind: 'domain', title: `Voor de uitrol ${k}` });
    const observer = await connectedDoc(staying.wsUrl, workshop.id, { token: workshop.screenToken });
    closers.push(() => observer.destroy());
    await eventually(() => expect(readCards(observer.doc)).toHaveLength(20), { timeoutMs: 20_000 });

    leaving.child.kill('SIGTERM');
    // Draining: not ready any more, while it still answers.
    await eventually(async () => expect((await fetch(`${leaving.url}/readyz`)).status).toBe(503), { timeoutMs: 5_000 });
    const { code } = await leaving.exited;
    expect(code).toBe(0);
    // The clients were closed so that they reconnect (a socket.io client told "server disconnect" would not).
    expect(c.socket.active).toBe(true);
    // Here "elsewhere" is the same address, now gone; a load balancer would send them to `staying`.
    // What the phone wrote was stored before the instance left: the other instance serves it all.
    const after = await connectedDoc(staying.wsUrl, workshop.id, { token: workshop.screenToken });
    closers.push(() => after.destroy());
    expect(readCards(after.doc)).toHaveLength(20);
  }, 120_000);
});
