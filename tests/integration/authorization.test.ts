import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/board';
import type { AckResult, WorkshopDetail } from '../../shared/protocol';
import { clientEvents } from '../../shared/schemas';
import { ApiClient, createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The authorization matrix: every REST route and every socket event, for every
 * kind of caller, among them the account roles of issue 16: `member` (the action
 * group and the stuurgroep: reads the knowledge centre and the tracker, follows
 * up proposals, runs no workshop) and `admin` (an administrator who only manages
 * accounts). The expected table is written out here on purpose, independent of
 * the server's own EVENT_ROLES, so a change there that widens access fails.
 */
const ROLES = ['nobody', 'participant', 'otherParticipant', 'screen', 'facilitator', 'otherFacilitator', 'actionOwner', 'member', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

let server: TestServer;
let workshop: WorkshopDetail;
/** The owner's second workshop, for the rows that change a workshop (finish, delete, ...). */
let scratch: WorkshopDetail;
const creds = {} as Record<RoleName, { cookie?: string; token?: string }>;
/** Passwords of the accounts, for the logout row (which needs a session of its own). */
const logins: Partial<Record<RoleName, { email: string; password: string }>> = {
  facilitator: { email: 'fenna@lochem.nl', password: 'correct-horse-battery' },
  otherFacilitator: { email: 'ander@lochem.nl', password: 'another-long-pass' },
  member: { email: 'stuurgroep@lochem.nl', password: 'stuurgroep-wachtwoord' },
  admin: { email: 'beheer@lochem.nl', password: 'beheer-wachtwoord' },
};

/** An invited account, given `roles` by the first account (an administrator) through /api/accounts. */
async function accountWithRoles(owner: ApiClient, role: 'member' | 'admin'): Promise<ApiClient> {
  const login = logins[role]!;
  const invite = await owner.post<{ inviteUrl: string }>('/api/invites', { email: login.email });
  const api = new ApiClient(server.url);
  const accepted = await api.post<{ account: { id: string } }>('/api/invites/accept', { token: invite.body.inviteUrl.split('#')[1], name: role, password: login.password });
  const changed = await owner.request('PATCH', `/api/accounts/${accepted.body.account.id}`, { roles: [role] });
  if (changed.status !== 200) throw new Error(`roles: ${changed.status}`);
  return api;
}

beforeAll(async () => {
  server = await startServer();
  const owner = await facilitatorClient(server.url);
  workshop = await createWorkshop(owner);
  scratch = await createWorkshop(owner, 'Kladwerksessie');
  const invite = await owner.post<{ inviteUrl: string }>('/api/invites', { email: 'ander@lochem.nl' });
  const other = new ApiClient(server.url);
  await other.post('/api/invites/accept', { token: invite.body.inviteUrl.split('#')[1], name: 'Ander', password: 'another-long-pass' });
  const otherWorkshop = await createWorkshop(other, 'Andere werksessie');
  creds.nobody = {};
  creds.participant = { token: (await join(server.url, workshop.joinCode, 'Deelnemer')).token };
  creds.otherParticipant = { token: (await join(server.url, otherWorkshop.joinCode, 'Elders')).token };
  creds.screen = { token: workshop.screenToken };
  creds.facilitator = { cookie: owner.cookie };
  creds.otherFacilitator = { cookie: other.cookie };
  creds.member = { cookie: (await accountWithRoles(owner, 'member')).cookie };
  creds.admin = { cookie: (await accountWithRoles(owner, 'admin')).cookie };
  // An action owner's update link (issue 17): it opens the owner routes and nothing else.
  const fac = connectControl(server.url, workshop.id, { headers: { cookie: owner.cookie, origin: server.url } });
  await fac.state;
  await ask(fac.socket, 'phase:go', { phaseId: 'drempels' });
  const barrier = await ask<AckResult<{ id: string }>>(fac.socket, 'barrier:add', { text: 'Drempel', cardIds: [] });
  await ask(fac.socket, 'phase:go', { phaseId: 'voorstellen' });
  const proposal = await ask<AckResult<{ id: string }>>(fac.socket, 'proposal:add', { barrierId: barrier.ok && barrier.id, text: 'Actie', kind: 'versnellen', owner: 'Eigenaar' });
  await ask(fac.socket, 'phase:go', { phaseId: 'welkom' });
  fac.socket.disconnect();
  const link = await owner.post<{ path: string }>(`/api/knowledge/proposals/${proposal.ok && proposal.id}/owner-link`, {});
  creds.actionOwner = { token: link.body.path.split('#')[1]! };
});

afterAll(async () => {
  await server.stop();
});

function apiAs(role: RoleName): ApiClient {
  // Every token is offered as a bearer header too: only the owner routes accept the action owner's.
  const api = new ApiClient(server.url, creds[role].token ? { authorization: `Bearer ${creds[role].token}` } : {});
  api.cookie = creds[role].cookie ?? '';
  return api;
}

describe('REST routes × roles', () => {
  // Participants and the screen authenticate on the realtime channels only; on REST they are nobody.
  const F = 'facilitator' as const;
  // Both facilitators' accounts are local ones from before roles: facilitator and administrator.
  const facilitators = (r: RoleName) => r === F || r === 'otherFacilitator';
  const signedIn = (r: RoleName) => facilitators(r) || r === 'member' || r === 'admin';
  /** A signed-in account without the role gets 403; a caller without an account 401. */
  const byRole = (has: (r: RoleName) => boolean, ok: number) => (r: RoleName) => (has(r) ? ok : signedIn(r) ? 403 : 401);
  const facilitates = (ok: number) => byRole(facilitators, ok);
  /** The knowledge centre and the tracker: facilitators and members read. */
  const reads = (ok: number) => byRole((r) => facilitators(r) || r === 'member', ok);
  /** Following up proposals (issue 17): facilitators and the stuurgroep (members). */
  const followsUp = reads;
  /**
   * Accounts: the first account (setup gives it facilitator and admin) and administrators. An
   * invited facilitator (otherFacilitator) has the facilitator role only: least privilege.
   */
  const administers = (ok: number) => byRole((r) => r === F || r === 'admin', ok);
  /** Routes of one workshop: its own facilitator only; every other account 403. */
  const ownerOnly = (ok: number) => (r: RoleName) => (r === F ? ok : signedIn(r) ? 403 : 401);
  const none = () => undefined;
  const table: [method: string, path: () => string, body: () => unknown, expected: (role: RoleName) => number][] = [
    ['GET', () => '/healthz', none, () => 200],
    ['GET', () => '/api/setup', none, () => 200],
    ['POST', () => '/api/setup', () => ({ name: 'X', email: 'x@y.nl', password: 'lang-genoeg-ww' }), () => 409],
    ['GET', () => '/api/me', none, (r) => (signedIn(r) ? 200 : 401)],
    ['POST', () => '/api/invites', () => ({ email: `nieuw${Math.random().toString(36).slice(2)}@lochem.nl` }), administers(201)],
    // Account administration (issue 16).
    ['GET', () => '/api/accounts', none, administers(200)],
    ['PATCH', () => '/api/accounts/aaaaaaaaaaaaaaaa', () => ({ disabled: true }), administers(404)],
    ['GET', () => '/api/templates', none, () => 200],
    ['GET', () => '/api/workshops', none, facilitates(200)],
    ['POST', () => '/api/workshops', () => ({ title: 'Nieuw' }), facilitates(201)],
    ['GET', () => `/api/workshops/${workshop.id}`, none, ownerOnly(200)],
    ['POST', () => '/api/join', () => ({ code: workshop.joinCode, name: '' }), () => 200],
    ['GET', () => `/api/join-qr.svg?code=${workshop.joinCode}`, none, () => 200],
    // The knowledge centre: facilitators read and file, members read; only the owner changes a workshop.
    ['GET', () => '/api/knowledge/workshops', none, reads(200)],
    ['GET', () => '/api/knowledge/search?q=lochem', none, reads(200)],
    ['GET', () => '/api/knowledge/barriers', none, reads(200)],
    ['POST', () => '/api/knowledge/barriers/link', () => ({ barrierIds: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'] }), facilitates(404)],
    ['POST', () => '/api/knowledge/barriers/unlink', () => ({ barrierId: 'aaaaaaaaaaaaaaaa' }), facilitates(404)],
    ['GET', () => '/api/knowledge/proposals?overdue=true', none, reads(200)],
    // The tracker's quick change is follow-up: the stuurgroep makes it too.
    ['PATCH', () => '/api/knowledge/proposals/aaaaaaaaaaaaaaaa', () => ({ status: 'gereed' }), followsUp(404)],
    ['GET', () => `/api/knowledge/compare?from=${workshop.id}&to=${scratch.id}`, none, reads(200)],
    ['GET', () => '/api/register', none, reads(200)],
    ['POST', () => '/api/register', () => ({ kind: 'domain', title: `Domein ${Math.random().toString(36).slice(2)}` }), facilitates(201)],
    ['GET', () => '/api/register/aaaaaaaaaaaaaaaa', none, reads(404)],
    ['PATCH', () => '/api/register/aaaaaaaaaaaaaaaa', () => ({ title: 'X' }), facilitates(404)],
    ['POST', () => '/api/workshops/import', () => ({ kind: 'iets anders' }), facilitates(400)],
    ['GET', () => `/api/workshops/${workshop.id}/export?format=json`, none, reads(200)],
    ['GET', () => `/api/workshops/${workshop.id}/report`, none, reads(200)],
    ['POST', () => `/api/workshops/${workshop.id}/duplicate`, none, facilitates(201)],
    ['POST', () => `/api/workshops/${scratch.id}/finish`, none, ownerOnly(204)],
    ['POST', () => `/api/workshops/${scratch.id}/reopen`, none, ownerOnly(204)],
    ['PATCH', () => `/api/workshops/${scratch.id}`, () => ({ retentionUntil: Date.now() + 86_400_000 }), ownerOnly(204)],
    ['POST', () => `/api/workshops/${scratch.id}/pseudonymise`, none, ownerOnly(204)],
    ['DELETE', () => `/api/workshops/${scratch.id}`, () => ({ confirmTitle: 'niet de titel' }), ownerOnly(400)],
    ['POST', () => `/api/workshops/${scratch.id}/cards`, () => ({ cards: [{ kind: 'project', title: 'Kladproject' }] }), ownerOnly(201)],
    ['GET', () => `/api/workshops/${scratch.id}/open-proposals`, none, ownerOnly(200)],
    // After the workshop (issue 17): the owner's link opens its own routes only; accounts assign and record.
    ['GET', () => '/api/owner/action', none, (r) => (r === 'actionOwner' ? 200 : 401)],
    ['POST', () => '/api/owner/progress', () => ({ note: 'Voortgang' }), (r) => (r === 'actionOwner' ? 201 : 401)],
    // "The stuurgroep (or any facilitator) assigns an owner": members too; an administrator only manages accounts.
    ['POST', () => '/api/knowledge/proposals/aaaaaaaaaaaaaaaa/owner-link', () => ({ owner: 'X' }), followsUp(404)],
    ['DELETE', () => '/api/knowledge/proposals/aaaaaaaaaaaaaaaa/owner-link', none, followsUp(404)],
    ['GET', () => '/api/knowledge/proposals/aaaaaaaaaaaaaaaa/follow-up', none, followsUp(404)],
    ['POST', () => '/api/knowledge/proposals/aaaaaaaaaaaaaaaa/progress', () => ({ note: 'x' }), followsUp(404)],
    ['GET', () => '/api/knowledge/progress-report', none, followsUp(200)],
    // Publishing to the whole organisation stays with facilitators.
    ['GET', () => '/api/knowledge/progress-pages', none, facilitates(200)],
    ['POST', () => '/api/logout', none, () => 204],
  ];
  for (const [method, path, body, expected] of table) {
    it.each(ROLES)(`${method} ${path.toString().replace(/.*=> /, '')} as %s`, async (role) => {
      // Logging out ends the session: use a fresh one so later rows keep theirs.
      if (path() === '/api/logout' && creds[role].cookie) {
        const fresh = new ApiClient(server.url);
        expect((await fresh.post('/api/login', logins[role]!)).status).toBe(200);
        expect((await fresh.post('/api/logout')).status).toBe(204);
        expect((await fresh.get('/api/me')).status).toBe(401);
        return;
      }
      const res = await apiAs(role).request(method, path(), body());
      expect(res.status).toBe(expected(role));
    });
  }
});

describe('socket events × roles', () => {
  /** Who may send each event. Written out independently of the server's table. */
  const allowed: Record<string, RoleName[]> = {
    'participant:rename': ['participant'],
    'barrier:add': ['participant', 'facilitator'],
    'vote:cast': ['participant'],
    'vote:retract': ['participant'],
    'proposal:add': ['participant', 'facilitator'],
    'alarm:raise': ['participant', 'facilitator'],
    'placement:set': ['participant'],
    'sync:request': ['participant', 'screen', 'facilitator'],
    'screen:measured': ['screen'],
    'openProposals:get': ['screen', 'facilitator'],
  };
  for (const event of Object.keys(clientEvents)) allowed[event] ??= ['facilitator'];

  it('refuses the handshake to nobody, to another workshop\'s participant and to another facilitator', async () => {
    for (const role of ['nobody', 'otherParticipant', 'otherFacilitator', 'actionOwner', 'member', 'admin'] as const) {
      const c = connectControl(server.url, workshop.id, {
        token: creds[role].token,
        headers: creds[role].cookie ? { cookie: creds[role].cookie!, origin: server.url } : undefined,
      });
      await expect(c.state, role).rejects.toThrow(/UNAUTHENTICATED|NOT_ALLOWED/);
      c.socket.disconnect();
    }
  });

  it.each(['participant', 'screen', 'facilitator'] as const)('as %s, every event is allowed or refused as the table says', async (role) => {
    const c = connectControl(server.url, workshop.id, {
      token: creds[role].token,
      headers: creds[role].cookie ? { cookie: creds[role].cookie!, origin: server.url } : undefined,
    });
    await c.state;
    // An empty object: enough to tell a role refusal (checked first) from anything else.
    for (const event of Object.keys(clientEvents)) {
      const res = await ask<AckResult<unknown>>(c.socket, event, {});
      const refusedForRole = !res.ok && res.error.code === 'NOT_ALLOWED';
      expect(refusedForRole, `${event} as ${role}`).toBe(!allowed[event]!.includes(role));
    }
    c.socket.disconnect();
  });
});

describe('board (Yjs) × roles', () => {
  function upgrade(role: RoleName): Promise<number> {
    const { token, cookie } = creds[role];
    const headers: Record<string, string> = cookie ? { cookie, origin: server.url } : {};
    return new Promise((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/yjs/${workshop.id}${token ? `?token=${token}` : ''}`, { headers });
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
  }

  it.each([
    ['nobody', 401],
    ['participant', 101],
    ['otherParticipant', 401],
    ['screen', 101],
    ['facilitator', 101],
    ['otherFacilitator', 403],
    ['actionOwner', 401],
    ['member', 403],
    ['admin', 403],
  ] as const)('%s connecting -> %i', async (role, status) => {
    expect(await upgrade(role)).toBe(status);
  });

  it('writes count from the participant and the facilitator, never from the screen', async () => {
    const open = (role: RoleName) =>
      connectedDoc(server.wsUrl, workshop.id, creds[role].token ? { token: creds[role].token } : { headers: { cookie: creds[role].cookie!, origin: server.url } });
    const [p, s, f] = [await open('participant'), await open('screen'), await open('facilitator')];
    addCard(p.doc, { kind: 'domain', title: 'van deelnemer' });
    addCard(f.doc, { kind: 'domain', title: 'van begeleider' });
    addCard(s.doc, { kind: 'domain', title: 'van scherm' });
    const check = await open('participant');
    await eventually(() => expect(readCards(check.doc).map((c) => c.title).sort()).toEqual(['van begeleider', 'van deelnemer']));
    for (const d of [p, s, f, check]) d.destroy();
  });
});
