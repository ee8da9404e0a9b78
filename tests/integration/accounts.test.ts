import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountListItem } from '../../shared/protocol';
import { ApiClient, FACILITATOR, facilitatorClient } from '../helpers/api';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The administrator's account screens (issue 16): list accounts, change a local account's roles,
 * switch an account off and on. OpenID Connect accounts (roles from the provider) are covered in
 * oidc.test.ts, where a provider runs.
 */
let server: TestServer;
let admin: ApiClient;
let colleague: ApiClient;
let colleagueId: string;
const COLLEAGUE = { email: 'collega@lochem.nl', password: 'collega-wachtwoord' };

beforeAll(async () => {
  server = await startServer();
  admin = await facilitatorClient(server.url);
  const invite = await admin.post<{ inviteUrl: string }>('/api/invites', { email: COLLEAGUE.email });
  colleague = new ApiClient(server.url);
  const accepted = await colleague.post<{ account: { id: string } }>('/api/invites/accept', { token: invite.body.inviteUrl.split('#')[1], name: 'Collega', password: COLLEAGUE.password });
  expect(accepted.status).toBe(201);
  colleagueId = accepted.body.account.id;
});
afterAll(async () => {
  await server.stop();
});

const patch = (api: ApiClient, id: string, body: unknown) => api.request<{ account: AccountListItem; error: { code: string } }>('PATCH', `/api/accounts/${id}`, body);

describe('account administration', () => {
  it('lists every account for an administrator, local ones marked as such, and nobody else', async () => {
    const list = await admin.get<{ accounts: AccountListItem[] }>('/api/accounts');
    expect(list.status).toBe(200);
    expect(list.body.accounts.map((a) => [a.email, a.managedBy, a.disabled])).toEqual([
      [FACILITATOR.email, 'local', false],
      [COLLEAGUE.email, 'local', false],
    ]);
    expect((await new ApiClient(server.url).get('/api/accounts')).status).toBe(401);
  });

  it('makes a local account a member: it reads the knowledge centre and tracker, runs no workshop, administers nothing', async () => {
    const changed = await patch(admin, colleagueId, { roles: ['member'] });
    expect(changed.status).toBe(200);
    expect(changed.body.account.roles).toEqual(['member']);
    // The role is read at every request: the colleague's open session follows at once.
    expect((await colleague.get('/api/knowledge/workshops')).status).toBe(200);
    expect((await colleague.get('/api/knowledge/proposals')).status).toBe(200);
    expect((await colleague.post('/api/workshops', { title: 'Niet voor leden' })).status).toBe(403);
    expect((await colleague.get('/api/accounts')).status).toBe(403);
    expect((await patch(colleague, colleagueId, { roles: ['admin'] })).status).toBe(403);
    expect((await patch(admin, colleagueId, { roles: ['facilitator'] })).body.account.roles).toEqual(['facilitator']);
    expect((await colleague.post('/api/workshops', { title: 'Weer begeleider' })).status).toBe(201);
  });

  it('switches an account off (its session ends, its password no longer signs in) and on again', async () => {
    const off = await patch(admin, colleagueId, { disabled: true });
    expect(off.body.account.disabled).toBe(true);
    expect((await colleague.get('/api/me')).status).toBe(401);
    const refused = await new ApiClient(server.url).post<{ error: { code: string } }>('/api/login', COLLEAGUE);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');
    // A wrong password still gets the usual answer: being switched off is told only to the owner.
    expect((await new ApiClient(server.url).post<{ error: { code: string } }>('/api/login', { ...COLLEAGUE, password: 'niet-het-wachtwoord' })).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await patch(admin, colleagueId, { disabled: false })).body.account.disabled).toBe(false);
    expect((await colleague.post('/api/login', COLLEAGUE)).status).toBe(200);
    expect((await colleague.get('/api/me')).status).toBe(200);
  });

  it('refuses to lock an administrator out by their own hand, and refuses malformed changes by name', async () => {
    const me = (await admin.get<{ account: { id: string } }>('/api/me')).body.account.id;
    for (const body of [{ disabled: true }, { roles: ['facilitator'] }]) {
      const res = await patch(admin, me, body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('OWN_ACCOUNT');
    }
    expect((await patch(admin, me, { roles: ['admin', 'facilitator', 'member'] })).status).toBe(200);
    for (const body of [{}, { roles: [] }, { roles: ['superuser'] }, { disabled: 'ja' }, { roles: ['member'], extra: 1 }]) {
      const res = await patch(admin, colleagueId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('INVALID_PAYLOAD');
    }
    expect((await patch(admin, 'aaaaaaaaaaaaaaaa', { disabled: true })).status).toBe(404);
  });
});
