import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { startForgingIssuer, type ForgingIssuer, type Forgery } from '../helpers/forgingIssuer';
import { startServer, type TestServer } from '../helpers/server';
import { sqlRows } from '../helpers/engine';
import { eventually } from '../helpers/poll';
import { hashToken } from '../../server/auth/tokens';

/**
 * Sign-in against a real OpenID Provider (oidc-provider, the certified Node implementation) on
 * port 0. Its login screen is replaced by a handler that signs in `nextUser` at once.
 */
const USERS: Record<string, { name: string; email: string; groups: string[] }> = {
  fenna: { name: 'Fenna Begeleider', email: 'fenna@lochem.nl', groups: ['regiebord', 'begeleiders'] },
  ahmed: { name: 'Ahmed Actiegroep', email: 'ahmed@lochem.nl', groups: ['regiebord', 'actiegroep'] },
  bert: { name: 'Bert Buitenstaander', email: 'bert@lochem.nl', groups: ['burgerzaken'] },
  diana: { name: 'Diana Beheer', email: 'diana@lochem.nl', groups: ['regiebord', 'beheer'] },
};
let nextUser = 'fenna';
let idp: { server: http.Server; issuer: string };
let app: TestServer;

beforeAll(async () => {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await startServer();
  const redirect = `${app.url}/api/auth/oidc/callback`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'regiebord', client_secret: 'regiebord-secret', redirect_uris: [redirect], post_logout_redirect_uris: [`${app.url}/`] }],
    claims: { openid: ['sub', 'groups'], email: ['email'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...USERS[id] }) }),
    cookies: { keys: ['test-cookie-key'] },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: nextUser, clientId: String(details.params.client_id) });
      grant.addOIDCScope('openid profile email');
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: nextUser }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })();
  });
  idp = { server, issuer };
  // The app under test, now with the provider's address.
  await app.stop();
  app = await startServer({
    port: app.port,
    oidc: {
      issuer,
      clientId: 'regiebord',
      clientSecret: 'regiebord-secret',
      redirectUrl: redirect,
      organisationName: 'Gemeente Lochem',
      groupsClaim: 'groups',
      allowedGroups: ['regiebord'],
      facilitatorGroups: ['begeleiders'],
      memberGroups: ['actiegroep', 'stuurgroep'],
      adminGroups: ['beheer'],
      postLogoutRedirectUrl: `${app.url}/`,
      allowInsecureHttp: true,
    },
    localAccounts: false,
  });
});
afterAll(async () => {
  await app.stop();
  idp.server.close();
});

/** A browser's cookie jar, one per test, for both sites (names do not collide). */
class Browser {
  cookies = new Map<string, string>();
  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [k, v] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (v === '' || attrs.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }
  /**
   * Follows redirects until the provider sends the browser back to Regiebord's callback; returns
   * that URL. `tamper` may change the authorization request on its way to the provider.
   */
  async toCallback(site: TestServer = app, tamper: (authorizationUrl: URL) => void = () => undefined, loginQuery = ''): Promise<string> {
    let res = await this.get(`${site.url}/api/auth/oidc/login${loginQuery}`);
    expect(res.status).toBe(302);
    const authorization = new URL(res.headers.get('location')!);
    tamper(authorization);
    res = await this.get(authorization.href);
    for (let hops = 0; hops < 10; hops++) {
      const location = new URL(res.headers.get('location')!, res.url).href;
      if (location.startsWith(`${site.url}/api/auth/oidc/callback`)) return location;
      res = await this.get(location);
    }
    throw new Error('no callback');
  }
}

/** The stored key of the browser's session (a SHA-256 of the cookie's token, as the server keeps it). */
const sessionHash = (b: Browser) => hashToken(decodeURIComponent(b.cookies.get('rb_session')!));

async function me(browser: Browser, site: TestServer = app) {
  return browser.get(`${site.url}/api/me`);
}

/** The callback refuses: the named code, no session cookie set, and /api/me still 401. */
async function expectRefused(b: Browser, url: string, status: number, code: string, site: TestServer = app): Promise<void> {
  const res = await b.get(url);
  expect(res.status).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  expect(res.headers.getSetCookie().some((c) => c.startsWith('rb_session='))).toBe(false);
  expect([...b.cookies.keys()]).not.toContain('rb_session');
  expect((await me(b, site)).status).toBe(401);
}

describe('OpenID Connect sign-in', () => {
  it('signs a facilitator in: account from the claims, roles from the groups, no password login', async () => {
    nextUser = 'fenna';
    const b = new Browser();
    const callback = await b.toCallback();
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    const started = Date.now();
    const done = await b.get(callback);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/begeleider');
    // A session from the provider lasts a working day (10 h), not a password session's 14 days:
    // the cookie and the stored session both.
    const cookie = done.headers.getSetCookie().find((c) => c.startsWith('rb_session='))!;
    expect(cookie).toContain(`Max-Age=${10 * 60 * 60}`);
    const [stored] = await sqlRows<{ expires_at: number }>(app, `SELECT expires_at FROM sessions WHERE token_hash = '${sessionHash(b)}'`);
    expect(Number(stored!.expires_at) - started).toBeGreaterThan(10 * 60 * 60 * 1000 - 60_000);
    expect(Number(stored!.expires_at) - started).toBeLessThanOrEqual(10 * 60 * 60 * 1000 + 60_000);
    const account = (await (await me(b)).json()) as { account: { name: string; email: string; roles: string[] } };
    expect(account.account).toMatchObject({ name: 'Fenna Begeleider', email: 'fenna@lochem.nl', roles: ['facilitator'] });
    expect((await b.get(`${app.url}/api/workshops`)).status).toBe(200);
    // A later sign-in updates name and e-mail, keyed by issuer + sub.
    USERS.fenna!.name = 'Fenna de Begeleider';
    await b.get(await b.toCallback());
    expect(((await (await me(b)).json()) as { account: { name: string } }).account.name).toBe('Fenna de Begeleider');
    const login = await fetch(`${app.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'fenna@lochem.nl', password: 'x'.repeat(12) }) });
    expect(login.status).toBe(403);
    expect(((await login.json()) as { error: { code: string } }).error.code).toBe('LOCAL_ACCOUNTS_DISABLED');
  });

  it('gives a member of the action group reading rights only', async () => {
    nextUser = 'ahmed';
    const b = new Browser();
    expect((await b.get(await b.toCallback())).status).toBe(302);
    const body = (await (await me(b)).json()) as { account: { roles: string[] } };
    expect(body.account.roles).toEqual(['member']);
    expect((await b.get(`${app.url}/api/auth/oidc/logout`, { method: 'POST', headers: { origin: app.url } })).status).toBe(200);
    // A member lands in the knowledge centre, not on the facilitator's dashboard.
    const landing = await b.get(await b.toCallback());
    expect(landing.headers.get('location')).toBe('/kenniscentrum');
    expect((await b.get(`${app.url}/api/knowledge/workshops`)).status).toBe(200);
    const create = await b.get(`${app.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify({ title: 'x' }) });
    expect(create.status).toBe(403);
  });

  it('refuses a person outside the allowed groups, a wrong state and a replayed code, each by name and without a session', async () => {
    const refused = (b: Browser, url: string, status: number, code: string) => expectRefused(b, url, status, code);
    nextUser = 'bert';
    const outsider = new Browser();
    await refused(outsider, await outsider.toCallback(), 403, 'OIDC_NOT_ALLOWED');

    nextUser = 'fenna';
    const wrongState = new Browser();
    const url = new URL(await wrongState.toCallback());
    url.searchParams.set('state', 'not-the-state-we-sent');
    await refused(wrongState, url.href, 400, 'OIDC_STATE_INVALID');

    // A code that was used once, offered again in a new sign-in (with that sign-in's state).
    const first = new Browser();
    const used = new URL(await first.toCallback());
    expect((await first.get(used.href)).status).toBe(302);
    const replay = new Browser();
    const fresh = new URL(await replay.toCallback());
    fresh.searchParams.set('code', used.searchParams.get('code')!);
    await refused(replay, fresh.href, 401, 'OIDC_CODE_INVALID');
  });

  it('returns to the page asked for when it is one of ours, and never to another site', async () => {
    nextUser = 'fenna';
    const b = new Browser();
    const back = await b.get(await b.toCallback(app, undefined, `?terug=${encodeURIComponent('/kenniscentrum/voorstellen')}`));
    expect(back.headers.get('location')).toBe('/kenniscentrum/voorstellen');
    for (const elsewhere of ['https://evil.example/', '//evil.example/', '/begeleider/../../evil']) {
      const other = new Browser();
      const res = await other.get(await other.toCallback(app, undefined, `?terug=${encodeURIComponent(elsewhere)}`));
      expect(res.headers.get('location'), elsewhere).toBe('/begeleider');
    }
  });

  it('refuses an ID token that carries the nonce of another sign-in (the provider signs the nonce it was given)', async () => {
    nextUser = 'fenna';
    const b = new Browser();
    const callback = await b.toCallback(app, (authorization) => authorization.searchParams.set('nonce', 'nonce-of-another-sign-in'));
    await expectRefused(b, callback, 401, 'OIDC_ID_TOKEN_INVALID');
  });

  it('sends a browser that is refused to the login page with the code, not a JSON page, and sets no session', async () => {
    nextUser = 'bert';
    const b = new Browser();
    const res = await b.get(await b.toCallback(), { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inloggen?fout=OIDC_NOT_ALLOWED');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('rb_session='))).toBe(false);
    expect((await me(b)).status).toBe(401);
  });

  it('takes a role change at the provider at the next sign-in, and refuses someone taken out of the allowed groups', async () => {
    nextUser = 'fenna';
    const before = USERS.fenna!.groups;
    try {
      const b = new Browser();
      await b.get(await b.toCallback());
      const create = () => b.get(`${app.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify({ title: 'Rolwissel' }) });
      expect((await create()).status).toBe(201);
      // The provider moves Fenna from the facilitators to the stuurgroep; the open session keeps its
      // role until she signs in again.
      USERS.fenna!.groups = ['regiebord', 'stuurgroep'];
      expect((await create()).status).toBe(201);
      const again = new Browser();
      expect((await again.get(await again.toCallback())).headers.get('location')).toBe('/kenniscentrum');
      expect(((await (await me(again)).json()) as { account: { roles: string[] } }).account.roles).toEqual(['member']);
      // Roles are read from the account, so the older session follows the new role too.
      expect((await create()).status).toBe(403);
      expect((await again.get(`${app.url}/api/knowledge/proposals`)).status).toBe(200);
      // Out of the allowed groups: no new session at all.
      USERS.fenna!.groups = ['burgerzaken'];
      const outside = new Browser();
      await expectRefused(outside, await outside.toCallback(), 403, 'OIDC_NOT_ALLOWED');
    } finally {
      USERS.fenna!.groups = before;
    }
  });

  it('shows an administrator (from the provider\'s group) accounts whose roles the provider manages, and lets her switch one off', async () => {
    nextUser = 'ahmed';
    const member = new Browser();
    await member.get(await member.toCallback());
    nextUser = 'diana';
    const admin = new Browser();
    await admin.get(await admin.toCallback());
    expect(((await (await me(admin)).json()) as { account: { roles: string[] } }).account.roles).toEqual(['admin']);
    const list = (await (await admin.get(`${app.url}/api/accounts`)).json()) as { accounts: { id: string; email: string; managedBy: string }[] };
    const ahmed = list.accounts.find((a) => a.email === 'ahmed@lochem.nl')!;
    expect(ahmed.managedBy).toBe('provider');
    const patch = (body: unknown) =>
      admin.get(`${app.url}/api/accounts/${ahmed.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify(body) });
    const roles = await patch({ roles: ['facilitator'] });
    expect(roles.status).toBe(409);
    expect(((await roles.json()) as { error: { code: string } }).error.code).toBe('ROLES_MANAGED_BY_PROVIDER');
    expect((await patch({ disabled: true })).status).toBe(200);
    expect((await me(member)).status).toBe(401);
    nextUser = 'ahmed';
    const again = new Browser();
    await expectRefused(again, await again.toCallback(), 403, 'ACCOUNT_DISABLED');
    expect((await patch({ disabled: false })).status).toBe(200);
    expect((await again.get(await again.toCallback())).status).toBe(302);
    expect((await me(again)).status).toBe(200);
  });

  it('keeps no ID token and sends no hint with OIDC_LOGOUT_ID_TOKEN_HINT=false', async () => {
    // A keep-alive connection to the stopped server may still be pooled: poll until the new one answers.
    const answers = () => eventually(async () => expect((await fetch(`${app.url}/healthz`)).status).toBe(200));
    await app.restart({ oidc: { ...app.app.config.oidc!, logoutIdTokenHint: false } });
    await answers();
    try {
      nextUser = 'fenna';
      const b = new Browser();
      await b.get(await b.toCallback());
      const [row] = await sqlRows<{ oidc_id_token: string | null }>(app, `SELECT oidc_id_token FROM sessions WHERE token_hash = '${sessionHash(b)}'`);
      expect(row).toEqual({ oidc_id_token: null });
      const out = await b.get(`${app.url}/api/auth/oidc/logout`, { method: 'POST', headers: { origin: app.url } });
      const params = new URL(((await out.json()) as { logoutUrl: string }).logoutUrl).searchParams;
      expect(params.get('client_id')).toBe('regiebord');
      expect(params.has('id_token_hint')).toBe(false);
    } finally {
      await app.restart();
      await answers();
    }
  });

  it('deletes an expired session, and the ID token kept with it, in the daily job', async () => {
    nextUser = 'fenna';
    const b = new Browser();
    await b.get(await b.toCallback());
    const hash = sessionHash(b);
    expect(await sqlRows(app, `SELECT token_hash FROM sessions WHERE token_hash = '${hash}'`)).toHaveLength(1);
    // Nine hours on, the 10-hour session lives; eleven hours on, it is gone.
    await app.app.lifecycle.runRetention(Date.now() + 9 * 60 * 60 * 1000);
    expect(await sqlRows(app, `SELECT token_hash FROM sessions WHERE token_hash = '${hash}'`)).toHaveLength(1);
    await app.app.lifecycle.runRetention(Date.now() + 11 * 60 * 60 * 1000);
    expect(await sqlRows(app, `SELECT token_hash FROM sessions WHERE token_hash = '${hash}'`)).toEqual([]);
  });

  it('logs out: the local session ends, and the provider is offered for RP-initiated logout', async () => {
    nextUser = 'fenna';
    const b = new Browser();
    await b.get(await b.toCallback());
    expect((await me(b)).status).toBe(200);
    // This browser's session keeps its ID token.
    const hash = sessionHash(b);
    const [mine] = await sqlRows<{ oidc_id_token: string | null }>(app, `SELECT oidc_id_token FROM sessions WHERE token_hash = '${hash}'`);
    expect(mine!.oidc_id_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const out = await b.get(`${app.url}/api/auth/oidc/logout`, { method: 'POST', headers: { origin: app.url } });
    expect(out.status).toBe(200);
    const { logoutUrl } = (await out.json()) as { logoutUrl: string };
    expect(logoutUrl.startsWith(`${idp.issuer}/session/end`)).toBe(true);
    const params = new URL(logoutUrl).searchParams;
    expect(params.get('client_id')).toBe('regiebord');
    expect(params.get('id_token_hint')).toBe(mine!.oidc_id_token);
    // The session's own ID token as id_token_hint: the provider knows whose session to end.
    const claims = JSON.parse(Buffer.from(params.get('id_token_hint')!.split('.')[1]!, 'base64url').toString()) as { iss: string; aud: string };
    expect(claims).toMatchObject({ iss: idp.issuer, aud: 'regiebord' });
    expect((await me(b)).status).toBe(401);
    // The ID token went with its session.
    expect(await sqlRows(app, `SELECT token_hash FROM sessions WHERE token_hash = '${hash}'`)).toEqual([]);
  });
});


describe('ID tokens the provider would not sign (forged with jose, served by a small issuer of our own)', () => {
  let forger: ForgingIssuer;
  let site: TestServer;
  /** The app's log lines: the refusal's reason is written there (the browser only gets the code). */
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });

  beforeAll(async () => {
    forger = await startForgingIssuer({ id: 'regiebord', secret: 'regiebord-secret' });
    site = await startServer({ logger, localAccounts: false });
    await site.restart({
      logLevel: 'info',
      oidc: {
        issuer: forger.issuer,
        clientId: 'regiebord',
        clientSecret: 'regiebord-secret',
        redirectUrl: `${site.url}/api/auth/oidc/callback`,
        organisationName: 'Gemeente Lochem',
        groupsClaim: 'groups',
        allowedGroups: ['regiebord'],
        facilitatorGroups: ['begeleiders'],
        memberGroups: [],
        adminGroups: [],
        postLogoutRedirectUrl: '',
        allowInsecureHttp: true,
      },
    });
  });
  afterAll(async () => {
    await site.stop();
    await forger.close();
  });

  function lastRefusal(): { code: string; reason: string } {
    const refusal = lines.map((l) => JSON.parse(l) as { msg?: string; code?: string; reason?: string }).filter((r) => r.msg === 'oidc sign-in refused').at(-1);
    return { code: refusal?.code ?? '', reason: refusal?.reason ?? '' };
  }

  it('signs in with an honest token from the same issuer (the control: only the forgery differs)', async () => {
    forger.forgery = 'none';
    const b = new Browser();
    const done = await b.get(await b.toCallback(site));
    expect(done.status).toBe(302);
    expect(forger.tokenRequests.at(-1)).toEqual({ clientOk: true, pkceOk: true });
    const body = (await (await me(b, site)).json()) as { account: { name: string; roles: string[] } };
    expect(body.account).toMatchObject({ name: 'Gerrit Gesmeed', roles: ['facilitator'] });
  });

  const forgeries: [Forgery, RegExp][] = [
    ['expired', /claim=exp\b/],
    // Caught only since the signature of a token-endpoint ID token is checked (enableNonRepudiationChecks).
    ['foreign-key', /signature verification failed/],
    ['wrong-audience', /claim=aud\b/],
    ['wrong-issuer', /claim=iss\b/],
    ['wrong-nonce', /claim=nonce\b/],
    ['unsigned', /"alg" header/],
  ];
  it.each(forgeries)('refuses an ID token that is %s: OIDC_ID_TOKEN_INVALID, no session', async (forgery, reason) => {
    forger.forgery = forgery;
    const b = new Browser();
    const callback = await b.toCallback(site);
    await expectRefused(b, callback, 401, 'OIDC_ID_TOKEN_INVALID', site);
    // The token endpoint itself was satisfied (secret, PKCE): the ID token alone was refused.
    expect(forger.tokenRequests.at(-1)).toEqual({ clientOk: true, pkceOk: true });
    expect(lastRefusal().code).toBe('OIDC_ID_TOKEN_INVALID');
    expect(lastRefusal().reason).toMatch(reason);
  });

  it('logs out locally when the provider offers no end_session_endpoint', async () => {
    forger.forgery = 'none';
    const b = new Browser();
    await b.get(await b.toCallback(site));
    expect((await me(b, site)).status).toBe(200);
    const out = await b.get(`${site.url}/api/auth/oidc/logout`, { method: 'POST', headers: { origin: site.url } });
    expect(((await out.json()) as { logoutUrl: string | null }).logoutUrl).toBeNull();
    expect((await me(b, site)).status).toBe(401);
  });
});
