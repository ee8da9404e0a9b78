import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { moveCard, readCards, setCardTarget } from '../../shared/board';
import type { OwnerLinkCreated } from '../../shared/followUp';
import type { AckResult } from '../../shared/protocol';
import { FACILITATOR, join } from '../helpers/api';
import { expectAccessible } from '../helpers/axe';
import { LAPTOP, PHONE, SHARED_SCREEN } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { ask, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { workshopWithFacilitator } from '../helpers/workshop';

/**
 * After the workshop, in a real browser: the action owner's page on a phone and
 * a laptop, the council's progress report in the knowledge centre, and the
 * organisation's page under a secret link. Each passes axe (WCAG 2.1 AA) in
 * Dutch and English, light and dark, loads nothing from elsewhere, and is
 * photographed for docs/screenshots/ (phone 390×844, laptop 1366×768).
 */
const suite = browserSuite();
const SHOTS = 'docs/screenshots';
const PHONE_390 = { ...PHONE, viewport: { width: 390, height: 844 } } as const;
const LAPTOP_768 = { ...LAPTOP, viewport: { width: 1366, height: 768 } } as const;

/** Records every request a context makes, to check that none leaves the server's origin. */
function recordRequests(into: string[]) {
  return (ctx: BrowserContext) => {
    ctx.on('request', (r) => into.push(r.url()));
  };
}

function expectOnlyOwnOrigin(requests: string[]) {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !u.startsWith(suite.server.url + '/') && !u.startsWith('data:'))).toEqual([]);
}

/**
 * axe in dark mode (Dutch), then English in dark and light: the language switch in the page's
 * header, as a visitor uses it; `english` is a heading only the English page has. Ends in Dutch, light.
 */
async function checkLanguagesAndThemes(page: Page, label: string, english: string, darkShot?: string) {
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkAccessible(page, `${label} (nl, dark)`);
  if (darkShot) await page.screenshot({ path: `${SHOTS}/${darkShot}` });
  await page.locator('.rb-lang__button[lang="en"]').click();
  await page.getByRole('heading', { name: english }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await checkAccessible(page, `${label} (en, dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
  await checkAccessible(page, `${label} (en, light)`);
  await page.locator('.rb-lang__button[lang="nl"]').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl');
}

const ok = async <T>(res: Promise<AckResult<T>>): Promise<T> => {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
};

async function checkAccessible(page: Page, label: string) {
  expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  await expectAccessible(page, label);
}

describe('after the workshop', () => {
  const docs: DocClient[] = [];
  let ownerPath = '';

  it('seeds a programme: two workshops, ten domains and projects, barriers, eight proposals', async () => {
    const { server } = suite;
    const titles = ['Energietransitie', 'Sociaal domein', 'Wonen', 'Mobiliteit', 'Dienstverlening', 'Economie', 'Cultuur', 'Onderwijs', 'Zorg', 'Veiligheid'];
    const cards = titles.map((title, i) => ({ kind: i % 3 === 0 ? ('project' as const) : ('domain' as const), title, department: i < 4 ? 'Duurzaamheid' : 'Samenleving' }));
    for (const [n, title] of ['Voorjaarssessie 2026', 'Najaarssessie 2026'].entries()) {
      const w = await workshopWithFacilitator(server, title);
      await w.api.post(`/api/workshops/${w.workshop.id}/cards`, n === 0 ? { cards } : { registerIds: [] as string[], cards });
      for (const p of ['A', 'B', 'C']) await join(server.url, w.workshop.joinCode, `Deelnemer ${p}`);
      const d = await connectedDoc(server.wsUrl, w.workshop.id, { headers: { cookie: w.api.cookie, origin: server.url } });
      docs.push(d);
      await eventually(() => readCards(d.doc).length === titles.length);
      readCards(d.doc).forEach((c, i) => {
        moveCard(d.doc, c.id, { x: ((i * 0.37 + n * 0.45) % 0.9) + 0.05, y: ((i * 0.23 + n * 0.3) % 0.9) + 0.05 });
        if (i % 2 === 0) setCardTarget(d.doc, c.id, { x: 0.8, y: 0.2 });
      });
      await w.goToPhase('drempels');
      const barriers: string[] = [];
      for (const text of ['Netcongestie remt zonneparken', 'Regels voor subsidie zijn te ingewikkeld', 'Geen vast aanspreekpunt bij de gemeente']) {
        barriers.push((await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'barrier:add', { text, cardIds: [] }))).id);
      }
      await w.goToPhase('voorstellen');
      for (let i = 0; i < 4; i++) {
        const id = (
          await ok(
            ask<AckResult<{ id: string }>>(w.facilitator.socket, 'proposal:add', {
              barrierId: barriers[i % 3],
              text: ['Netbeheerder aan tafel', 'Eén subsidieloket', 'Vast aanspreekpunt per kern', 'Zonnepark op de vuilstort'][i],
              kind: 'versnellen',
              owner: ['Directeur Ruimte', 'Team Subsidies', 'Afdeling Publiekszaken', 'Team Energie'][i],
              dueDate: i === 0 ? '2026-01-31' : '2027-06-30',
            }),
          )
        ).id;
        if (n === 0 && i === 0) ownerPath = (await w.api.post<OwnerLinkCreated>(`/api/knowledge/proposals/${id}/owner-link`, {})).body.path;
      }
      const alarm = await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'alarm:raise', { targetType: 'barrier', targetId: barriers[0], reason: 'De wachtlijst bij de netbeheerder groeit' }));
      await ok(ask(w.facilitator.socket, 'alarm:decide', { alarmId: alarm.id, status: 'confirmed' }));
      await w.api.post(`/api/workshops/${w.workshop.id}/finish`);
      w.closeAll();
    }
    expect(ownerPath).toMatch(/^\/actie#a\./);
  });

  it('the owner page: on a phone, the token leaves the address bar and never reaches a request; progress is saved; axe passes', async () => {
    const requests: string[] = [];
    const phone = await suite.open(PHONE_390, (ctx) => {
      ctx.on('request', (r) => requests.push(`${r.url()} ${r.headers()['referer'] ?? ''}`));
    });
    await phone.goto(suite.server.url + ownerPath);
    await phone.getByRole('heading', { name: 'Je actiepunt' }).waitFor();
    await phone.getByText('Netbeheerder aan tafel').waitFor();
    expect(new URL(phone.url()).hash).toBe('');
    await checkAccessible(phone, 'owner page (phone)');

    await phone.getByLabel('In uitvoering').check();
    await phone.getByLabel('Korte toelichting').fill('Eerste overleg met de netbeheerder is gepland.');
    await phone.getByRole('button', { name: 'Opslaan' }).click();
    await phone.getByText('Eerste overleg met de netbeheerder is gepland.').waitFor();
    await expect.poll(() => phone.locator('.rb-fu-history__item').count()).toBe(1);
    const token = ownerPath.split('#')[1]!;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((r) => r.includes(token))).toEqual([]);
    expectOnlyOwnOrigin(requests.map((r) => r.split(' ')[0]!));
    await phone.screenshot({ path: `${SHOTS}/owner-phone.png`, fullPage: true });
    await phone.emulateMedia({ colorScheme: 'dark' });
    await phone.screenshot({ path: `${SHOTS}/owner-phone-dark.png`, fullPage: true });
    await checkLanguagesAndThemes(phone, 'owner page (phone)', 'Your action point');

    const laptop = await suite.open(LAPTOP);
    await laptop.goto(suite.server.url + ownerPath);
    await laptop.getByText('Eerste overleg met de netbeheerder is gepland.').waitFor();
    await checkAccessible(laptop, 'owner page (laptop)');
    await laptop.screenshot({ path: `${SHOTS}/owner-laptop.png`, fullPage: true });
  });

  it('the progress report in the knowledge centre, and the organisation\'s page under a secret link; axe passes', async () => {
    const requests: string[] = [];
    const page = await suite.open(LAPTOP_768, recordRequests(requests));
    await page.goto(`${suite.server.url}/kenniscentrum/voortgang`);
    await page.waitForURL(/\/inloggen\?terug=/);
    await page.getByLabel('E-mailadres').fill(FACILITATOR.email);
    await page.getByLabel('Wachtwoord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/kenniscentrum\/voortgang$/);
    await page.getByRole('heading', { name: 'Voortgangsrapportage', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Hoe domeinen en projecten bewogen' }).waitFor();
    // The quadrant picture, drawn by the server, and every domain and project in words under its number.
    const picture = page.getByRole('img', { name: /^Het bord met 10 domeinen en projecten/ });
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
    const words = page.locator('.rb-fu-moves li');
    expect(await words.count()).toBe(10);
    expect(await words.first().textContent()).toMatch(/^\S.*\((domein|project)\): .*(Koers: |Nog geen koers)/);
    expect(await picture.getAttribute('aria-describedby')).toBe(await page.locator('.rb-fu-moves').getAttribute('id'));
    await checkAccessible(page, 'progress report (knowledge centre)');
    await page.screenshot({ path: `${SHOTS}/knowledge-progress-report.png` });
    await page.locator('.rb-fu-figure summary', { hasText: 'Het bord in woorden (10)' }).click();
    await picture.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -80));
    await page.screenshot({ path: `${SHOTS}/knowledge-progress-picture.png` });
    await checkAccessible(page, 'progress report, the board in words open');
    await checkLanguagesAndThemes(page, 'progress report (knowledge centre)', 'How domains and projects moved', 'knowledge-progress-picture-dark.png');
    expectOnlyOwnOrigin(requests);

    await page.getByRole('button', { name: 'Maak een geheime link (voor het intranet)' }).click();
    const published = await page.getByTestId('published').innerText();
    const link = /(\/voortgang\/v\.[A-Za-z0-9_-]+)/.exec(published)![1]!;

    const intranet = await suite.open(SHARED_SCREEN, recordRequests(requests));
    await intranet.goto(suite.server.url + link);
    await intranet.getByRole('heading', { name: 'Voortgang Regisserend Lochem' }).waitFor();
    await intranet.getByRole('heading', { name: 'Alarmbellen en wat er is gedaan' }).waitFor();
    expect(await intranet.locator('body').innerText()).not.toContain('Deelnemer A');
    await checkAccessible(intranet, 'organisation page');
    await intranet.screenshot({ path: `${SHOTS}/intranet-progress.png`, fullPage: true });
    const phone = await suite.open(PHONE_390, recordRequests(requests));
    await phone.goto(suite.server.url + link);
    await phone.getByRole('heading', { name: 'Werksessies' }).waitFor();
    await expect.poll(() => phone.getByRole('img', { name: /^Het bord met/ }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await checkAccessible(phone, 'organisation page (phone)');
    await phone.screenshot({ path: `${SHOTS}/intranet-progress-phone.png` });
    await phone.getByRole('heading', { name: 'Hoe domeinen en projecten bewogen' }).scrollIntoViewIfNeeded();
    await phone.evaluate(() => document.querySelector('.rb-fu-figure')!.closest('section')!.scrollIntoView());
    await phone.screenshot({ path: `${SHOTS}/intranet-progress-phone-picture.png` });
    await checkLanguagesAndThemes(phone, 'organisation page (phone)', 'How domains and projects moved');
    await checkLanguagesAndThemes(intranet, 'organisation page', 'How domains and projects moved');
    expectOnlyOwnOrigin(requests);
    for (const d of docs) d.destroy();
  });
});
