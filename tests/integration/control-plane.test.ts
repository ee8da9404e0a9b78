import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AckResult, WorkshopDetail } from '../../shared/protocol';
import { ApiClient, createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, type ControlClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let api: ApiClient;
let workshop: WorkshopDetail;
const sockets: ControlClient[] = [];

function control(opts: Parameters<typeof connectControl>[2]): ControlClient {
  const c = connectControl(server.url, workshop.id, opts);
  sockets.push(c);
  return c;
}

beforeEach(async () => {
  server = await startServer();
  api = await facilitatorClient(server.url);
  workshop = await createWorkshop(api);
});

afterEach(async () => {
  for (const c of sockets.splice(0)) c.socket.disconnect();
  await server.stop();
});

describe('socket.io control plane', () => {
  it('tells each role what it may know on connect', async () => {
    const joined = await join(server.url, workshop.joinCode, 'Sanne');
    const participant = await control({ token: joined.token }).state;
    expect(participant.you).toEqual({ role: 'participant', participantId: joined.participantId, name: 'Sanne' });
    expect(participant.workshop).toMatchObject({ id: workshop.id, joinCode: workshop.joinCode });
    expect(participant.presence.participants).toBeUndefined();

    const screen = await control({ token: workshop.screenToken }).state;
    expect(screen.you.role).toBe('screen');

    const fac = await control({ headers: { cookie: api.cookie, origin: server.url } }).state;
    expect(fac.you).toMatchObject({ role: 'facilitator' });
    expect(fac.presence.participants).toEqual([{ participantId: joined.participantId, name: 'Sanne' }]);
  });

  it('refuses bad tokens, foreign origins, other workshops and old clients', async () => {
    const other = await createWorkshop(api, 'Ander');
    const otherToken = (await join(server.url, other.joinCode)).token;
    await expect(control({ token: 'p.not-a-real-token-at-all-xx' }).state).rejects.toThrow('UNAUTHENTICATED');
    await expect(control({ token: otherToken }).state).rejects.toThrow('UNAUTHENTICATED');
    await expect(control({}).state).rejects.toThrow('UNAUTHENTICATED');
    await expect(control({ headers: { cookie: api.cookie } }).state).rejects.toThrow('FORBIDDEN_ORIGIN');
    await expect(control({ headers: { cookie: api.cookie, 'sec-fetch-site': 'cross-site' } }).state).rejects.toThrow('FORBIDDEN_ORIGIN');
    // Our own page's same-origin request (long-polling sends no Origin) is let in.
    const same = await control({ headers: { cookie: api.cookie, 'sec-fetch-site': 'same-origin' } }).state;
    expect(same.you.role).toBe('facilitator');
    await expect(
      control({ token: workshop.screenToken, protocolVersion: 999 }).state,
    ).rejects.toThrow('PROTOCOL_MISMATCH');
    // A foreign Origin is refused before the handshake even starts.
    await expect(
      control({ headers: { cookie: api.cookie, origin: 'https://evil.example' } }).state,
    ).rejects.toThrow();
  });

  it('shows presence: the facilitator sees names, others a count', async () => {
    const fac = control({ headers: { cookie: api.cookie, origin: server.url } });
    await fac.state;
    const screen = control({ token: workshop.screenToken });
    await screen.state;
    const seenByScreen: number[] = [];
    screen.socket.on('presence', (p) => seenByScreen.push(p.count));
    const names: string[][] = [];
    fac.socket.on('presence', (p) => names.push((p.participants ?? []).map((x: { name: string }) => x.name).sort()));

    const a = control({ token: (await join(server.url, workshop.joinCode, 'Ali')).token });
    const b = control({ token: (await join(server.url, workshop.joinCode, '')).token });
    await Promise.all([a.state, b.state]);
    await eventually(() => expect(names.at(-1)).toEqual(['', 'Ali']));
    await eventually(() => expect(seenByScreen.at(-1)).toBe(2));
    a.socket.disconnect();
    await eventually(() => expect(names.at(-1)).toEqual(['']));
  });

  it('validates every event: bad payloads and unknown events get named errors, the server stays up', async () => {
    const p = control({ token: (await join(server.url, workshop.joinCode, 'Bo')).token });
    await p.state;
    for (const bad of [null, 42, 'x', [], { name: 5 }, { name: 'x'.repeat(1000) }, { __proto__: { name: 'x' } }]) {
      const res = await ask<AckResult<unknown>>(p.socket, 'participant:rename', bad);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    const unknown = await ask<AckResult<unknown>>(p.socket, 'vote:everything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    // No ack at all: nothing to answer, nothing breaks.
    p.socket.emit('participant:rename', null);

    const ok = await ask<AckResult<{ name: string }>>(p.socket, 'participant:rename', { name: '  Bo B.  ' });
    expect(ok).toEqual({ ok: true, name: 'Bo B.' });
    const screen = control({ token: workshop.screenToken });
    await screen.state;
    const refused = await ask<AckResult<unknown>>(screen.socket, 'participant:rename', { name: 'Scherm' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
