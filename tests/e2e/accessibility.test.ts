import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, createWorkshop, facilitatorClient, join } from '../helpers/api';
import { formatViolations, axeViolations } from '../helpers/axe';
import { LAPTOP, PHONE, SHARED_SCREEN } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { startServer } from '../helpers/server';
import { CLIENT_DIR } from '../helpers/browser';
import { ask, connectControl, connectedDoc } from '../helpers/clients';
import { addCard, setCardTarget } from '../../shared/board';
import type { WorkshopDetail } from '../../shared/protocol';

/**
 * WCAG 2.1 AA (axe-core) on every view, in Dutch and English, light and dark.
 * One server and one browser context per person (anonymous visitor, facilitator,
 * shared screen, phone); the language is switched by the stored choice and a reload,
 * the colour scheme by emulation. Every violation of every view is collected, so one
 * run lists all there is to fix.
 */
const suite = browserSuite();
const LANGS = ['nl', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Lang = (typeof LANGS)[number];

const found: string[] = [];
let scans = 0;

const COMBOS = LANGS.flatMap((lang) => SCHEMES.map((scheme) => ({ lang, scheme })));

/**
 * Load the page fresh in this language and colour scheme. (A reload per combination:
 * axe read stale text colours after switching the scheme of a page that was already open.)
 */
async function loadAs(page: Page, lang: Lang, colorScheme: (typeof SCHEMES)[number]) {
  await page.evaluate((l) => localStorage.setItem('regiebord.lang', l), lang);
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  await page.reload();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** Scan one page in every language and scheme, each time after `ready` says the view is complete. */
async function scan(page: Page, label: string, ready: (page: Page) => Promise<unknown>) {
  for (const { lang, scheme } of COMBOS) {
    await loadAs(page, lang, scheme);
    await ready(page);
    const violations = await axeViolations(page);
    scans++;
    if (violations.length) found.push(`${label} (${lang}, ${scheme}) ${page.url()}\n${formatViolations(violations)}`);
  }
}

async function scanPath(page: Page, path: string, label: string, ready: (page: Page) => Promise<unknown>) {
  await page.goto(suite.server.url + path);
  await scan(page, label, ready);
}

const heading = (page: Page) => page.locator('h1').first().waitFor();
const sitePage = (page: Page) => page.locator('[data-testid="site-page"] h1').waitFor();
const phaseIs = (id: string) => async (page: Page) => {
  await page.locator(`[data-testid="phase-title"][data-phase="${id}"]`).first().waitFor({ timeout: 10_000 });
  await expect.poll(() => page.getByTestId('sync-status').first().getAttribute('data-state'), { timeout: 10_000 }).toBe('synced');
};

function report() {
  expect(scans).toBeGreaterThan(0);
  expect(found, `\n${found.join('\n\n')}\n`).toEqual([]);
}

describe('WCAG 2.1 AA on every view, nl and en, light and dark (axe-core)', () => {
  it('first run: the setup form', async () => {
    const visitor = await suite.open(LAPTOP);
    await scanPath(visitor, '/', 'setup form', heading);
    report();
  });

  it('public pages, sign-in, invite, dashboard', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    await createWorkshop(api, 'Klimaatbeleid Lochem');
    const invite = await api.post<{ inviteUrl: string }>('/api/invites', { email: 'nieuw@lochem.nl' });
    expect(invite.status).toBe(201);

    const phone = await suite.open(PHONE);
    await scanPath(phone, '/', 'home', heading);
    await scanPath(phone, '/doe-mee', 'join', heading);
    await scanPath(phone, '/toegankelijkheid', 'accessibility statement', sitePage);
    await scanPath(phone, '/privacy', 'privacy statement', sitePage);
    const visitor = await suite.open(LAPTOP);
    await scanPath(visitor, '/inloggen', 'login', heading);
    await scanPath(visitor, new URL(invite.body.inviteUrl).pathname + new URL(invite.body.inviteUrl).hash, 'invite', heading);
    await scanPath(visitor, '/bestaat-niet', 'not found', heading);

    const facilitator = await suite.open(LAPTOP);
    await facilitator.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
    await scanPath(facilitator, '/begeleider', 'dashboard', (p) => p.locator('.rb-workshops__item').first().waitFor());
    report();
  });

  it('a workshop with content: facilitator, shared screen and phone in four phases', async () => {
    const { server } = suite;
    const api: ApiClient = await facilitatorClient(server.url);
    const workshop: WorkshopDetail = await createWorkshop(api, 'Regiegemeente Lochem 2026');
    const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    await fac.state;
    const act = async (event: string, payload: unknown) => {
      const res = await ask<{ ok: boolean }>(fac.socket, event, payload);
      expect(res, event).toMatchObject({ ok: true });
    };
    await act('settings:update', { named: true });
    const anna = await join(server.url, workshop.joinCode, 'Anna');
    const bram = await join(server.url, workshop.joinCode, 'Bram');
    const bramSocket = connectControl(server.url, workshop.id, { token: bram.token });
    await bramSocket.state;

    // Cards on the board, one with a target (koers): the trajectory and its text show too.
    const doc = await connectedDoc(server.wsUrl, workshop.id, { token: bram.token });
    const climate = addCard(doc.doc, { kind: 'domain', title: 'Klimaatbeleid', x: 0.2, y: 0.2 });
    addCard(doc.doc, { kind: 'project', title: 'Bomen buitengebied', x: 0.7, y: 0.7, department: 'Openbare Werken' });
    addCard(doc.doc, { kind: 'domain', title: 'Beheer van wegen', x: 0.8, y: 0.3 });

    const facilitator = await suite.open(LAPTOP);
    await facilitator.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
    await facilitator.goto(`${server.url}/begeleider/w/${workshop.id}`);
    const screen = await suite.open(SHARED_SCREEN);
    await screen.goto(`${server.url}/scherm/${workshop.id}#${workshop.screenToken}`);
    const phone = await suite.open(PHONE);
    await phone.goto(server.url + '/');
    await phone.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`regiebord.participant.${workshop.id}`, JSON.stringify({ participantId: anna.participantId, token: anna.token, name: 'Anna' })],
    );
    await phone.goto(`${server.url}/w/${workshop.id}`);
    const others = [
      { page: screen, label: 'shared screen' },
      { page: phone, label: 'phone' },
    ];
    /**
     * Scan every view in this phase, once `text` (content of the phase) shows in each. The
     * facilitator's cockpit shows one task at a time: each of `tabs` is opened in turn (the
     * phase's own tab first) and scanned, waiting for its content where it has a text of its own.
     */
    const scanPhase = async (phaseId: string, text: string, tabs: { tab: string; text?: string }[]) => {
      for (const { lang, scheme } of COMBOS) {
        await loadAs(facilitator, lang, scheme);
        await phaseIs(phaseId)(facilitator);
        for (const { tab, text: tabText } of tabs) {
          await facilitator.locator(`#rb-tab-${tab}`).click();
          await facilitator.locator(`#rb-panel-${tab}`).waitFor();
          if (tabText) await expect.poll(() => facilitator.locator(`#rb-panel-${tab}`).innerText(), { timeout: 10_000 }).toContain(tabText);
          const violations = await axeViolations(facilitator);
          scans++;
          if (violations.length) found.push(`facilitator, ${phaseId}, tab ${tab} (${lang}, ${scheme}) ${facilitator.url()}\n${formatViolations(violations)}`);
        }
      }
      for (const { page, label } of others) {
        await scan(page, `${label}, ${phaseId}`, async (p) => {
          await phaseIs(phaseId)(p);
          await expect.poll(() => p.locator('main').innerText(), { timeout: 10_000 }).toContain(text);
        });
      }
    };

    // Koers: cards and a target, the timer running (its controls and display show).
    await act('phase:go', { phaseId: 'koers' });
    setCardTarget(doc.doc, climate, { x: 0.8, y: 0.8 });
    await act('timer:control', { action: 'start', seconds: 300 });
    await scanPhase('koers', 'Klimaatbeleid', [{ tab: 'board', text: 'Klimaatbeleid' }, { tab: 'steps' }]);

    // Stemmen: barriers, votes, an alarm, results revealed.
    await act('phase:go', { phaseId: 'drempels' });
    const b1 = await ask<{ ok: boolean; id: string }>(bramSocket.socket, 'barrier:add', { text: 'Regels zijn te strikt', cardIds: [climate] });
    const b2 = await ask<{ ok: boolean; id: string }>(bramSocket.socket, 'barrier:add', { text: 'Geen budget voor experimenten', cardIds: [] });
    expect(b1.ok && b2.ok).toBe(true);
    await ask(bramSocket.socket, 'alarm:raise', { targetType: 'barrier', targetId: b2.id, reason: 'Dit houdt alles tegen' });
    await act('phase:go', { phaseId: 'stemmen' });
    await ask(bramSocket.socket, 'vote:cast', { opId: 'a11y-vote-0001', barrierId: b2.id });
    await ask(bramSocket.socket, 'vote:cast', { opId: 'a11y-vote-0002', barrierId: b1.id });
    await act('results:reveal', { revealed: true });
    await scanPhase('stemmen', 'Geen budget voor experimenten', [
      { tab: 'barriers', text: 'Geen budget voor experimenten' },
      { tab: 'alarms', text: 'Dit houdt alles tegen' },
    ]);

    // Voorstellen: a proposal with an owner and a due date.
    await act('phase:go', { phaseId: 'voorstellen' });
    await ask(bramSocket.socket, 'proposal:add', {
      barrierId: b2.id,
      cardId: null,
      text: 'Vraag de raad om een experimenteerbudget',
      kind: 'versnellen',
      owner: 'Stuurgroep: wethouder',
      dueDate: '2027-03-01',
    });
    await scanPhase('voorstellen', 'Vraag de raad om een experimenteerbudget', [{ tab: 'proposals', text: 'Vraag de raad om een experimenteerbudget' }]);

    await act('phase:go', { phaseId: 'afronden' });
    // The screen pages the outcome (results first, then proposals): the facilitator turns to the
    // proposals' page (a screen with fewer pages stays on its last one).
    await act('screen:set', { page: 1 });
    await scanPhase('afronden', 'Vraag de raad om een experimenteerbudget', [
      { tab: 'downloads' },
      { tab: 'proposals', text: 'Vraag de raad om een experimenteerbudget' },
      { tab: 'people', text: 'Anna' },
      { tab: 'settings' },
    ]);

    doc.destroy();
    fac.socket.disconnect();
    bramSocket.socket.disconnect();
    report();
    // 68 scans (the cockpit's tabs each scanned on their own), each after a reload: more than the e2e default allows.
  }, 300_000);

  it('the example theme (Gemeente Voorbeeld) passes too: home, privacy, a workshop on the phone', async () => {
    const themed = await startServer({
      clientDir: CLIENT_DIR,
      site: { name: 'Regiebord Gemeente Voorbeeld', themeDir: path.resolve('themes/voorbeeld') },
    });
    try {
      const api = await facilitatorClient(themed.url);
      const workshop = await createWorkshop(api, 'Werksessie Voorbeeld');
      const anna = await join(themed.url, workshop.joinCode, 'Anna');
      const doc = await connectedDoc(themed.wsUrl, workshop.id, { token: anna.token });
      addCard(doc.doc, { kind: 'domain', title: 'Klimaatbeleid', x: 0.2, y: 0.2 });
      addCard(doc.doc, { kind: 'project', title: 'Bomen buitengebied', x: 0.7, y: 0.7 });
      const phone = await suite.open(PHONE);
      const at = (path: string) => themed.url + path;
      await phone.goto(at('/'));
      // The theme is applied: the header takes the theme's colour, the logo shows.
      await expect.poll(() => phone.locator('.rb-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 90, 60)');
      expect(await phone.locator('.rb-brand img').getAttribute('src')).toBe('/theme/logo.svg');
      await scan(phone, 'voorbeeld: home', heading);
      await phone.goto(at('/privacy'));
      await scan(phone, 'voorbeeld: privacy', sitePage);
      await phone.evaluate(
        ([key, value]) => localStorage.setItem(key!, value!),
        [`regiebord.participant.${workshop.id}`, JSON.stringify({ participantId: anna.participantId, token: anna.token, name: 'Anna' })],
      );
      await phone.goto(at(`/w/${workshop.id}`));
      await scan(phone, 'voorbeeld: phone', async (p) => {
        await phaseIs('welkom')(p);
        await p.locator('[data-card-id]', { hasText: 'Bomen buitengebied' }).first().waitFor();
      });
      doc.destroy();
      report();
    } finally {
      await themed.stop();
    }
  });
});
