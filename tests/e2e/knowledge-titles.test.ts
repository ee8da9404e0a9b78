import { describe, expect, it } from 'vitest';
import type { KnowledgeWorkshop } from '../../shared/knowledge';
import { FACILITATOR, createWorkshop, facilitatorClient } from '../helpers/api';
import { expectAccessible } from '../helpers/axe';
import { LAPTOP } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';

/**
 * Titles in the knowledge centre (issue 19), in Chromium: a copy made there with a new
 * title is told apart from its original by title, date and origin ("Kopie van „…”"),
 * and the facilitator renames a workshop from "Beheren".
 */
const suite = browserSuite();
const ORIGINAL = 'Regiesessie Lochem';
const COPY = 'Regiesessie Lochem, tweede ronde';
const RENAMED = 'Regiesessie Lochem, eerste ronde';

describe('titles in the knowledge centre', () => {
  it('copies with a new title that is told apart, and renames from "Beheren"', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    const original = await createWorkshop(api, ORIGINAL);

    const page = await suite.open(LAPTOP);
    await page.goto(`${server.url}/inloggen`);
    await page.getByLabel('E-mailadres').fill(FACILITATOR.email);
    await page.getByLabel('Wachtwoord').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/begeleider$/);
    await page.goto(`${server.url}/kenniscentrum`);
    const table = page.getByTestId('workshops-table');
    const originalRow = table.locator(`tr[data-workshop-id="${original.id}"]`);
    await originalRow.waitFor();

    // "Kopie maken" asks for the title, proposing "… (kopie)"; we give it a title of its own.
    await page.getByRole('button', { name: `Kopie maken van ${ORIGINAL}` }).click();
    const form = page.getByRole('form', { name: `Kopie maken van „${ORIGINAL}”` });
    const field = form.getByLabel('Titel van de kopie');
    expect(await field.inputValue()).toBe(`${ORIGINAL} (kopie)`);
    await expectAccessible(page, 'kenniscentrum: kopie maken');
    await field.fill(COPY);
    await form.getByRole('button', { name: 'Kopie maken' }).click();
    // The copy opens in the cockpit under its own title.
    await page.waitForURL(/\/begeleider\/w\/[a-z0-9]+$/);
    const copyId = /\/w\/([a-z0-9]+)$/.exec(page.url())![1]!;
    expect(copyId).not.toBe(original.id);
    await expect.poll(() => page.title()).toContain(COPY);

    // Both in the knowledge centre: different titles, each with its date; only the copy says where it came from.
    await page.goto(`${server.url}/kenniscentrum`);
    const copyRow = table.locator(`tr[data-workshop-id="${copyId}"]`);
    await copyRow.waitFor();
    await originalRow.waitFor();
    const rowHead = (row: typeof copyRow) => row.locator('th[scope="row"]');
    expect(await rowHead(copyRow).innerText()).toContain(COPY);
    expect(await copyRow.getByTestId('workshop-origin').innerText()).toBe(`Kopie van „${ORIGINAL}”`);
    expect(await rowHead(originalRow).innerText()).toContain(ORIGINAL);
    expect(await rowHead(originalRow).innerText()).not.toContain(COPY);
    expect(await originalRow.getByTestId('workshop-origin').count()).toBe(0);
    for (const row of [originalRow, copyRow]) {
      const date = await row.locator('time').getAttribute('datetime');
      expect(new Date(date!).toDateString()).toBe(new Date().toDateString());
    }
    expect(await rowHead(originalRow).innerText()).not.toBe(await rowHead(copyRow).innerText());

    // "Beheren": the facilitator renames the original; the list shows the new title.
    await page.getByRole('button', { name: `${ORIGINAL} beheren` }).click();
    const manage = page.getByRole('group', { name: `Beheren: ${ORIGINAL}` });
    const title = manage.getByRole('textbox', { name: 'Titel van de werksessie' });
    expect(await title.inputValue()).toBe(ORIGINAL);
    await expectAccessible(page, 'kenniscentrum: beheren met titel');
    await title.fill(RENAMED);
    await manage.getByRole('button', { name: 'Titel opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De titel is opgeslagen.' }).count()).toBe(1);
    await expect.poll(() => rowHead(originalRow).innerText()).toContain(RENAMED);
    // Stored: the knowledge centre's list from the server has it, and the copy still has its own.
    const listed = await api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops');
    const titles = new Map(listed.body.workshops.map((w) => [w.id, w.title]));
    expect(titles.get(original.id)).toBe(RENAMED);
    expect(titles.get(copyId)).toBe(COPY);
    // An empty title is refused by the form (required), the old one stays.
    await title.fill('   ');
    expect(await manage.getByRole('button', { name: 'Titel opslaan' }).isDisabled()).toBe(true);
  });
});
