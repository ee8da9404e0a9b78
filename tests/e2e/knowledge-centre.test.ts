import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { moveCard, readCards } from '../../shared/board';
import type { WorkshopExport } from '../../shared/export';
import type { Ledger, RegisterEntry, TrackedProposal } from '../../shared/knowledge';
import type { AckResult } from '../../shared/protocol';
import { FACILITATOR } from '../helpers/api';
import { axeViolations, expectAccessible, formatViolations } from '../helpers/axe';
import { LAPTOP, PHONE } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { ask, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { workshopWithFacilitator } from '../helpers/workshop';

const suite = browserSuite();

const BARRIER = 'Geen één loket voor café-eigenaren';
const PROPOSAL = 'Eén aanspreekpunt voor ondernemers';

/** Accessibility per page: the basics we promise, then axe-core (WCAG 2.1 AA) with zero violations. */
async function checkAccessible(page: Page, label: string) {
  expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  expect(await page.evaluate(() => document.documentElement.lang), `${label}: lang`).toBe('nl');
  expect(await page.locator('main').count(), `${label}: one main`).toBe(1);
  await expectAccessible(page, label);
}

/** Set in the first test: pages with real content for the language and colour-scheme scan. */
const seen = { workshopId: '', entryId: '' };

async function ok<T>(res: Promise<AckResult<T>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
}

type W = Awaited<ReturnType<typeof workshopWithFacilitator>>;

async function reportOf(w: W): Promise<WorkshopExport> {
  const res = await w.api.get<{ report: WorkshopExport }>(`/api/workshops/${w.workshop.id}/report`);
  if (res.status !== 200) throw new Error(`report: ${res.status}`);
  return res.body.report;
}

async function joinAs(code: string, name: string): Promise<Page> {
  const phone = await suite.open(PHONE);
  await phone.goto(`${suite.server.url}/doe-mee?code=${code}`);
  await phone.getByLabel('Je naam (mag leeg blijven)').fill(name);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await phone.waitForURL(/\/w\/[a-z0-9]+$/);
  return phone;
}

describe('the knowledge centre: search, report, downloads, register, ledger and tracker', () => {
  const docs: DocClient[] = [];

  it('finds a barrier without its accents, opens it in the report, downloads the PDF, and shows register, ledger and tracker', async () => {
    const { server, open } = suite;

    // ---- Setup: two workshops about "Dienstverlening", a year apart in spirit.
    const first = await workshopWithFacilitator(server, 'Werksessie Dienstverlening voorjaar');
    const added = await first.api.post<{ cardIds: string[] }>(`/api/workshops/${first.workshop.id}/cards`, {
      cards: [{ kind: 'domain', title: 'Dienstverlening', department: 'Publiekszaken' }],
    });
    expect(added.status).toBe(201);
    const d1 = await connectedDoc(server.wsUrl, first.workshop.id, { headers: { cookie: first.api.cookie, origin: server.url } });
    docs.push(d1);
    await eventually(() => readCards(d1.doc).length === 1);
    const cardId = readCards(d1.doc)[0]!.id;
    moveCard(d1.doc, cardId, { x: 0.2, y: 0.2 });
    // Stored on the server before anything else happens (finishing records the board as it is there).
    await eventually(async () => (await reportOf(first)).cards[0]!.x === 0.2);

    // A participant adds the barrier on her phone, with accents, and votes for it.
    await first.goToPhase('drempels');
    const phone = await joinAs(first.workshop.joinCode, 'Anna');
    await phone.getByLabel('Drempel', { exact: true }).fill(BARRIER);
    await phone.getByRole('button', { name: 'Drempel toevoegen' }).click();
    await first.goToPhase('stemmen');
    await phone.getByRole('button', { name: `Stem op: ${BARRIER}` }).click();
    await expect.poll(() => phone.getByTestId('votes-left').innerText()).toContain('Nog 2 stemmen over');

    // A proposal for it (socket helper: this test is about what comes after).
    await first.goToPhase('voorstellen');
    const barrierId = await eventually(async () => (await reportOf(first)).barriers.find((b) => b.text === BARRIER)!.id);
    await ok(
      ask(first.facilitator.socket, 'proposal:add', {
        barrierId,
        cardId: null,
        text: PROPOSAL,
        kind: 'versnellen',
        owner: 'Team Publiekszaken',
        dueDate: '2020-01-31',
      }),
    );
    expect((await first.api.post(`/api/workshops/${first.workshop.id}/finish`)).status).toBe(204);

    // The second workshop takes the same domain from the register and moves it to Flashmob.
    const second = await workshopWithFacilitator(server, 'Werksessie Dienstverlening najaar');
    const entry = (await second.api.get<{ entries: RegisterEntry[] }>('/api/register')).body.entries.find((e) => e.title === 'Dienstverlening')!;
    seen.workshopId = first.workshop.id;
    seen.entryId = entry.id;
    await second.api.post(`/api/workshops/${second.workshop.id}/cards`, { registerIds: [entry.id] });
    const d2 = await connectedDoc(server.wsUrl, second.workshop.id, { headers: { cookie: second.api.cookie, origin: server.url } });
    docs.push(d2);
    await eventually(() => readCards(d2.doc).length === 1);
    moveCard(d2.doc, readCards(d2.doc)[0]!.id, { x: 0.8, y: 0.75 });
    await eventually(async () => (await reportOf(second)).cards[0]!.x === 0.8);
    await second.goToPhase('drempels');
    await ok(ask(second.facilitator.socket, 'barrier:add', { text: BARRIER, cardIds: [] }));
    expect((await second.api.post(`/api/workshops/${second.workshop.id}/finish`)).status).toBe(204);

    // ---- The facilitator logs in and opens the knowledge centre.
    const page = await open(LAPTOP);
    await page.goto(`${server.url}/kenniscentrum`);
    // Not logged in: to the login page, and back afterwards.
    await page.waitForURL(/\/inloggen\?terug=/);
    await page.getByLabel('E-mailadres').fill(FACILITATOR.email);
    await page.getByLabel('Wachtwoord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/kenniscentrum$/);

    const table = page.getByTestId('workshops-table');
    const firstRow = table.locator(`tr[data-workshop-id="${first.workshop.id}"]`);
    await firstRow.waitFor();
    await expect.poll(() => firstRow.innerText()).toMatch(/Werksessie Dienstverlening voorjaar[\s\S]*1[\s\S]*Voorstellen[\s\S]*Afgerond/);
    expect(await page.getByRole('navigation', { name: 'Kenniscentrum' }).getByRole('link', { name: 'Werksessies', exact: true }).getAttribute('aria-current')).toBe('page');
    // Sorting by title says so in aria-sort.
    await page.getByRole('button', { name: 'Titel', exact: true }).click();
    expect(await page.locator('th', { has: page.getByRole('button', { name: 'Titel', exact: true }) }).getAttribute('aria-sort')).toBe('ascending');
    // The status filter hides running workshops: only the two finished ones are left.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgerond' });
    await expect.poll(() => page.getByTestId('workshop-count').innerText()).toMatch(/^2 van \d+ werksessies$/);
    await checkAccessible(page, 'kenniscentrum: werksessies');

    // ---- Search without the accent: "een loket" finds "één loket".
    await page.getByRole('link', { name: 'Zoeken', exact: true }).click();
    await page.getByLabel('Zoekwoorden').fill('een loket');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/\/kenniscentrum\/zoeken\?q=een(%20|\+)loket$/);
    await expect.poll(() => page.getByTestId('search-status').innerText()).toMatch(/resulta(at|ten) voor „een loket”/);
    const hit = page.getByTestId('search-hit').filter({ hasText: 'Werksessie Dienstverlening voorjaar' }).filter({ hasText: 'café-eigenaren' });
    await hit.waitFor();
    expect(await hit.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['één', 'loket']));
    expect(await hit.textContent()).toContain('Drempel in Werksessie Dienstverlening voorjaar');
    expect(await page.getByTestId('search-took').innerText()).toMatch(/Gezocht in \d+ ms/);
    await checkAccessible(page, 'kenniscentrum: zoeken');

    // ---- Open the hit: the report, with the barrier as the target.
    await hit.getByRole('link').click();
    await page.waitForURL(new RegExp(`/rapport/${first.workshop.id}#item-${barrierId}$`));
    const item = page.locator(`#item-${barrierId}`);
    await item.waitFor();
    expect(await item.innerText()).toContain(BARRIER);
    expect(await item.innerText()).toContain('1 stem');
    await expect.poll(() => item.getAttribute('class')).toContain('rb-report__target');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`item-${barrierId}`);
    expect(await page.locator('h1').innerText()).toBe('Werksessie Dienstverlening voorjaar');
    expect(await page.getByTestId('report-proposals').innerText()).toMatch(new RegExp(`${PROPOSAL}[\\s\\S]*Team Publiekszaken[\\s\\S]*31 januari 2020[\\s\\S]*open`));
    expect(await page.getByTestId('report-cards').innerText()).toMatch(/Dienstverlening[\s\S]*Retro in Control → Nog geen doel/);
    const board = page.getByRole('img', { name: /Het bord met 1 kaarten/ });
    expect(await board.getAttribute('src')).toBe(`/api/workshops/${first.workshop.id}/export?format=svg&lang=nl`);
    await expect.poll(() => board.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await checkAccessible(page, 'rapport');

    // ---- Download the PDF through the page's own link.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF: het rapport' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^regiebord-werksessie-dienstverlening-voorjaar-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await fs.readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Every format has a link, in the chosen language.
    const hrefs = await page.locator('a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const q of ['format=pdf', 'format=md', 'format=csv&table=barriers', 'format=csv&table=proposals', 'format=json', 'format=svg', 'format=png']) {
      expect(hrefs).toContain(`/api/workshops/${first.workshop.id}/export?${q}&lang=nl`);
    }

    // ---- Register: the domain's history over both workshops, and what moved.
    await page.getByRole('link', { name: 'Naar het kenniscentrum' }).click();
    await page.getByRole('link', { name: 'Domeinen en projecten', exact: true }).click();
    const registerRow = page.getByTestId('register-table').locator('tr', { hasText: 'Dienstverlening' });
    await expect.poll(() => registerRow.innerText()).toMatch(/Dienstverlening\s+Domein\s+Publiekszaken\s+2/);
    await checkAccessible(page, 'kenniscentrum: register');
    await registerRow.getByRole('link', { name: 'Dienstverlening' }).click();
    await page.waitForURL(new RegExp(`/kenniscentrum/register/${entry.id}$`));
    expect(await page.locator('h1').innerText()).toBe('Dienstverlening');
    expect(await page.getByRole('img', { name: 'Plek van Dienstverlening in 2 werksessies' }).locator('.rb-kc-history__marker').count()).toBe(2);
    const history = page.getByTestId('history-table');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    expect(await history.locator('tbody tr').nth(0).innerText()).toMatch(/voorjaar[\s\S]*Retro in Control → Nog geen doel[\s\S]*x 0,20, y 0,20/);
    expect(await history.locator('tbody tr').nth(1).innerText()).toMatch(/najaar[\s\S]*Flashmob → Nog geen doel[\s\S]*x 0,80, y 0,75/);
    await expect
      .poll(() => page.getByTestId('compare-this').innerText())
      .toMatch(/Dienstverlening[\s\S]*Van Retro in Control naar Flashmob\. \d+% van het bord verschoven, naar een ander kwadrant/);
    await checkAccessible(page, 'kenniscentrum: domein');

    // ---- Ledger: the same barrier in both workshops is suggested; linking makes a group with votes per workshop.
    await page.getByRole('link', { name: 'Drempels', exact: true }).click();
    const suggestion = page.getByTestId('ledger-suggestions').locator('li', { hasText: 'voorjaar' }).filter({ hasText: 'najaar' });
    await expect.poll(() => suggestion.innerText()).toContain('100% gelijk');
    await checkAccessible(page, 'kenniscentrum: drempels');
    await suggestion.getByRole('button', { name: /^Koppelen/ }).click();
    const group = page.getByTestId('ledger-group').filter({ hasText: 'voorjaar' });
    await expect.poll(() => group.innerText()).toMatch(/voorjaar[\s\S]*1[\s\S]*najaar[\s\S]*0[\s\S]*Totaal: 1 stem(?!m)/);
    await expect.poll(() => page.getByTestId('live-region').innerText()).toContain('De drempels zijn gekoppeld.');
    expect((await first.api.get<Ledger>('/api/knowledge/barriers')).body.groups.some((g) => g.barriers.some((b) => b.barrierId === barrierId))).toBe(true);

    // ---- Tracker: the proposal is late; its status is saved from here.
    await page.getByRole('link', { name: 'Voorstellen', exact: true }).click();
    const proposalRow = page.getByTestId('tracker-table').locator('tr', { hasText: PROPOSAL });
    await expect.poll(() => proposalRow.innerText()).toMatch(/Werksessie Dienstverlening voorjaar[\s\S]*Team Publiekszaken[\s\S]*Te laat/);
    await page.getByLabel('Alleen voorstellen die te laat zijn').check();
    await expect.poll(() => proposalRow.count()).toBe(1);
    await checkAccessible(page, 'kenniscentrum: voorstellen');
    await proposalRow.getByLabel(`Status van: ${PROPOSAL}`).selectOption({ label: 'in uitvoering' });
    await expect.poll(() => page.getByTestId('live-region').innerText()).toContain('Status opgeslagen: in uitvoering');
    const tracked = (await first.api.get<{ proposals: TrackedProposal[] }>('/api/knowledge/proposals')).body.proposals;
    expect(tracked.find((p) => p.text === PROPOSAL)?.status).toBe('in-uitvoering');

    for (const d of docs.splice(0)) d.destroy();
    first.closeAll();
    second.closeAll();
  });

  it('deletes a workshop only when its title is typed again', async () => {
    const { server, open } = suite;
    const doomed = await workshopWithFacilitator(server, 'Proefsessie weggooien');
    doomed.closeAll();
    const page = await open(LAPTOP);
    await page.goto(`${server.url}/inloggen?terug=%2Fkenniscentrum`);
    await page.getByLabel('E-mailadres').fill(FACILITATOR.email);
    await page.getByLabel('Wachtwoord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/kenniscentrum$/);

    const manage = page.getByRole('button', { name: 'Proefsessie weggooien beheren' });
    await manage.click();
    expect(await manage.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('group', { name: 'Beheren: Proefsessie weggooien' }).getByRole('button', { name: 'Verwijderen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Werksessie verwijderen' });
    await dialog.waitFor();
    await dialog.getByLabel('Typ de titel over om te bevestigen').fill('Proefsessie');
    await dialog.getByRole('button', { name: 'Voor altijd verwijderen' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('De titel klopt nog niet.');
    expect((await doomed.api.get(`/api/workshops/${doomed.workshop.id}/report`)).status).toBe(200);

    await dialog.getByLabel('Typ de titel over om te bevestigen').fill('Proefsessie weggooien');
    await dialog.getByRole('button', { name: 'Voor altijd verwijderen' }).click();
    await expect.poll(() => page.locator(`tr[data-workshop-id="${doomed.workshop.id}"]`).count()).toBe(0);
    await expect.poll(() => page.getByTestId('live-region').innerText()).toContain('„Proefsessie weggooien” is verwijderd.');
    expect((await doomed.api.get(`/api/workshops/${doomed.workshop.id}/report`)).status).toBe(404);
  });

  it('passes axe on every knowledge-centre page and the report, in Dutch and English, light and dark', async () => {
    const { server, open } = suite;
    expect(seen.workshopId, 'the first test sets up the content').not.toBe('');
    const page = await open(LAPTOP);
    await page.goto(`${server.url}/inloggen?terug=%2Fkenniscentrum`);
    await page.getByLabel('E-mailadres').fill(FACILITATOR.email);
    await page.getByLabel('Wachtwoord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/kenniscentrum$/);
    const pages: [path: string, ready: string][] = [
      ['/kenniscentrum', '[data-testid="workshops-table"] tbody tr'],
      ['/kenniscentrum/zoeken?q=loket', 'mark'],
      ['/kenniscentrum/register', '[data-testid="register-table"] tbody tr'],
      [`/kenniscentrum/register/${seen.entryId}`, '[data-testid="history-table"] tbody tr'],
      ['/kenniscentrum/drempels', '[data-testid="ledger-group"]'],
      ['/kenniscentrum/voorstellen', '[data-testid="tracker-table"] tbody tr'],
      [`/rapport/${seen.workshopId}`, 'main h2'],
    ];
    const found: string[] = [];
    for (const lang of ['nl', 'en'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        // A fresh load per combination (see tests/helpers/axe.ts: stale colours after switching scheme).
        await page.evaluate((l) => localStorage.setItem('regiebord.lang', l), lang);
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        for (const [path, ready] of pages) {
          await page.goto(server.url + path);
          await page.locator(ready).first().waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          const violations = await axeViolations(page);
          if (violations.length) found.push(`${path} (${lang}, ${colorScheme})\n${formatViolations(violations)}`);
        }
      }
    }
    expect(found.join('\n\n')).toBe('');
  });
});
