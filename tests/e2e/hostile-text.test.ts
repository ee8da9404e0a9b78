import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl } from '../helpers/clients';
import { PHONE, SHARED_SCREEN } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';

const suite = browserSuite();
/** Every request any page made, to check that none left the server's own origin. */
const requests: string[] = [];

async function open(options: object): Promise<Page> {
  const page = await suite.open(options, (context) => {
    context.on('request', (r) => requests.push(r.url()));
  });
  // A script that runs would set this; inert text never does.
  await page.addInitScript(() => {
    (window as unknown as { __pwned: number }).__pwned = 0;
  });
  return page;
}

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '"><svg onload="window.__pwned=1">',
];

describe('hostile texts stay inert; no request leaves the origin', () => {
  it('shows markup as text in every view', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, '<b>Titel</b><img src=x onerror="window.__pwned=1">');
    const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    await fac.state;
    await ask(fac.socket, 'settings:update', { named: true });

    const phone = await open(PHONE);
    const { token, workshopId, participantId } = await join(server.url, workshop.joinCode, '<i>n</i><img src=x onerror=alert(1)>');
    await phone.goto(server.url + '/');
    await phone.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`regiebord.participant.${workshopId}`, JSON.stringify({ participantId, token, name: 'x' })],
    );
    await phone.goto(`${server.url}/w/${workshopId}`);
    const screen = await open(SHARED_SCREEN);
    await screen.goto(`${server.url}/scherm/${workshop.id}#${workshop.screenToken}`);
    const facilitator = await open({ viewport: { width: 1366, height: 900 } });
    await facilitator.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
    await facilitator.goto(`${server.url}/begeleider/w/${workshop.id}`);

    const inert = async () => {
      for (const page of [phone, screen, facilitator]) {
        for (const text of HOSTILE) {
          await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(text);
        }
        expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
        expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
        expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      }
    };

    // The participant's hostile name, in the cockpit's Deelnemers tab (Welkom opens it).
    await expect.poll(() => facilitator.locator('#rb-panel-people').innerText(), { timeout: 10_000 }).toContain('<i>n</i><img src=x onerror=alert(1)>');
    expect(await facilitator.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);

    // Cards (Welkom shows the board everywhere; the facilitator's in the cockpit's Bord tab).
    await facilitator.getByRole('tab', { name: 'Bord' }).click();
    for (const text of HOSTILE) {
      await phone.getByLabel('Titel van de kaart').fill(text);
      await phone.getByRole('button', { name: 'Kaart toevoegen' }).click();
    }
    // First in the tray of cards not placed yet, as text.
    for (const page of [phone, screen, facilitator]) {
      await expect.poll(() => page.getByTestId('card-tray').locator('[data-card-id]').count(), { timeout: 10_000 }).toBe(HOSTILE.length);
    }
    await inert();
    // Then on the board: each placed from the tray by keyboard (keys 1 to 4, one quadrant each).
    for (const [i, text] of HOSTILE.entries()) {
      await phone.getByTestId('card-tray').locator('[data-card-id]', { hasText: text }).first().focus();
      await phone.keyboard.press(String(i + 1));
    }
    for (const page of [phone, screen, facilitator]) {
      await expect.poll(() => page.getByTestId('card-tray').count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => page.getByTestId('board').locator('[data-card-id]').count(), { timeout: 10_000 }).toBe(HOSTILE.length);
    }
    await inert();

    // Barriers (the screen lists them in Drempels), with a hostile author name shown in a named workshop.
    await ask(fac.socket, 'phase:go', { phaseId: 'drempels' });
    for (const text of HOSTILE) {
      await phone.getByLabel('Drempel', { exact: true }).fill(text);
      await phone.getByRole('button', { name: 'Drempel toevoegen' }).click();
    }
    await inert();
    fac.socket.disconnect();

    // The knowledge centre's search and the report page show the same texts as text.
    const inertOn = async (page: Page) => {
      for (const text of HOSTILE) {
        await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain(text);
      }
      expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
      expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    };
    await facilitator.goto(`${server.url}/kenniscentrum/zoeken?q=pwned`);
    await inertOn(facilitator);
    await facilitator.goto(`${server.url}/rapport/${workshop.id}`);
    await inertOn(facilitator);

    // Every export: markup stays text (escaped or quoted), never a live tag or link.
    for (const format of ['md', 'svg', 'csv', 'json']) {
      const res = await api.get<string>(`/api/workshops/${workshop.id}/export?format=${format}`);
      expect(res.status, format).toBe(200);
      const body = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      if (format === 'json' || format === 'csv') {
        // Data, not markup: served as JSON or CSV and as a download, so no browser renders it as a page.
        expect(res.headers.get('content-type')).toMatch(format === 'json' ? /^application\/json/ : /^text\/csv/);
        expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
        continue;
      }
      for (const tag of ['<img', '<script', '<svg onload', '<b>Titel']) expect(body, `${format}: ${tag}`).not.toContain(tag);
      expect(body, format).not.toMatch(/\]\(javascript:/i);
      expect(body, format).not.toMatch(/href="javascript:/i);
    }

    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
