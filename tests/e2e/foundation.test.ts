import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/poll';
import { LAPTOP, PHONE, SHARED_SCREEN, cardPosition, touchDrag } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';

const suite = browserSuite();

describe('a workshop end to end: facilitator, shared screen, two phones, a restart', () => {
  it('runs', async () => {
    const { server, open } = suite;
    // 1. The facilitator creates the first account and a workshop.
    const facilitator = await open(LAPTOP);
    await facilitator.goto(server.url + '/');
    await facilitator.getByLabel('Naam').fill('Fenna Begeleider');
    await facilitator.getByLabel('E-mailadres').fill('fenna@lochem.nl');
    await facilitator.getByLabel('Wachtwoord').fill('correct-horse-battery');
    await facilitator.getByRole('button', { name: 'Account aanmaken' }).click();
    await facilitator.getByLabel('Titel van de werksessie').fill('Klimaatbeleid Lochem');
    await facilitator.getByRole('button', { name: 'Werksessie aanmaken' }).click();
    await facilitator.waitForURL(/\/begeleider\/w\/[a-z0-9]+$/);
    const joinCode = (await facilitator.getByTestId('join-code').innerText()).replace(/\s/g, '');
    expect(joinCode).toMatch(/^[0-9]{8}$/);
    const screenHref = await facilitator.getByRole('link', { name: 'Gedeeld scherm openen' }).getAttribute('href');
    expect(screenHref).toMatch(/^\/scherm\/[a-z0-9]+#s\./);
    const qr = facilitator.getByRole('img', { name: 'QR-code om mee te doen' });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    // 2. The shared screen shows the board read-only, with the join code.
    const screen = await open(SHARED_SCREEN);
    await screen.goto(server.url + screenHref);
    await screen.getByTestId('board').waitFor();
    await expect.poll(() => screen.locator('body').innerText()).toContain(joinCode.slice(0, 4));
    expect(screen.url()).not.toContain('#s.');

    // 3. Two phones join: one by the QR link, one by typing the code.
    const phone1 = await open(PHONE);
    await phone1.goto(`${server.url}/doe-mee?code=${joinCode}`);
    await expect.poll(() => phone1.getByLabel('Deelnamecode').inputValue()).toBe(joinCode);
    await phone1.getByLabel('Je naam (mag leeg blijven)').fill('Sanne');
    await phone1.getByRole('button', { name: 'Meedoen' }).click();
    await phone1.waitForURL(/\/w\/[a-z0-9]+$/);

    const phone2 = await open(PHONE);
    await phone2.goto(server.url + '/');
    await phone2.getByLabel('Deelnamecode').fill(`${joinCode.slice(0, 4)} ${joinCode.slice(4)}`);
    await phone2.getByRole('button', { name: 'Meedoen' }).click();
    await phone2.waitForURL(/\/w\/[a-z0-9]+$/);

    // The facilitator sees who is here.
    await expect.poll(() => facilitator.locator('body').innerText(), { timeout: 10_000 }).toContain('Sanne');

    // 4. Phone 1 adds a card; it appears on the other phone, on the screen and on the facilitator's
    // board (the cockpit's Bord tab), first in the tray of cards not placed yet.
    await facilitator.getByRole('tab', { name: 'Bord' }).click();
    await phone1.getByRole('radio', { name: 'Domein' }).check();
    await phone1.getByLabel('Titel van de kaart').fill('Klimaatbeleid');
    await phone1.getByRole('button', { name: 'Kaart toevoegen' }).click();
    for (const page of [phone2, screen, facilitator]) {
      await page.getByTestId('card-tray').locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().waitFor({ timeout: 5_000 });
    }

    // 5. Phone 1 places it with a tap on the board (the new card is chosen), in the bottom-left quadrant...
    const plane = (await phone1.getByTestId('board').boundingBox())!;
    await phone1.touchscreen.tap(plane.x + plane.width * 0.3, plane.y + plane.height * 0.7);
    for (const page of [phone1, phone2, screen, facilitator]) {
      await page.getByTestId('board').locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().waitFor({ timeout: 5_000 });
    }
    await eventually(async () => {
      const pos = await cardPosition(phone1, 'Klimaatbeleid');
      expect(pos.x).toBeLessThan(0.5);
      expect(pos.y).toBeGreaterThan(0.5);
    });
    // ...then drags it by touch into the top-right quadrant. A card's centre travels over the
    // board less its own size, so the finger goes to where the centre of a card at (75%, 25%) is.
    const board = (await phone1.getByTestId('board').boundingBox())!;
    const card = (await phone1.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().boundingBox())!;
    await touchDrag(
      phone1,
      { x: card.x + card.width / 2, y: card.y + card.height / 2 },
      {
        x: board.x + card.width / 2 + 0.75 * (board.width - card.width),
        y: board.y + card.height / 2 + 0.25 * (board.height - card.height),
      },
    );
    for (const page of [phone1, phone2, screen]) {
      await eventually(async () => {
        const pos = await cardPosition(page, 'Klimaatbeleid');
        expect(pos.x).toBeGreaterThan(0.6);
        expect(pos.y).toBeLessThan(0.4);
      });
    }
    await expect
      .poll(() => phone2.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().getAttribute('aria-label'))
      .toContain('Manoeuvres in de Markt');

    // 6. The server restarts; everything is still there and the clients carry on.
    await server.restart();
    for (const page of [phone1, phone2, screen]) {
      await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');
    }
    // Phone 2 moves the card by keyboard (key 3: bottom-left quadrant) after the restart.
    await phone2.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().focus();
    await phone2.keyboard.press('3');
    for (const page of [phone1, screen]) {
      await eventually(async () => {
        const pos = await cardPosition(page, 'Klimaatbeleid');
        expect(pos.x).toBeLessThan(0.5);
        expect(pos.y).toBeGreaterThan(0.5);
      }, { timeoutMs: 10_000 });
    }
    // A fresh load reads it from the restarted server's storage.
    await phone1.reload();
    await eventually(async () => {
      const pos = await cardPosition(phone1, 'Klimaatbeleid');
      expect(pos.x).toBeLessThan(0.5);
      expect(pos.y).toBeGreaterThan(0.5);
    }, { timeoutMs: 10_000 });
  });
});
