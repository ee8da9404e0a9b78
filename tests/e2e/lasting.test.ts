import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import type { WorkshopExport } from '../../shared/export';
import type { RegisterEntry } from '../../shared/knowledge';
import type { WorkshopDetail } from '../../shared/protocol';
import { FACILITATOR, createWorkshop, facilitatorClient, type ApiClient } from '../helpers/api';
import { LAPTOP, PHONE, SHARED_SCREEN } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { eventually } from '../helpers/poll';
import { workshopWithFacilitator } from '../helpers/workshop';

/**
 * What lasts after a workshop, in the browser: preparing from the register,
 * open proposals in Welkom, downloads, closing (the phone goes read-only),
 * deleting (the phone is told), and importing a JSON export on the dashboard.
 */
const suite = browserSuite();

async function facilitatorPage(): Promise<Page> {
  const page = await suite.open(LAPTOP);
  await page.goto(suite.server.url + '/inloggen');
  await page.getByLabel('E-mailadres').fill(FACILITATOR.email);
  await page.getByLabel('Wachtwoord').fill(FACILITATOR.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/begeleider$/);
  return page;
}

async function joinAs(code: string, name: string): Promise<Page> {
  const phone = await suite.open(PHONE);
  await phone.goto(`${suite.server.url}/doe-mee?code=${code}`);
  await phone.getByLabel('Je naam (mag leeg blijven)').fill(name);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await phone.waitForURL(/\/w\/[a-z0-9]+$/);
  return phone;
}

async function download(page: Page, link: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { file, bytes: fs.readFileSync(path) };
}

async function exportJson(api: ApiClient, workshopId: string, cards: number): Promise<WorkshopExport> {
  return eventually(async () => {
    const res = await api.get<WorkshopExport>(`/api/workshops/${workshopId}/export?format=json`);
    expect(res.status).toBe(200);
    expect(res.body.cards).toHaveLength(cards);
    return res.body;
  });
}

/** A card on the board, or in its tray while it is not placed yet (a new card waits there). */
const cardShown = (page: Page, title: string) => page.locator('[data-card-id]', { hasText: title }).first();
/** A card on the board itself (placed), not in the tray. */
const cardOnBoard = (page: Page, title: string) => page.getByTestId('board').locator('[data-card-id]', { hasText: title }).first();
/** Opens a tab of the facilitator's cockpit. */
async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}
const BOM = [0xef, 0xbb, 0xbf];

describe('the facilitator prepares, exports, closes and deletes a workshop; the phone follows', () => {
  it('prepares from the register, reviews open proposals, downloads, closes, reopens and deletes', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    // The register: one entry we use, one the filter must hide.
    const made = await api.post<{ entry: RegisterEntry }>('/api/register', {
      kind: 'domain',
      title: 'Sociaal domein',
      department: 'Maatschappelijke Ontwikkeling',
    });
    expect(made.status).toBe(201);
    const sociaal = made.body.entry;
    expect((await api.post('/api/register', { kind: 'domain', title: 'Beheer van wegen', department: 'Openbare Werken' })).status).toBe(201);

    // An earlier workshop left an overdue proposal about Sociaal domein.
    const earlier = await workshopWithFacilitator(server, 'Voorjaarssessie 2026');
    await earlier.api.post(`/api/workshops/${earlier.workshop.id}/cards`, { registerIds: [sociaal.id] });
    const [earlierCard] = (await exportJson(earlier.api, earlier.workshop.id, 1)).cards;
    await earlier.goToPhase('voorstellen');
    await earlier.act('proposal:add', { cardId: earlierCard!.id, text: 'Wijkteams versterken', kind: 'versnellen', owner: 'Team Zorg', dueDate: '2020-01-31' });
    earlier.closeAll();

    const title = 'Najaarssessie Lochem';
    const workshop = await createWorkshop(api, title);
    const fac = await facilitatorPage();
    await fac.goto(`${server.url}/begeleider/w/${workshop.id}`);
    // Welkom opens the cockpit's Deelnemers tab; the board, its register and the open proposals are in Bord.
    await openTab(fac, 'Bord');

    // Welkom: nothing open yet, because nothing on this board is about an earlier workshop.
    const open = fac.getByTestId('open-proposals');
    await expect.poll(() => open.innerText()).toContain('Er staan geen voorstellen open');

    // Prepare the board from the register, plus a new project.
    const register = fac.locator('#register');
    await register.getByRole('checkbox', { name: 'Beheer van wegen' }).waitFor();
    await fac.getByLabel('Zoek in het register').fill('sociaal');
    await expect.poll(() => register.getByRole('checkbox', { name: 'Beheer van wegen' }).count()).toBe(0);
    await register.getByRole('checkbox', { name: 'Sociaal domein' }).check();
    await fac.getByLabel('Titel van het nieuwe domein of project').fill('Bomen buitengebied');
    await fac.getByLabel('Soort van de nieuwe kaart').selectOption({ label: 'Project' });
    await fac.getByLabel('Afdeling (mag leeg blijven)').fill('Openbare Werken');
    await fac.getByRole('button', { name: 'Op het bord zetten' }).click();
    await expect.poll(() => register.locator('.rb-status-note').innerText()).toContain('2 kaarten staan nu op het bord.');
    for (const card of ['Sociaal domein', 'Bomen buitengebied']) await cardShown(fac, card).waitFor();
    // Prepared cards wait in the tray; the facilitator places one by keyboard (key 2: Manoeuvres in de Markt).
    await fac.getByTestId('card-tray').locator('[data-card-id]', { hasText: 'Sociaal domein' }).focus();
    await fac.keyboard.press('2');
    await cardOnBoard(fac, 'Sociaal domein').waitFor();
    // The register entry on the board cannot be added twice.
    await fac.getByLabel('Zoek in het register').fill('');
    expect(await register.getByRole('checkbox', { name: 'Sociaal domein' }).isDisabled()).toBe(true);

    // The earlier proposal is now up for review, late, in words.
    await expect.poll(() => open.innerText()).toContain('Wijkteams versterken');
    const review = await open.innerText();
    expect(review).toContain('Te laat: dit had klaar moeten zijn op 31 januari 2020.');
    expect(review).toContain('Team Zorg');
    expect(review).toContain('Voorjaarssessie 2026');

    // A phone joins and sees the prepared cards, and may add its own (Welkom).
    const phone = await joinAs(workshop.joinCode, 'Anna');
    await cardOnBoard(phone, 'Sociaal domein').waitFor();
    await cardShown(phone, 'Bomen buitengebied').waitFor();
    expect(await phone.getByRole('button', { name: 'Kaart toevoegen' }).count()).toBe(1);
    const screen = await suite.open(SHARED_SCREEN);
    await screen.goto(`${server.url}/scherm/${workshop.id}#${workshop.screenToken}`);
    await cardShown(screen, 'Bomen buitengebied').waitFor();
    await cardOnBoard(screen, 'Sociaal domein').waitFor();

    // Downloads during the workshop (the cockpit's Downloads tab): the report as a PDF.
    await openTab(fac, 'Downloads');
    const downloads = fac.locator('#downloads');
    expect(await downloads.getByRole('link', { name: 'Rapport bekijken' }).getAttribute('href')).toBe(`/rapport/${workshop.id}`);
    const pdf = await download(fac, downloads.getByRole('link', { name: 'Rapport (PDF)' }));
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.file.suggestedFilename()).toMatch(/^regiebord-najaarssessie-lochem-\d{4}-\d{2}-\d{2}\.pdf$/);

    // Close the workshop, after the question.
    await fac.getByRole('button', { name: 'Werksessie afronden' }).click();
    await fac.getByRole('button', { name: 'Ja, afronden' }).click();
    await fac.getByRole('heading', { name: /Afgerond — alleen lezen/ }).waitFor();
    expect(await fac.getByRole('button', { name: 'Heropenen' }).count()).toBe(1);
    // The facilitator's own controls are off (the server would refuse them).
    expect(await fac.getByRole('button', { name: 'Volgende stap' }).isDisabled()).toBe(true);
    await openTab(fac, 'Bord');
    await cardOnBoard(fac, 'Sociaal domein').waitFor();
    expect(await fac.getByRole('button', { name: 'Kaart toevoegen' }).count()).toBe(0);
    expect(await fac.getByRole('button', { name: 'Op het bord zetten' }).count()).toBe(0);
    await openTab(fac, 'Downloads');

    // The phone: the banner, said in words and announced; nothing to change any more.
    const banner = phone.getByTestId('finished-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Deze werksessie is afgerond. Je kunt nog kijken, niet meer veranderen.');
    // (The board has a live region of its own; the method's is the polite one that says this.)
    await expect.poll(() => phone.getByTestId('live-region').filter({ hasText: 'De werksessie is afgerond.' }).count()).toBe(1);
    expect(await phone.getByRole('button', { name: 'Kaart toevoegen' }).count()).toBe(0);
    expect(await phone.getByLabel('Titel van de kaart').count()).toBe(0);
    await cardOnBoard(phone, 'Sociaal domein').waitFor();
    await cardShown(phone, 'Bomen buitengebied').waitFor();
    await screen.getByTestId('finished-banner').waitFor();

    // Downloads after closing: the proposals and barriers as CSV for Excel.
    for (const [name, header] of [
      ['Drempels (CSV, voor Excel)', '"Plaats";"Drempel"'],
      ['Voorstellen (CSV, voor Excel)', '"Voorstel"'],
    ] as const) {
      const csv = await download(fac, downloads.getByRole('link', { name }));
      expect([...csv.bytes.subarray(0, 3)]).toEqual(BOM);
      expect(csv.bytes.subarray(3).toString('utf8').split('\r\n')[0]).toContain(header);
    }

    // Reopen and the phone's banner goes; close again.
    await fac.getByRole('button', { name: 'Heropenen' }).click();
    await fac.getByRole('button', { name: 'Werksessie afronden' }).waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => phone.getByTestId('live-region').filter({ hasText: 'heropend' }).count()).toBe(1);

    // Delete (the cockpit's Instellingen tab): the dialog wants the title typed again.
    await openTab(fac, 'Instellingen');
    await fac.getByRole('button', { name: 'Werksessie verwijderen' }).click();
    const dialog = fac.getByRole('dialog', { name: 'Werksessie definitief verwijderen' });
    await dialog.waitFor();
    await dialog.getByLabel('Titel van de werksessie').fill('Najaarssessie');
    await dialog.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('Typ de titel van de werksessie over');
    expect((await api.get(`/api/workshops/${workshop.id}`)).status).toBe(200);
    await dialog.getByLabel('Titel van de werksessie').fill(title);
    await dialog.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await fac.waitForURL(/\/begeleider$/);
    await fac.getByRole('heading', { level: 1, name: 'Werksessies', exact: true }).waitFor();
    expect(await fac.getByText(title).count()).toBe(0);
    expect((await api.get(`/api/workshops/${workshop.id}`)).status).toBe(404);

    // The phone and the shared screen are told, for good.
    const gone = phone.getByTestId('workshop-deleted');
    await gone.waitFor();
    expect(await phone.getByRole('heading', { level: 1 }).innerText()).toBe('Deze werksessie is verwijderd');
    expect(await phone.locator('[data-card-id]').count()).toBe(0);
    await screen.getByTestId('workshop-deleted').waitFor();
    expect(await screen.getByRole('heading', { level: 1 }).innerText()).toBe('Deze werksessie is verwijderd');
    expect(await phone.evaluate((id) => localStorage.getItem(`regiebord.participant.${id}`), workshop.id)).toBeNull();
  });
});

describe('the dashboard imports a JSON export', () => {
  it('opens the imported workshop with the same cards, and names a bad file', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    const source = await createWorkshop(api, 'Importbron Lochem');
    await api.post(`/api/workshops/${source.id}/cards`, {
      cards: [
        { kind: 'domain', title: 'Klimaatbeleid', department: 'Ruimte' },
        { kind: 'project', title: 'Zonnepark Lochem' },
      ],
    });
    const model = await exportJson(api, source.id, 2);
    const json = JSON.stringify(model, null, 2);

    const fac = await facilitatorPage();
    expect(await fac.getByRole('link', { name: 'Naar het kenniscentrum' }).getAttribute('href')).toBe('/kenniscentrum');
    const file = fac.getByLabel('JSON-bestand');
    const submit = fac.getByRole('button', { name: 'Importeren' });

    // Not JSON at all, then JSON of the wrong shape (refused by the server): both named.
    await file.setInputFiles({ name: 'notities.json', mimeType: 'application/json', buffer: Buffer.from('dit is geen json') });
    await submit.click();
    await expect.poll(() => fac.getByRole('alert').innerText()).toContain('Dit bestand is geen JSON-export van Regiebord');
    await file.setInputFiles({ name: 'leeg.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"regiebord-workshop","version":1}') });
    await submit.click();
    await expect.poll(() => fac.locator('[data-error-code]').getAttribute('data-error-code')).toBe('INVALID_PAYLOAD');
    expect(fac.url()).toMatch(/\/begeleider$/);

    await file.setInputFiles({ name: 'regiebord-importbron-lochem.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    // The form proposes a title from the file that tells the import apart from its original (issue 19).
    const importTitle = fac.getByLabel('Titel van de geïmporteerde werksessie');
    await expect.poll(() => importTitle.inputValue()).toBe('Importbron Lochem (kopie)');
    await submit.click();
    await fac.waitForURL(/\/begeleider\/w\/[a-z0-9]+$/);
    const importedId = new URL(fac.url()).pathname.split('/').pop()!;
    expect(importedId).not.toBe(source.id);
    // The cards are in the cockpit's Bord tab; unplaced in the source, so unplaced here: in the tray.
    await openTab(fac, 'Bord');
    for (const card of ['Klimaatbeleid', 'Zonnepark Lochem']) await fac.getByTestId('card-tray').locator('[data-card-id]', { hasText: card }).waitFor();
    expect(await fac.locator('[data-card-id]').count()).toBe(2);
    expect(await fac.getByRole('heading', { level: 1 }).innerText()).toBe('Importbron Lochem (kopie)');

    const detail = (await api.get<WorkshopDetail>(`/api/workshops/${importedId}`)).body;
    expect(detail.title).toBe('Importbron Lochem (kopie)');
    const again = await exportJson(api, importedId, 2);
    const shape = (m: WorkshopExport) =>
      m.cards.map((c) => ({ kind: c.kind, title: c.title, department: c.department, x: c.x, y: c.y })).sort((a, b) => a.title.localeCompare(b.title));
    expect(shape(again)).toEqual(shape(model));
  });
});
