import { afterEach, describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/board';
import type { AckResult } from '../../shared/protocol';
import { ApiClient, FACILITATOR } from '../helpers/api';
import { ask, connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';
import { workshopWithFacilitator } from '../helpers/workshop';

const TOKEN = 'scrape-secret-for-the-test';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Every sample line as { name, labels, value }. */
function parse(text: string) {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not an exposition line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

async function scrape(url: string) {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return parse(await res.text());
}

function value(samples: ReturnType<typeof parse>, name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

describe('/metrics', () => {
  it('moves with a small workshop and no label holds personal data or a workshop id', async () => {
    server = await startServer({ metrics: { token: TOKEN, allow: [] }, loginRateLimit: { maxFailures: 2, windowMs: 60_000 } });
    const before = await scrape(server.url);
    expect(value(before, 'regiebord_votes_total')).toBe(0);

    const w = await workshopWithFacilitator(server);
    const names = ['Anneke Stemmer', 'Bram Kaartschrijver'];
    const anneke = await w.participant(names[0]);
    const bram = await w.participant(names[1]);
    const board = await connectedDoc(server.wsUrl, w.workshop.id, { token: anneke.token });
    const watcher = await connectedDoc(server.wsUrl, w.workshop.id, { token: bram.token });
    addCard(board.doc, { kind: 'domain', title: 'Een kaart' });
    await eventually(() => expect(readCards(watcher.doc).map((c) => c.title)).toContain('Een kaart'));
    // Refused: voting is not open yet.
    const early = await ask<AckResult<object>>(anneke.socket, 'vote:cast', { opId: 'op-early-0000001', barrierId: 'zzzzzzzzzzzzzzzz' });
    expect(early.ok).toBe(false);
    await w.goToPhase('drempels');
    const barrier = await ask<AckResult<{ id: string }>>(bram.socket, 'barrier:add', { text: 'Regels', cardIds: [] });
    if (!barrier.ok) throw new Error(barrier.error.code);
    await w.goToPhase('stemmen');
    const vote = await ask<AckResult<object>>(anneke.socket, 'vote:cast', { opId: 'op-anneke-000001', barrierId: barrier.id });
    expect(vote.ok).toBe(true);
    for (let i = 0; i < 3; i++) {
      await new ApiClient(server.url).post('/api/login', { email: FACILITATOR.email, password: `wrong-${i}` });
    }

    const secrets = [anneke.token, bram.token, w.workshop.screenToken, w.workshop.joinCode, w.workshop.id, FACILITATOR.email, FACILITATOR.name, ...names];
    let after: ReturnType<typeof parse> = [];
    await eventually(async () => {
      after = await scrape(server!.url);
      expect(value(after, 'regiebord_stored_update_seconds_count')).toBeGreaterThan(0);
      expect(value(after, 'regiebord_board_broadcast_seconds_count')).toBeGreaterThan(0);
    });
    expect(value(after, 'regiebord_connected_clients', { plane: 'board' })).toBe(2);
    expect(value(after, 'regiebord_connected_clients', { plane: 'control' })).toBe(3);
    expect(value(after, 'regiebord_boards_loaded')).toBe(1);
    expect(value(after, 'regiebord_votes_total', { event: 'vote:cast', outcome: 'accepted' })).toBe(1);
    expect(value(after, 'regiebord_votes_total', { event: 'vote:cast', outcome: 'refused', code: (early as { error: { code: string } }).error.code })).toBe(1);
    expect(value(after, 'regiebord_socket_events_total', { event: 'barrier:add', outcome: 'ok' })).toBe(1);
    expect(value(after, 'regiebord_socket_events_total', { event: 'phase:go', outcome: 'ok' })).toBe(2);
    expect(value(after, 'regiebord_http_request_duration_seconds_count', { route: '/api/workshops', method: 'POST', status: '201' })).toBe(1);
    expect(value(after, 'regiebord_http_request_duration_seconds_count', { route: '/api/login', status: '429' })).toBe(1);
    expect(value(after, 'regiebord_rate_limited_total', { plane: 'http' })).toBe(1);
    expect(after.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(value(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    for (const sample of after) {
      for (const labelValue of Object.values(sample.labels)) {
        for (const secret of secrets) expect(labelValue).not.toContain(secret);
        expect(labelValue).not.toMatch(/\d+\.\d+\.\d+\.\d+|::1|@/);
      }
    }
    board.destroy();
    watcher.destroy();
    w.closeAll();
  });

  it('refuses an unknown caller, a wrong token, and a proxied request from an allowed address', async () => {
    server = await startServer({ metrics: { token: TOKEN, allow: ['127.0.0.1'] } });
    const url = `${server.url}/metrics`;
    expect((await fetch(url)).status).toBe(200); // from 127.0.0.1, allowed
    expect((await fetch(url, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    expect((await fetch(url, { headers: { 'x-forwarded-for': '203.0.113.9', authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    await server.stop();

    server = await startServer({ metrics: { token: TOKEN, allow: ['10.0.0.0/8', '::2'] } });
    const refused = await fetch(`${server.url}/metrics`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('NOT_ALLOWED');
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    await server.stop();

    // Not configured: nobody.
    server = await startServer();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(403);
  });
});
