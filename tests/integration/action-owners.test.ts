import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCards } from '../../shared/board';
import type { OwnerAction, OwnerLinkCreated, ProgressEntry, ProposalFollowUp } from '../../shared/followUp';
import type { TrackedProposal } from '../../shared/knowledge';
import type { AckResult } from '../../shared/protocol';
import { ApiClient } from '../helpers/api';
import { ask, connectControl, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';
import { workshopWithFacilitator } from '../helpers/workshop';
import { sqlRows } from '../helpers/engine';
import { routeTable } from '../helpers/routes';

/**
 * Action owners without an account: the personal update link (issue 17).
 * A real server, real sockets; the owner is a plain HTTP client with the token
 * in its Authorization header, as the owner page sends it.
 */
let server: TestServer;
let w: Awaited<ReturnType<typeof workshopWithFacilitator>>;
let doc: DocClient;
let proposalId: string;
let otherProposalId: string;
let barrierId: string;
let link: OwnerLinkCreated;
let token: string;

const ok = async <T>(res: Promise<AckResult<T>>): Promise<T> => {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
};
const owner = (t: string) => new ApiClient(server.url, { authorization: `Bearer ${t}` });

beforeAll(async () => {
  server = await startServer();
  w = await workshopWithFacilitator(server, 'Werksessie Energie');
  await w.api.post(`/api/workshops/${w.workshop.id}/cards`, { cards: [{ kind: 'domain', title: 'Energietransitie' }] });
  doc = await connectedDoc(server.wsUrl, w.workshop.id, { headers: { cookie: w.api.cookie, origin: server.url } });
  await eventually(() => readCards(doc.doc).length === 1);
  const cardId = readCards(doc.doc)[0]!.id;
  await w.goToPhase('drempels');
  barrierId = (await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'barrier:add', { text: 'Netcongestie remt zonneparken', cardIds: [cardId] }))).id;
  await w.goToPhase('voorstellen');
  proposalId = (
    await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'proposal:add', { cardId, barrierId, text: 'Netbeheerder aan tafel', kind: 'versnellen', owner: '', dueDate: '2027-03-01' }))
  ).id;
  otherProposalId = (await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'proposal:add', { cardId, text: 'Ander voorstel', kind: 'verdiepen', owner: 'Iemand' }))).id;
  const alarm = await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'alarm:raise', { targetType: 'barrier', targetId: barrierId, reason: 'Wachtlijst groeit' }));
  await ok(ask(w.facilitator.socket, 'alarm:decide', { alarmId: alarm.id, status: 'confirmed' }));
  const res = await w.api.post<OwnerLinkCreated>(`/api/knowledge/proposals/${proposalId}/owner-link`, { owner: 'Directeur Ruimte' });
  expect(res.status).toBe(201);
  link = res.body;
  token = link.path.split('#')[1]!;
});

afterAll(async () => {
  doc.destroy();
  w.closeAll();
  await server.stop();
});

describe('the owner link', () => {
  it('is a path with the token in the fragment; only its hash is stored', async () => {
    expect(link.path).toMatch(/^\/actie#a\.[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ owner: 'Directeur Ruimte', revokedAt: null });
    expect(link.expiresAt).toBeGreaterThan(Date.now());
    const dump = JSON.stringify(await sqlRows(server, 'SELECT * FROM owner_links'));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(2));
  });

  it('shows the action point with its workshop, card, barrier and alarms', async () => {
    const res = await owner(token).get<OwnerAction>('/api/owner/action');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.body).toMatchObject({
      proposal: { id: proposalId, text: 'Netbeheerder aan tafel', owner: 'Directeur Ruimte', status: 'open', dueDate: '2027-03-01' },
      workshop: { title: 'Werksessie Energie' },
      cardTitle: 'Energietransitie',
      barrierText: 'Netcongestie remt zonneparken',
      alarms: ['Wachtlijst groeit'],
    });
    // Assigning the owner is the first history entry, by the facilitator.
    expect(res.body.history.map((e) => [e.actor, e.owner])).toEqual([['facilitator', 'Directeur Ruimte']]);
  });

  it('records status, note and a new due date with its reason; a live workshop receives the change', async () => {
    const res = await owner(token).post<{ entry: ProgressEntry; action: OwnerAction }>('/api/owner/progress', {
      status: 'in-uitvoering',
      note: 'Eerste overleg gepland',
    });
    expect(res.status).toBe(201);
    expect(res.body.entry).toMatchObject({ actor: 'owner', actorName: 'Directeur Ruimte', status: 'in-uitvoering', note: 'Eerste overleg gepland' });
    await eventually(() =>
      expect((w.facilitator.events.get('proposals') as { id: string; status: string }[]).find((p) => p.id === proposalId)?.status).toBe('in-uitvoering'),
    );
    // A new due date needs a reason.
    expect((await owner(token).post('/api/owner/progress', { dueDate: '2027-06-01' })).status).toBe(400);
    expect((await owner(token).post('/api/owner/progress', {})).status).toBe(400);
    expect((await owner(token).post('/api/owner/progress', { status: 'klaar' })).status).toBe(400);
    const later = await owner(token).post<{ action: OwnerAction }>('/api/owner/progress', { dueDate: '2027-06-01', dueReason: 'Netbeheerder pas in mei beschikbaar', note: '' });
    expect(later.status).toBe(201);
    expect(later.body.action.proposal.dueDate).toBe('2027-06-01');
    await eventually(() =>
      expect((w.facilitator.events.get('proposals') as { id: string; dueDate: string }[]).find((p) => p.id === proposalId)?.dueDate).toBe('2027-06-01'),
    );
  });

  it('lists every change in order, from the owner and from the tracker, and the tracker shows the result', async () => {
    expect((await w.api.request('PATCH', `/api/knowledge/proposals/${proposalId}`, { status: 'gereed' })).status).toBe(200);
    expect((await w.api.post(`/api/knowledge/proposals/${proposalId}/progress`, { note: 'Afgesproken in de stuurgroep' })).status).toBe(201);
    const followUp = (await w.api.get<ProposalFollowUp>(`/api/knowledge/proposals/${proposalId}/follow-up`)).body;
    expect(followUp.history.map((e) => [e.actor, e.status, e.dueDate, e.note])).toEqual([
      ['facilitator', null, null, ''],
      ['owner', 'in-uitvoering', null, 'Eerste overleg gepland'],
      ['owner', null, '2027-06-01', ''],
      ['facilitator', 'gereed', null, ''],
      ['facilitator', null, null, 'Afgesproken in de stuurgroep'],
    ]);
    expect(followUp.history[2]!.dueReason).toBe('Netbeheerder pas in mei beschikbaar');
    const ats = followUp.history.map((e) => e.at);
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    expect(followUp.link).toMatchObject({ owner: 'Directeur Ruimte', revokedAt: null });
    const tracked = (await w.api.get<{ proposals: TrackedProposal[] }>('/api/knowledge/proposals')).body.proposals.find((p) => p.id === proposalId);
    expect(tracked).toMatchObject({ status: 'gereed', dueDate: '2027-06-01', owner: 'Directeur Ruimte' });
  });
});

describe('the link opens nothing else', () => {
  it('is refused by every other REST route, as a bearer header, a cookie or a query', async () => {
    const paths = [
      '/api/me',
      '/api/workshops',
      `/api/workshops/${w.workshop.id}`,
      `/api/workshops/${w.workshop.id}/report`,
      `/api/workshops/${w.workshop.id}/export?format=json`,
      '/api/knowledge/workshops',
      '/api/knowledge/proposals',
      `/api/knowledge/proposals/${proposalId}/follow-up`,
      '/api/register',
      '/api/knowledge/barriers',
    ];
    for (const p of paths) {
      expect((await owner(token).get(p)).status, p).toBe(401);
      expect((await new ApiClient(server.url, { cookie: `rb_session=${token}` }).get(p)).status, p).toBe(401);
    }
    expect((await owner(token).request('PATCH', `/api/knowledge/proposals/${otherProposalId}`, { status: 'gereed' })).status).toBe(401);
    expect((await owner(token).post(`/api/knowledge/proposals/${otherProposalId}/progress`, { note: 'x' })).status).toBe(401);
    expect((await owner(token).post(`/api/knowledge/proposals/${proposalId}/owner-link`, {})).status).toBe(401);
    expect((await owner(token).request('DELETE', `/api/knowledge/proposals/${proposalId}/owner-link`)).status).toBe(401);
  });

  it('opens no other route of the server: every route in the route table answers it as it answers nobody', async () => {
    const routes = routeTable(server.app.routes);
    expect(routes.length).toBeGreaterThan(50);
    const fill = (path: string) =>
      path
        .replace('/knowledge/proposals/:id', `/knowledge/proposals/${proposalId}`)
        .replace('/workshops/:id', `/workshops/${w.workshop.id}`)
        .replace('/public/progress/:token', `/public/progress/${encodeURIComponent(token)}`)
        .replace(':name', 'privacy')
        .replace(':id', 'aaaaaaaaaaaaaaaa')
        .replace('{*path}', 'actie');
    const answered: string[] = [];
    for (const { method, path } of routes) {
      if (path === '/api/owner/action' || path === '/api/owner/progress') continue;
      const url = fill(path);
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const nobody = (await new ApiClient(server.url).request(method, url, body)).status;
      const ways = {
        bearer: (await owner(token).request(method, url, body)).status,
        cookie: (await new ApiClient(server.url, { cookie: `rb_session=${token}` }).request(method, url, body)).status,
        query: (await new ApiClient(server.url).request(method, `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`, body)).status,
      };
      for (const [way, status] of Object.entries(ways)) expect(status, `${method} ${url} with the token as ${way}`).toBe(nobody);
      if (nobody < 400) answered.push(`${method} ${path}`);
      // Refused: 401/404, 403 for /metrics (closed unless configured), 400 where a body is checked first.
      else expect([400, 401, 403, 404], `${method} ${url}`).toContain(nobody);
    }
    // What answers without any credential at all: the public pages and entry points, nothing of a workshop.
    expect(answered.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'GET /api/site',
        'GET /api/site/pages/:name',
        'GET /api/setup',
        'POST /api/logout',
        'POST /api/auth/oidc/logout',
        'GET /api/templates',
        'GET /api/auth/oidc',
        'GET /sw.js',
        'GET /{*path}',
      ].sort(),
    );
  });

  it('is refused by the control plane and the board, however it is sent', async () => {
    const ways: { token?: string; headers?: Record<string, string> }[] = [
      { token },
      { headers: { authorization: `Bearer ${token}`, origin: server.url } },
      { headers: { cookie: `rb_session=${token}`, origin: server.url } },
    ];
    for (const opts of ways) {
      const c = connectControl(server.url, w.workshop.id, opts);
      await expect(c.state, JSON.stringify(Object.keys(opts))).rejects.toThrow(/UNAUTHENTICATED/);
      c.socket.disconnect();
    }
    const upgrade = (query: string, headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server.wsUrl}/yjs/${w.workshop.id}${query}`, { headers });
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => resolve(-1));
      });
    expect(await upgrade(`?token=${encodeURIComponent(token)}`, {})).toBe(401);
    expect(await upgrade('', { authorization: `Bearer ${token}`, origin: server.url })).toBe(401);
    expect(await upgrade('', { cookie: `rb_session=${token}`, origin: server.url })).toBe(401);
  });

  it('changes only its own proposal, whatever the body says', async () => {
    const before = (await w.api.get<{ proposals: TrackedProposal[] }>('/api/knowledge/proposals')).body.proposals.find((p) => p.id === otherProposalId)!;
    await owner(token).post('/api/owner/progress', { note: 'alleen de eigen actie', proposalId: otherProposalId, id: otherProposalId });
    const after = (await w.api.get<{ proposals: TrackedProposal[] }>('/api/knowledge/proposals')).body.proposals.find((p) => p.id === otherProposalId)!;
    expect(after).toEqual(before);
    expect((await w.api.get<ProposalFollowUp>(`/api/knowledge/proposals/${otherProposalId}/follow-up`)).body.history).toEqual([]);
  });

  it('refuses a participant token, a screen token, a made-up and a malformed one on the owner routes', async () => {
    const p = await w.participant('Piet');
    for (const t of [p.token, w.workshop.screenToken, `a.${'x'.repeat(43)}`, 'a.', '']) {
      expect((await owner(t).get('/api/owner/action')).status, t).toBe(401);
      expect((await owner(t).post('/api/owner/progress', { note: 'x' })).status, t).toBe(401);
    }
    expect((await w.api.get('/api/owner/action')).status).toBe(401);
  });
});

describe('revoked and expired links', () => {
  it('a new link replaces the old one; a revoked link is refused', async () => {
    const second = (await w.api.post<OwnerLinkCreated>(`/api/knowledge/proposals/${proposalId}/owner-link`, {})).body;
    const secondToken = second.path.split('#')[1]!;
    expect(secondToken).not.toBe(token);
    expect((await owner(token).get('/api/owner/action')).status).toBe(401);
    expect((await owner(secondToken).get('/api/owner/action')).status).toBe(200);
    expect((await w.api.request('DELETE', `/api/knowledge/proposals/${proposalId}/owner-link`)).status).toBe(204);
    expect((await owner(secondToken).get('/api/owner/action')).status).toBe(401);
    expect((await owner(secondToken).post('/api/owner/progress', { note: 'te laat' })).status).toBe(401);
    expect((await w.api.get<ProposalFollowUp>(`/api/knowledge/proposals/${proposalId}/follow-up`)).body.link?.revokedAt).toBeGreaterThan(0);
  });

  it('expires with the workshop\'s retention date', async () => {
    const third = (await w.api.post<OwnerLinkCreated>(`/api/knowledge/proposals/${otherProposalId}/owner-link`, {})).body;
    const t = third.path.split('#')[1]!;
    expect((await owner(t).get('/api/owner/action')).status).toBe(200);
    await server.app.storage.knowledge.setRetention(w.workshop.id, Date.now() - 1000);
    expect((await owner(t).get('/api/owner/action')).status).toBe(401);
    expect((await owner(t).post('/api/owner/progress', { note: 'na de bewaartermijn' })).status).toBe(401);
  });
});

describe('assigning', () => {
  it('needs an owner, a known proposal and a signed-in account', async () => {
    const w2 = await workshopWithFacilitator(server, 'Zonder eigenaar');
    await w2.goToPhase('drempels');
    const b = (await ok(ask<AckResult<{ id: string }>>(w2.facilitator.socket, 'barrier:add', { text: 'Geen eigenaar', cardIds: [] }))).id;
    await w2.goToPhase('voorstellen');
    const p = (await ok(ask<AckResult<{ id: string }>>(w2.facilitator.socket, 'proposal:add', { barrierId: b, text: 'Nog niemand', kind: 'verdiepen', owner: '' }))).id;
    expect((await w2.api.post(`/api/knowledge/proposals/${p}/owner-link`, {})).status).toBe(400);
    expect((await w2.api.post('/api/knowledge/proposals/aaaaaaaaaaaaaaaa/owner-link', { owner: 'X' })).status).toBe(404);
    expect((await new ApiClient(server.url).post(`/api/knowledge/proposals/${p}/owner-link`, { owner: 'X' })).status).toBe(401);
    expect((await w2.api.post(`/api/knowledge/proposals/${p}/owner-link`, { owner: 'Afdeling Wonen' })).status).toBe(201);
    w2.closeAll();
  });
});

describe('the stuurgroep (an account with the member role)', () => {
  it('assigns an owner and records progress as `stuurgroep`; an administrator-only account may not', async () => {
    const lid = { email: 'stuurgroep@lochem.nl', password: 'stuurgroep-wachtwoord' };
    const invite = async (email: string, name: string, password: string, roles: string[]) => {
      const link = await w.api.post<{ inviteUrl: string }>('/api/invites', { email });
      const api = new ApiClient(server.url);
      const accepted = await api.post<{ account: { id: string } }>('/api/invites/accept', { token: link.body.inviteUrl.split('#')[1], name, password });
      expect((await w.api.request('PATCH', `/api/accounts/${accepted.body.account.id}`, { roles })).status).toBe(200);
      return api;
    };
    const member = await invite(lid.email, 'Sanne Stuurgroep', lid.password, ['member']);
    const adminOnly = await invite('beheer@lochem.nl', 'Bas Beheer', 'beheer-wachtwoord', ['admin']);
    expect((await member.post(`/api/knowledge/proposals/${otherProposalId}/owner-link`, { owner: 'Afdeling Economie' })).status).toBe(201);
    const progress = await member.post<{ entry: ProgressEntry }>(`/api/knowledge/proposals/${otherProposalId}/progress`, { note: 'Besproken in de stuurgroep' });
    expect(progress.status).toBe(201);
    expect(progress.body.entry).toMatchObject({ actor: 'stuurgroep', actorName: 'Sanne Stuurgroep' });
    const history = (await w.api.get<ProposalFollowUp>(`/api/knowledge/proposals/${otherProposalId}/follow-up`)).body.history;
    expect(history.at(-1)).toMatchObject({ actor: 'stuurgroep', note: 'Besproken in de stuurgroep' });
    expect((await adminOnly.post(`/api/knowledge/proposals/${otherProposalId}/progress`, { note: 'x' })).status).toBe(403);
    expect((await adminOnly.post(`/api/knowledge/proposals/${otherProposalId}/owner-link`, { owner: 'X' })).status).toBe(403);
  });
});
