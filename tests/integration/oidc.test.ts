import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

/**
 * Sign-in against a real OpenID Provider (oidc-provider, the certified Node implementation) on
 * port 0. Its login screen is replaced by a handler that signs in `nextUser` at once.
 */
const USERS: Record<string, { name: string; email: string; groups: string[] }> = {
  fenna: { name: 'Fenna Begeleider', email: 'fenna@lochem.nl', groups: ['regiebord', 'begeleiders'] },
  ahmed: { name: 'Ahmed Actiegroep', email: 'ahmed@lochem.nl', groups: ['regiebord', 'actiegroep'] },
  bert: { name: 'Bert Buitenstaander', email: 'bert@lochem.nl', groups: ['burgerzaken'] },
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
  /** Follows redirects until the provider sends the browser back to Regiebord's callback; returns that URL. */
  async toCallback(): Promise<string> {
    let res = await this.get(`${app.url}/api/auth/oidc/login`);
    expect(res.status).toBe(302);
    for (let hops = 0; hops < 10; hops++) {
      const location = new URL(res.headers.get('location')!, res.url).href;
      if (location.startsWith(`${app.url}/api/auth/oidc/callback`)) return location;
      res = await this.get(location);
    }
    throw new Error('no callback');
  }
}

async function me(browser: Browser) {
  return browser.get(`${app.url}/api/me`);
}

describe('OpenID Connect sign-in', () => {
  it('signs a facilitator in: account from the claims, roles from the groups, no password login', async () => {
    nextUser = 'fenna';
    const b = new Browser();
    const callback = await b.toCallback();
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    const done = await b.get(callback);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/');
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
    expect((await b.get(`${app.url}/api/knowledge/workshops`)).status).toBe(200);
    const create = await b.get(`${app.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify({ title: 'x' }) });
    expect(create.status).toBe(403);
  });

  it('refuses a person outside the allowed groups, a wrong state and a replayed code, each by name and without a session', async () => {
    const refused = async (b: Browser, url: string, status: number, code: string) => {
      const res = await b.get(url);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
      expect([...b.cookies.keys()]).not.toContain('rb_session');
      expect((await me(b)).status).toBe(401);
    };
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

  it('logs out: the local session ends, and the provider is offered for RP-initiated logout', async () => {
    nextUser = 'fenna';
    const b = new Browser();
    await b.get(await b.toCallback());
    expect((await me(b)).status).toBe(200);
    const out = await b.get(`${app.url}/api/auth/oidc/logout`, { method: 'POST', headers: { origin: app.url } });
    expect(out.status).toBe(200);
    const { logoutUrl } = (await out.json()) as { logoutUrl: string };
    expect(logoutUrl.startsWith(`${idp.issuer}/session/end`)).toBe(true);
    expect(new URL(logoutUrl).searchParams.get('client_id')).toBe('regiebord');
    expect((await me(b)).status).toBe(401);
  });
});
