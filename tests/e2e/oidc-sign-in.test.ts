import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe';
import { CLIENT_DIR, closeAll, launchChromium } from '../helpers/browser';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';

/**
 * Single sign-on end to end in Chromium, through the real oidc-provider's own login and consent
 * pages (devInteractions): the login page's button, the provider, back signed in as a facilitator
 * (from the groups claim), a workshop created, and logout at both ends (RP-initiated logout). A
 * person outside the allowed groups comes back to an error page that names the code.
 */
const USERS: Record<string, { name: string; email: string; groups: string[] }> = {
  fenna: { name: 'Fenna Begeleider', email: 'fenna@lochem.nl', groups: ['regiebord', 'begeleiders'] },
  bert: { name: 'Bert Buitenstaander', email: 'bert@lochem.nl', groups: ['burgerzaken'] },
};
const SHOTS = 'docs/screenshots';

let idp: http.Server;
let issuer: string;
let app: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  idp = http.createServer();
  await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  app = await startServer({ clientDir: CLIENT_DIR });
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'regiebord', client_secret: 'regiebord-secret', redirect_uris: [`${app.url}/api/auth/oidc/callback`], post_logout_redirect_uris: [`${app.url}/`] }],
    claims: { openid: ['sub', 'groups'], email: ['email'], profile: ['name'] },
    conformIdTokenClaims: false,
    // The provider's own login and consent pages: any login name with any password signs in as that account.
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, id) => (USERS[id] ? { accountId: id, claims: () => ({ sub: id, ...USERS[id] }) } : undefined),
    cookies: { keys: ['e2e-cookie-key'] },
  });
  idp.on('request', provider.callback());
  await app.restart({
    localAccounts: false,
    oidc: {
      issuer,
      clientId: 'regiebord',
      clientSecret: 'regiebord-secret',
      redirectUrl: `${app.url}/api/auth/oidc/callback`,
      organisationName: 'Gemeente Lochem',
      groupsClaim: 'groups',
      allowedGroups: ['regiebord'],
      facilitatorGroups: ['begeleiders'],
      memberGroups: ['stuurgroep'],
      adminGroups: [],
      postLogoutRedirectUrl: `${app.url}/`,
      allowInsecureHttp: true,
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await closeAll(contexts);
  await browser?.close();
  await app?.stop();
  idp?.close();
});

async function open(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  contexts.push(context);
  return context.newPage();
}

/** The provider's pages: its login form (any password), then its consent page. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.waitForURL((u) => u.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('een-wachtwoord');
  await page.locator('button[type="submit"]').click();
  await page.locator('button', { hasText: 'Continue' }).click();
}

describe('single sign-on in Chromium', () => {
  it('shows "Inloggen met Gemeente Lochem" and no password form, and passes axe (phone and laptop)', async () => {
    for (const [size, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['laptop', { width: 1366, height: 768 }],
    ] as const) {
      const page = await open(viewport);
      await page.goto(`${app.url}/inloggen`);
      const button = page.getByRole('link', { name: 'Inloggen met Gemeente Lochem' });
      await button.waitFor();
      expect(await page.locator('input[type="password"]').count()).toBe(0);
      await expectAccessible(page, `login with single sign-on (${size})`);
      await page.screenshot({ path: `${SHOTS}/login-sso-${size}.png` });
    }
    // English, and dark: the same page, its own words, axe 0.
    const page = await open({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${app.url}/inloggen?fout=OIDC_ID_TOKEN_INVALID`);
    await page.locator('.rb-lang__button[lang="en"]').click();
    await page.getByRole('link', { name: 'Sign in with Gemeente Lochem' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Error code: OIDC_ID_TOKEN_INVALID');
    expect(await page.getByRole('alert').innerText()).toContain('The proof of sign-in is not valid.');
    await expectAccessible(page, 'login with single sign-on (en, dark, an error)');
  });

  it('signs a facilitator in through the provider, creates a workshop and logs out at both ends', async () => {
    const page = await open({ width: 1366, height: 768 });
    await page.goto(`${app.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met Gemeente Lochem' }).click();
    await signInAtProvider(page, 'fenna');
    // Back at Regiebord, a facilitator from the groups claim: the dashboard.
    await page.waitForURL(`${app.url}/begeleider`);
    await page.getByText('Ingelogd als Fenna Begeleider').waitFor();
    await page.getByLabel('Titel van de werksessie').fill('Werksessie via eenmalig inloggen');
    await page.getByRole('button', { name: 'Werksessie aanmaken' }).click();
    await page.waitForURL(/\/begeleider\/w\/[a-z0-9]+$/);
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ account: { name: 'Fenna Begeleider', roles: ['facilitator'] } });
    const list = await page.evaluate(async () => (await fetch('/api/workshops')).json());
    expect(list.workshops.map((w: { title: string }) => w.title)).toContain('Werksessie via eenmalig inloggen');

    await page.goto(`${app.url}/begeleider`);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    // RP-initiated logout: the provider asks to confirm ending its session, then sends the browser back.
    await page.waitForURL((u) => u.href.startsWith(`${issuer}/session/end`));
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.waitForURL(`${app.url}/`);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    // The provider's session ended too: signing in again asks for the login form.
    await page.goto(`${app.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met Gemeente Lochem' }).click();
    await page.waitForURL((u) => u.href.startsWith(issuer));
    await page.locator('input[name="login"]').waitFor();
  });

  it('brings someone outside the allowed groups back to an error page that names the code, with a clean address', async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${app.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met Gemeente Lochem' }).click();
    await signInAtProvider(page, 'bert');
    await page.waitForURL(`${app.url}/inloggen`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Inloggen is niet gelukt');
    expect(await alert.innerText()).toContain('Foutcode: OIDC_NOT_ALLOWED');
    // Neither the code from the provider nor the error stays in the address bar or the history entry.
    await eventually(() => expect(page.url()).toBe(`${app.url}/inloggen`));
    expect(await page.evaluate(() => location.search)).toBe('');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await expectAccessible(page, 'sign-in refused (phone)');
    await page.screenshot({ path: `${SHOTS}/login-sso-refused-phone.png` });
  });
});
