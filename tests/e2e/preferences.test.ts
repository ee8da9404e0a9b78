import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { PHONE } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { ask, connectControl, connectedDoc } from '../helpers/clients';
import { addCard } from '../../shared/board';
import type { WorkshopSummary } from '../../shared/protocol';

/**
 * What a visitor chooses or has set on the device: the language (remembered, with the
 * right lang attribute, dates in that language), text at 200%, dark mode, more contrast,
 * reduced motion.
 */
const suite = browserSuite();
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'nl-NL' };

async function asParticipant(page: Page, workshopId: string, who: { participantId: string; token: string }) {
  await page.goto(suite.server.url + '/');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [`regiebord.participant.${workshopId}`, JSON.stringify({ ...who, name: 'Anna' })],
  );
  await page.goto(`${suite.server.url}/w/${workshopId}`);
}

/** Text at 200% (the root font size, as a browser's text-size setting does). */
async function textAt200(page: Page) {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
}

/** No sideways scrolling of the page, and each control fully inside the page width and not cut off. */
async function expectNothingLost(page: Page, label: string, controls: Locator[]) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label}: the page scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  for (const control of controls) {
    await control.scrollIntoViewIfNeeded();
    const seen = await control.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const inWidth = box.left >= 0 && box.right <= window.innerWidth + 0.5 && box.width > 0 && box.height > 0;
      // Not clipped by an ancestor: the element (or something inside it) is on top at its middle and near its edges.
      const points = [
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.left + 2, box.top + box.height / 2],
        [box.right - 2, box.top + box.height / 2],
      ];
      const onTop = points.every(([x, y]) => {
        const hit = document.elementFromPoint(x!, y!);
        return hit !== null && (hit === el || el.contains(hit) || (el as HTMLElement).closest('label')?.contains(hit) === true);
      });
      // Its text stays inside its own box (a long word in a big heading would stick out and be cut off).
      const fits = el.scrollWidth <= el.clientWidth + 1;
      return { inWidth, onTop, fits, box: `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}` };
    });
    expect(seen.inWidth && seen.onTop && seen.fits, `${label}: ${control} is cut off or outside the page (${JSON.stringify(seen)})`).toBe(true);
  }
}

describe('language: Dutch and English, remembered, with the right lang attribute', () => {
  it('switches, remembers the choice across reloads and pages, and formats dates in that language', async () => {
    const { server } = suite;
    const page = await suite.open(DESKTOP);
    await page.goto(server.url + '/inloggen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.locator('h1').innerText()).toBe('Inloggen voor begeleiders');

    await page.locator('.rb-lang__button[lang="en"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.rb-lang__button[lang="en"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('h1').innerText()).not.toBe('Inloggen voor begeleiders');
    expect(await page.title()).not.toContain('Inloggen');

    await page.reload();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const another = await page.context().newPage();
    await another.goto(server.url + '/doe-mee');
    expect(await another.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => another.getByRole('button', { name: 'Join', exact: true }).count()).toBe(1);
    // Someone else's browser starts in Dutch.
    const fresh = await suite.open(DESKTOP);
    await fresh.goto(server.url + '/doe-mee');
    expect(await fresh.evaluate(() => document.documentElement.lang)).toBe('nl');

    // Dates follow the language: the dashboard's creation date, as Intl writes it.
    const api = await facilitatorClient(server.url);
    await createWorkshop(api, 'Datum');
    const [summary] = (await api.get<{ workshops: WorkshopSummary[] }>('/api/workshops')).body.workshops;
    const when = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(summary!.createdAt);
    expect(when('nl-NL')).not.toBe(when('en-GB'));
    await page.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
    await page.goto(server.url + '/begeleider');
    await expect.poll(() => page.locator('main').innerText()).toContain(when('en-GB'));
    await page.locator('.rb-lang__button[lang="nl"]').click();
    await expect.poll(() => page.locator('main').innerText()).toContain(when('nl-NL'));
  });
});

describe('text at 200%: nothing lost on a phone and on a laptop', () => {
  it('home, join, the phone during a workshop, and the facilitator', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, 'Grote letters');
    const anna = await join(server.url, workshop.joinCode, 'Anna');
    const doc = await connectedDoc(server.wsUrl, workshop.id, { token: anna.token });
    addCard(doc.doc, { kind: 'domain', title: 'Klimaatbeleid', x: 0.8, y: 0.2 });

    const phone = await suite.open(PHONE);
    await phone.goto(server.url + '/');
    await phone.getByLabel('Deelnamecode').waitFor();
    await textAt200(phone);
    await expectNothingLost(phone, 'home', [
      phone.getByLabel('Deelnamecode'),
      phone.getByRole('button', { name: 'Meedoen' }),
      phone.locator('.rb-lang__button[lang="en"]'),
      phone.getByRole('link', { name: 'Privacy' }),
    ]);

    await phone.goto(`${server.url}/doe-mee?code=${workshop.joinCode}`);
    await phone.getByLabel('Je naam (mag leeg blijven)').waitFor();
    await textAt200(phone);
    await expectNothingLost(phone, 'join', [phone.getByLabel('Je naam (mag leeg blijven)'), phone.getByRole('button', { name: 'Meedoen' })]);

    await asParticipant(phone, workshop.id, anna);
    const card = phone.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first();
    await card.waitFor();
    await textAt200(phone);
    await expectNothingLost(phone, 'phone', [
      phone.getByTestId('phase-title'),
      phone.getByTestId('sync-status'),
      card,
      phone.getByLabel('Titel van de kaart'),
      phone.getByRole('button', { name: 'Kaart toevoegen' }),
    ]);
    // The longest words: the proposal step's title and form.
    const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    await fac.state;
    expect(await ask(fac.socket, 'phase:go', { phaseId: 'voorstellen' })).toMatchObject({ ok: true });
    fac.socket.disconnect();
    await phone.locator('[data-testid="phase-title"][data-phase="voorstellen"]').waitFor();
    await expectNothingLost(phone, 'phone, Voorstellen', [
      phone.getByTestId('phase-title'),
      phone.getByLabel('Voorstel', { exact: true }),
      phone.getByRole('button', { name: 'Voorstel toevoegen' }),
    ]);

    const facilitator = await suite.open(DESKTOP);
    await facilitator.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
    await facilitator.goto(`${server.url}/begeleider/w/${workshop.id}`);
    await facilitator.getByRole('button', { name: 'Volgende stap' }).waitFor();
    // The cockpit sticks to the top at normal text; at 200% it wraps to many rows and stays at the top of the page.
    const position = () => facilitator.getByTestId('cockpit').evaluate((el) => getComputedStyle(el).position);
    expect(await position()).toBe('sticky');
    await textAt200(facilitator);
    await expect.poll(position).toBe('static');
    // The cockpit's bar and its tabs (the bar must not stick over half the window at 200%).
    await expectNothingLost(facilitator, 'facilitator', [
      facilitator.getByRole('button', { name: 'Volgende stap' }),
      facilitator.getByRole('button', { name: 'Vorige stap' }),
      facilitator.getByRole('tab', { name: 'Bord' }),
      facilitator.getByRole('tab', { name: 'Downloads' }),
    ]);
    // The join code and the screen link, in the Deelnemers tab.
    await facilitator.getByRole('tab', { name: 'Deelnemers' }).click();
    await expectNothingLost(facilitator, 'facilitator, Deelnemers', [
      facilitator.getByTestId('join-code'),
      facilitator.getByRole('link', { name: 'Gedeeld scherm openen' }),
    ]);
    // The card on the board, in the Bord tab.
    await facilitator.getByRole('tab', { name: 'Bord' }).click();
    await expectNothingLost(facilitator, 'facilitator, Bord', [facilitator.getByTestId('board').locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first()]);
    doc.destroy();
  });
});

describe('dark mode, more contrast, reduced motion', () => {
  it('follows the device settings', async () => {
    const page = await suite.open(DESKTOP);
    await page.goto(suite.server.url + '/doe-mee');
    await page.locator('.rb-field__hint').first().waitFor();
    const luminance = () =>
      page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
        return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
      });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await luminance()).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await luminance()).toBeLessThan(0.2);

    // More contrast: hints are no longer grey but the text colour itself.
    const hint = page.locator('.rb-field__hint').first();
    const colours = () => hint.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).color]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, contrast: 'more' });
      const [hintColour, textColour] = await colours();
      expect(hintColour).toBe(textColour);
    }

    // Reduced motion: cards jump instead of gliding.
    const api = await facilitatorClient(suite.server.url);
    const workshop = await createWorkshop(api, 'Beweging');
    const anna = await join(suite.server.url, workshop.joinCode, 'Anna');
    const doc = await connectedDoc(suite.server.wsUrl, workshop.id, { token: anna.token });
    addCard(doc.doc, { kind: 'domain', title: 'Klimaatbeleid', x: 0.5, y: 0.5 }); // placed: the board's cards glide, the tray's do not move
    await asParticipant(page, workshop.id, anna);
    const card = page.locator('[data-card-id]').first();
    await card.waitFor();
    const duration = () => card.evaluate((el) => Math.max(...getComputedStyle(el).transitionDuration.split(',').map((s) => parseFloat(s))));
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await duration()).toBeGreaterThan(0.1);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await duration()).toBeLessThan(0.001);
    doc.destroy();
  });
});
