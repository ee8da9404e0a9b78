import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, FACILITATOR, createWorkshop, facilitatorClient, join } from '../helpers/api';
import { startServer, type TestServer } from '../helpers/server';
import type { JoinResult, WorkshopDetail } from '../../shared/protocol';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

function expectError(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
}

describe('accounts', () => {
  it('allows setup only while no account exists, and logs in right away', async () => {
    const api = new ApiClient(server.url);
    expect((await api.get('/api/setup')).body).toEqual({ needed: true });
    const first = await api.post('/api/setup', FACILITATOR);
    expect(first.status).toBe(201);
    const cookie = first.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await api.get('/api/me')).status).toBe(200);

    const again = await new ApiClient(server.url).post('/api/setup', { ...FACILITATOR, email: 'x@y.nl' });
    expect(again.status).toBe(409);
    expectError(again.body, 'SETUP_DONE');
    expect((await api.get('/api/setup')).body).toEqual({ needed: false });
  });

  it('logs in with the right password only, and logs out', async () => {
    await facilitatorClient(server.url);
    const api = new ApiClient(server.url);
    const wrong = await api.post('/api/login', { email: FACILITATOR.email, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expectError(wrong.body, 'INVALID_CREDENTIALS');
    const unknown = await api.post('/api/login', { email: 'nobody@lochem.nl', password: 'whatever-pass' });
    expect(unknown.status).toBe(401);

    const ok = await api.post('/api/login', { email: 'FENNA@lochem.nl', password: FACILITATOR.password });
    expect(ok.status).toBe(200);
    expect((await api.get('/api/me')).body).toMatchObject({ account: { email: FACILITATOR.email } });
    expect((await api.post('/api/logout')).status).toBe(204);
    expect((await api.get('/api/me')).status).toBe(401);
  });

  it('stores passwords hashed with scrypt, never in plain text', async () => {
    await facilitatorClient(server.url);
    const account = await server.app.storage.findAccountByEmail(FACILITATOR.email);
    expect(account?.passwordHash).toMatch(/^scrypt\$/);
    expect(account?.passwordHash).not.toContain(FACILITATOR.password);
  });

  it('invites another facilitator with a one-time link; the invited account may facilitate, not administer', async () => {
    const api = await facilitatorClient(server.url);
    // The first account sets the place up and manages the accounts after it.
    expect(((await api.get<{ account: { roles: string[] } }>('/api/me')).body.account.roles).sort()).toEqual(['admin', 'facilitator']);
    const invite = await api.post<{ inviteUrl: string }>('/api/invites', { email: 'tweede@lochem.nl' });
    expect(invite.status).toBe(201);
    const token = invite.body.inviteUrl.split('#')[1]!;
    expect(invite.body.inviteUrl).toContain('/uitnodiging#');

    const guest = new ApiClient(server.url);
    const accepted = await guest.post('/api/invites/accept', { token, name: 'Tweede', password: 'another-long-pass' });
    expect(accepted.status).toBe(201);
    expect((await guest.get('/api/me')).body).toMatchObject({ account: { email: 'tweede@lochem.nl', roles: ['facilitator'] } });
    // Least privilege: an administrator adds roles in the accounts panel when they are needed.
    expect((await guest.get('/api/accounts')).status).toBe(403);
    expect((await guest.post('/api/invites', { email: 'derde@lochem.nl' })).status).toBe(403);
    const reused = await new ApiClient(server.url).post('/api/invites/accept', { token, name: 'X', password: 'another-long-pass' });
    expect(reused.status).toBe(404);
    expectError(reused.body, 'INVITE_INVALID');
    expect((await new ApiClient(server.url).post('/api/invites', { email: 'a@b.nl' })).status).toBe(401);
  });
});

describe('workshops and joining', () => {
  it('creates a workshop with an 8-digit join code, only when logged in', async () => {
    const anonymous = await new ApiClient(server.url).post('/api/workshops', { title: 'X' });
    expect(anonymous.status).toBe(401);
    expectError(anonymous.body, 'UNAUTHENTICATED');

    const api = await facilitatorClient(server.url);
    const res = await api.post<WorkshopDetail>('/api/workshops', { title: 'Klimaatbeleid 2026' });
    expect(res.status).toBe(201);
    expect(res.body.joinCode).toMatch(/^[0-9]{8}$/);
    expect(res.body.template.quadrants.map((q) => q.label)).toEqual([
      'Retro in Control',
      'Manoeuvres in de Markt',
      'Maatschappelijke Carrousel',
      'Flashmob',
    ]);
    expect(res.body.screenToken).toMatch(/^s\./);
    const list = await api.get<{ workshops: { id: string }[] }>('/api/workshops');
    expect(list.body.workshops.map((w) => w.id)).toContain(res.body.id);
    const other = await api.post<WorkshopDetail>('/api/workshops', { title: 'NSOB', template: 'nsob-vier-perspectieven' });
    expect(other.body.template.id).toBe('nsob-vier-perspectieven');
    const badTemplate = await api.post('/api/workshops', { title: 'X', template: 'bestaat-niet' });
    expect(badTemplate.status).toBe(400);

    // Another facilitator sees and opens only their own workshops.
    const invite = await api.post<{ inviteUrl: string }>('/api/invites', { email: 'ander@lochem.nl' });
    const colleague = new ApiClient(server.url);
    await colleague.post('/api/invites/accept', { token: invite.body.inviteUrl.split('#')[1], name: 'Ander', password: 'another-long-pass' });
    expect((await colleague.get<{ workshops: unknown[] }>('/api/workshops')).body.workshops).toEqual([]);
    const refused = await colleague.get(`/api/workshops/${res.body.id}`);
    expect(refused.status).toBe(403);
    expectError(refused.body, 'NOT_ALLOWED');
  });

  it('joins by code with or without a name; an unknown code is 404 with a named error', async () => {
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const named = await join(server.url, workshop.joinCode, 'Sanne');
    expect(named.workshopId).toBe(workshop.id);
    expect(named.token).toMatch(/^p\./);
    const spaced = await new ApiClient(server.url).post<JoinResult>('/api/join', {
      code: `${workshop.joinCode.slice(0, 4)} ${workshop.joinCode.slice(4)}`,
      name: '',
    });
    expect(spaced.status).toBe(200);

    const wrongCode = workshop.joinCode === '00000000' ? '00000001' : '00000000';
    const unknown = await new ApiClient(server.url).post('/api/join', { code: wrongCode, name: 'X' });
    expect(unknown.status).toBe(404);
    expectError(unknown.body, 'UNKNOWN_CODE');
  });

  it('rate-limits failed code lookups per client, but not successful joins', async () => {
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api);
    const guesser = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      let code = String(10_000_000 + i);
      if (code === workshop.joinCode) code = String(20_000_000 + i);
      statuses.push((await guesser.post('/api/join', { code, name: '' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const blocked = await guesser.post('/api/join', { code: workshop.joinCode, name: '' });
    expect(blocked.status).toBe(429);
    expectError(blocked.body, 'RATE_LIMITED');
  });

  it('serves a QR code for the join page', async () => {
    const res = await fetch(`${server.url}/api/join-qr.svg?code=12345678`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toContain('<svg');
    expect((await fetch(`${server.url}/api/join-qr.svg?code=abc`)).status).toBe(400);
  });
});

describe('bad input and headers', () => {
  it('answers malformed bodies with INVALID_PAYLOAD and keeps running', async () => {
    const api = new ApiClient(server.url);
    for (const body of ['{not json', '[]', 'null', JSON.stringify({ code: 12345678 }), JSON.stringify({ code: '1', name: 'x'.repeat(500) })]) {
      const res = await api.request('POST', '/api/join', body, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expectError(res.body, 'INVALID_PAYLOAD');
    }
    const huge = await api.request('POST', '/api/setup', JSON.stringify({ name: 'x'.repeat(100_000) }), {
      'content-type': 'application/json',
    });
    expect(huge.status).toBe(413);
    expectError(huge.body, 'PAYLOAD_TOO_LARGE');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers in English when asked', async () => {
    const res = await new ApiClient(server.url, { 'accept-language': 'en-GB,en' }).post('/api/join', { code: 'x' });
    expect(res.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD', message: 'The data is not valid. (code)' } });
  });

  it('refuses writes from a foreign Origin', async () => {
    const res = await new ApiClient(server.url, { origin: 'https://evil.example' }).post('/api/setup', FACILITATOR);
    expect(res.status).toBe(403);
    expectError(res.body, 'FORBIDDEN_ORIGIN');
    expect((await new ApiClient(server.url).get('/api/setup')).body).toEqual({ needed: true });
  });

  it('sends strict security headers and no referrer', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown API routes with a named 404', async () => {
    const res = await new ApiClient(server.url).get('/api/bestaat-niet');
    expect(res.status).toBe(404);
    expectError(res.body, 'NOT_FOUND');
  });
});
