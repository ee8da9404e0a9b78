/**
 * `npm run screenshots`: runs a short workshop in Debian's Chromium and saves
 * what users see, on a 360×640 phone, a 1366×900 laptop and a 1920×1080 shared screen,
 * into docs/screenshots/; then fills a knowledge centre with two finished workshops
 * (through the API and the sockets, as tests/e2e/knowledge-centre.test.ts does) and
 * saves its pages and a report on the laptop. Needs a built client (npm run build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser';
import { createRegiebord } from '../server/app';
import { moveCard, readCards } from '../shared/board';
import type { RegisterEntry } from '../shared/knowledge';
import type { AckResult } from '../shared/protocol';
import { FACILITATOR } from '../tests/helpers/api';
import { ask, connectedDoc, type DocClient } from '../tests/helpers/clients';
import { eventually } from '../tests/helpers/poll';
import { startServer, type TestServer } from '../tests/helpers/server';
import { workshopWithFacilitator } from '../tests/helpers/workshop';

const OUT = path.resolve('docs/screenshots');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-shots-'));
const app = await createRegiebord({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'error', clientDir: path.resolve('dist/client') });
const url = `http://127.0.0.1:${await app.listen()}`;
const browser = await launchChromium();
fs.mkdirSync(OUT, { recursive: true });
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400); // let transitions and fonts settle for the picture (not a test)
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: false });
  console.log(`docs/screenshots/${name}.png`);
};
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'nl-NL' };
const SCREEN = { viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' };
const LAPTOP = { viewport: { width: 1366, height: 900 }, locale: 'nl-NL' };

async function ok<T>(res: Promise<AckResult<T>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
}

/**
 * Two finished workshops about the same domains, half a year apart: cards with a place,
 * barriers with votes from participants, proposals, and a register shared by both.
 */
async function fillKnowledgeCentre(server: TestServer, docs: DocClient[]) {
  const cards = [
    { kind: 'domain', title: 'Klimaatbeleid', department: 'Ruimte en Economie', at: { x: 0.22, y: 0.2 } },
    { kind: 'domain', title: 'Beheer van wegen', department: 'Openbare Werken', at: { x: 0.7, y: 0.3 } },
    { kind: 'domain', title: 'Re-integratie en inkomensondersteuning', department: 'Sociale Zaken', at: { x: 0.3, y: 0.35 } },
    { kind: 'project', title: 'Bomen buitengebied', department: 'Openbare Werken', at: { x: 0.65, y: 0.7 } },
    { kind: 'project', title: 'Coördinatie zorgvraag en -aanbod in de Lochemse kernen', department: 'Maatschappelijke Ontwikkeling', at: { x: 0.25, y: 0.72 } },
  ] as const;
  const barriers = [
    { text: 'Geen budget voor experimenten', votes: 5 },
    { text: 'Regels voor aanbesteden zijn te strikt', votes: 3 },
    { text: 'Weinig tijd bij de afdelingen voor samenwerking', votes: 2 },
  ];

  // Spring: the whole method, with participants voting on their phones' sockets.
  const spring = await workshopWithFacilitator(server, 'Regiegemeente Lochem: voorjaar 2013');
  await spring.api.post(`/api/workshops/${spring.workshop.id}/cards`, { cards: cards.map(({ at: _at, ...c }) => c) });
  const d1 = await connectedDoc(server.wsUrl, spring.workshop.id, { headers: { cookie: spring.api.cookie, origin: server.url } });
  docs.push(d1);
  await eventually(() => readCards(d1.doc).length === cards.length);
  for (const card of readCards(d1.doc)) moveCard(d1.doc, card.id, cards.find((c) => c.title === card.title)!.at);
  await spring.goToPhase('drempels');
  const barrierIds: string[] = [];
  for (const b of barriers) barrierIds.push((await ok(ask<AckResult<{ id: string }>>(spring.facilitator.socket, 'barrier:add', { text: b.text, cardIds: [] }))).id);
  await spring.goToPhase('stemmen');
  const voters = await Promise.all(['Anna', 'Bram', 'Chris', 'Dewi'].map((name) => spring.participant(name)));
  let op = 0;
  for (const [i, b] of barriers.entries()) {
    for (let v = 0; v < b.votes; v++) {
      const voter = voters[op % voters.length]!;
      await ok(ask(voter.socket, 'vote:cast', { opId: `shots-vote-${String(++op).padStart(4, '0')}`, barrierId: barrierIds[i] }));
    }
  }
  await spring.goToPhase('voorstellen');
  await ok(
    ask(spring.facilitator.socket, 'proposal:add', {
      barrierId: barrierIds[0],
      cardId: null,
      text: 'Vraag de raad om een experimenteerbudget voor initiatieven uit de kernen',
      kind: 'versnellen',
      owner: 'Stuurgroep: wethouder Financiën',
      dueDate: '2013-06-30',
    }),
  );
  await ok(
    ask(spring.facilitator.socket, 'proposal:add', {
      barrierId: barrierIds[1],
      cardId: null,
      text: 'Leer van LochemEnergie: aanbesteden op wat bewoners willen bereiken',
      kind: 'verdiepen',
      owner: 'Team Inkoop',
      dueDate: '2013-09-30',
    }),
  );
  await spring.api.post(`/api/workshops/${spring.workshop.id}/finish`);
  spring.closeAll();

  // Autumn: the same domains from the register, moved towards market and society.
  const autumn = await workshopWithFacilitator(server, 'Regiegemeente Lochem: najaar 2013');
  const entries = (await autumn.api.get<{ entries: RegisterEntry[] }>('/api/register')).body.entries;
  await autumn.api.post(`/api/workshops/${autumn.workshop.id}/cards`, { registerIds: entries.map((e) => e.id) });
  const d2 = await connectedDoc(server.wsUrl, autumn.workshop.id, { headers: { cookie: autumn.api.cookie, origin: server.url } });
  docs.push(d2);
  await eventually(() => readCards(d2.doc).length === entries.length);
  for (const card of readCards(d2.doc)) {
    const before = cards.find((c) => c.title === card.title)!.at;
    moveCard(d2.doc, card.id, { x: Math.min(0.9, before.x + 0.35), y: Math.min(0.9, before.y + 0.15) });
  }
  await autumn.goToPhase('drempels');
  await ok(ask(autumn.facilitator.socket, 'barrier:add', { text: 'Geen budget voor experimenten', cardIds: [] }));
  await autumn.api.post(`/api/workshops/${autumn.workshop.id}/finish`);
  autumn.closeAll();

  return { reportId: spring.workshop.id, entryId: entries.find((e) => e.title === 'Klimaatbeleid')!.id };
}

try {
  const home = await (await browser.newContext(PHONE)).newPage();
  await home.goto(url + '/');
  await shot(home, 'phone-setup');

  const fac = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'nl-NL' })).newPage();
  await fac.goto(url + '/');
  await fac.getByLabel('Naam').fill('Fenna Begeleider');
  await fac.getByLabel('E-mailadres').fill('fenna@lochem.nl');
  await fac.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await fac.getByRole('button', { name: 'Account aanmaken' }).click();
  await fac.getByLabel('Titel van de werksessie').fill('Regiegemeente Lochem: klimaat en wegen');
  await fac.getByRole('button', { name: 'Werksessie aanmaken' }).click();
  await fac.waitForURL(/\/begeleider\/w\//);
  const code = (await fac.getByTestId('join-code').innerText()).replace(/\s/g, '');
  const screenHref = (await fac.getByRole('link', { name: 'Gedeeld scherm openen' }).getAttribute('href'))!;

  const screen = await (await browser.newContext(SCREEN)).newPage();
  await screen.goto(url + screenHref);
  await screen.getByTestId('board').waitFor();

  const join = await (await browser.newContext(PHONE)).newPage();
  await join.goto(`${url}/doe-mee?code=${code}`);
  await shot(join, 'phone-join');
  await join.getByLabel('Je naam (mag leeg blijven)').fill('Sanne');
  await join.getByRole('button', { name: 'Meedoen' }).click();
  await join.waitForURL(/\/w\//);
  for (const title of ['Klimaatbeleid', 'Beheer van wegen', 'Bomen buitengebied']) {
    await join.getByLabel('Titel van de kaart').fill(title);
    await join.getByRole('button', { name: 'Kaart toevoegen' }).click();
  }
  await join.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().focus();
  await join.keyboard.press('1');
  await join.locator('[data-card-id]', { hasText: 'Beheer van wegen' }).first().focus();
  await join.keyboard.press('2');
  await shot(join, 'phone-board');
  await shot(screen, 'screen-board');
  await shot(fac, 'facilitator-board');

  const next = fac.getByRole('button', { name: 'Volgende stap' });
  await next.click(); // Positioneren
  await next.click(); // Koers
  await next.click(); // Drempels
  for (const text of ['Regels zijn te strikt', 'Geen budget voor experimenten', 'Weinig tijd bij de afdelingen']) {
    await join.getByLabel('Drempel', { exact: true }).fill(text);
    await join.getByRole('button', { name: 'Drempel toevoegen' }).click();
  }
  await shot(join, 'phone-barriers');
  await next.click(); // Stemmen
  await join.getByRole('button', { name: 'Stem op: Geen budget voor experimenten' }).click();
  await join.getByRole('button', { name: 'Stem op: Geen budget voor experimenten' }).click();
  await shot(join, 'phone-voting');
  await fac.getByRole('button', { name: 'Uitslag tonen' }).click();
  await screen.getByTestId('results').waitFor();
  await shot(screen, 'screen-results');
  await shot(fac, 'facilitator-voting');
  await next.click(); // Voorstellen
  await join.getByLabel('Voorstel', { exact: true }).fill('Vraag de raad om een experimenteerbudget');
  await join.getByLabel('Eigenaar').fill('Stuurgroep: wethouder');
  await shot(join, 'phone-proposal');

  // The accessibility statement and the privacy page (linked from every footer).
  for (const [route, name] of [['/toegankelijkheid', 'phone-accessibility'], ['/privacy', 'phone-privacy']] as const) {
    await home.goto(url + route);
    await home.locator('[data-testid="site-page"] h1').waitFor();
    await shot(home, name);
  }
  // Dark mode (the device's setting) on the phone and the shared screen.
  for (const page of [join, screen]) await page.emulateMedia({ colorScheme: 'dark' });
  await shot(join, 'phone-proposal-dark');
  await shot(screen, 'screen-results-dark');
  // Text at 200% on the phone (the browser's text size).
  await join.emulateMedia({ colorScheme: 'light' });
  await join.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await shot(join, 'phone-text-200');

  // The knowledge centre and a report on a laptop, with two finished workshops in it.
  const kc = await startServer({ clientDir: path.resolve('dist/client') });
  const docs: DocClient[] = [];
  try {
    const { reportId, entryId } = await fillKnowledgeCentre(kc, docs);
    const page = await (await browser.newContext(LAPTOP)).newPage();
    await page.goto(kc.url + '/inloggen');
    await page.getByLabel('E-mailadres').fill(FACILITATOR.email);
    await page.getByLabel('Wachtwoord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
    const pages = [
      ['/kenniscentrum', 'knowledge-workshops', 'workshops-table'],
      ['/kenniscentrum/zoeken?q=budget', 'knowledge-search', 'search-hit'],
      [`/kenniscentrum/register/${entryId}`, 'knowledge-register-entry', 'history-table'],
      ['/kenniscentrum/drempels', 'knowledge-barriers', 'ledger-suggestions'],
      ['/kenniscentrum/voorstellen', 'knowledge-proposals', 'tracker-table'],
      [`/rapport/${reportId}`, 'report', 'report-cards'],
    ] as const;
    for (const [route, name, testId] of pages) {
      await page.goto(kc.url + route);
      await page.getByTestId(testId).first().waitFor();
      await shot(page, name);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(kc.url + '/kenniscentrum/voorstellen');
    await page.getByTestId('tracker-table').waitFor();
    await shot(page, 'knowledge-proposals-dark');
  } finally {
    for (const d of docs) d.destroy();
    await kc.stop();
    fs.rmSync(kc.dataDir, { recursive: true, force: true });
  }

  // The example theme: Gemeente Voorbeeld's own colours and logo, by tokens only (docs/theming.md).
  const themedData = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-shots-theme-'));
  const themed = await createRegiebord({
    port: 0,
    host: '127.0.0.1',
    dataDir: themedData,
    logLevel: 'error',
    clientDir: path.resolve('dist/client'),
    site: { name: 'Regiebord Gemeente Voorbeeld', themeDir: path.resolve('themes/voorbeeld') },
  });
  try {
    const themedUrl = `http://127.0.0.1:${await themed.listen()}`;
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(themedUrl + '/');
    await page.locator('h1').waitFor();
    await shot(page, 'theme-voorbeeld-phone');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'theme-voorbeeld-phone-dark');
  } finally {
    await themed.close();
    fs.rmSync(themedData, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
