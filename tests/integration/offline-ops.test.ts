import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { PERMISSIONS } from '../../shared/phases';
import type { AckResult, WorkshopDetail } from '../../shared/protocol';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The phone's offline queue re-sends a barrier or proposal with the same operation id after a
 * timeout, a reconnect or a reload: the server must count it once.
 */
let server: TestServer;
let workshop: WorkshopDetail;
let phone: Socket;
let other: Socket;

beforeAll(async () => {
  server = await startServer();
  const api = await facilitatorClient(server.url);
  workshop = await createWorkshop(api);
  const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
  await fac.state;
  await ask(fac.socket, 'phases:set', { phases: [{ id: 'alles', kind: 'voorstellen', permissions: [...PERMISSIONS] }] });
  fac.socket.disconnect();
  for (const name of ['Telefoon A', 'Telefoon B']) {
    const { token } = await join(server.url, workshop.joinCode, name);
    const c = connectControl(server.url, workshop.id, { token });
    await c.state;
    if (name === 'Telefoon A') phone = c.socket;
    else other = c.socket;
  }
});

afterAll(async () => {
  phone.disconnect();
  other.disconnect();
  await server.stop();
});

describe('operation ids on barriers and proposals', () => {
  it('a barrier sent twice with one opId is added once, and both answers name it', async () => {
    const payload = { text: 'Geen budget voor fietspaden', cardIds: [], opId: 'offline-barrier-0001' };
    const first = await ask<AckResult<{ id: string }>>(phone, 'barrier:add', payload);
    const again = await ask<AckResult<{ id: string }>>(phone, 'barrier:add', payload);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.id).toBe(first.id);
    const barriers = await server.app.storage.method.listBarriers(workshop.id);
    expect(barriers.filter((b) => b.text === payload.text)).toHaveLength(1);

    // Another phone's opId never reaches this barrier, even with the same value.
    const theirs = await ask<AckResult<{ id: string }>>(other, 'barrier:add', payload);
    expect(theirs.ok && theirs.id !== first.id).toBe(true);
    // Without an opId every send adds a barrier (as before).
    const plain = { text: 'Zonder opId', cardIds: [] };
    await ask(phone, 'barrier:add', plain);
    await ask(phone, 'barrier:add', plain);
    expect((await server.app.storage.method.listBarriers(workshop.id)).filter((b) => b.text === plain.text)).toHaveLength(2);
  });

  it('a proposal sent twice with one opId is added once', async () => {
    const b = await ask<AckResult<{ id: string }>>(phone, 'barrier:add', { text: 'Drempel voor voorstel', cardIds: [] });
    if (!b.ok) throw new Error('barrier');
    const payload = { barrierId: b.id, cardId: null, text: 'Proef met deelfietsen', kind: 'versnellen', opId: 'offline-proposal-01' };
    const first = await ask<AckResult<{ id: string }>>(phone, 'proposal:add', payload);
    const again = await ask<AckResult<{ id: string }>>(phone, 'proposal:add', payload);
    expect(first.ok && again.ok && again.id === first.id).toBe(true);
    const proposals = await server.app.storage.method.listProposals(workshop.id);
    expect(proposals.filter((p) => p.text === payload.text)).toHaveLength(1);
  });

  it('refuses a malformed opId at the boundary', async () => {
    const bad = await ask<AckResult<{ id: string }>>(phone, 'barrier:add', { text: 'x', cardIds: [], opId: 'kort' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_PAYLOAD');
  });
});
