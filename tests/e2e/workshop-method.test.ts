import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FACILITATOR, createWorkshop, facilitatorClient } from '../helpers/api';
import { LAPTOP, PHONE, SHARED_SCREEN } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';

const suite = browserSuite();
/** Every request of every browser in the workshop: none may leave the server's own origin. */
const requests: string[] = [];
const record = (context: BrowserContext) => {
  context.on('request', (r) => void requests.push(r.url()));
};

const phaseTitle = (page: Page) => page.getByTestId('phase-title').innerText();

async function joinAs(code: string, name: string): Promise<Page> {
  const phone = await suite.open(PHONE, record);
  await phone.goto(`${suite.server.url}/doe-mee?code=${code}`);
  await phone.getByLabel('Je naam (mag leeg blijven)').fill(name);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await phone.waitForURL(/\/w\/[a-z0-9]+$/);
  return phone;
}

describe('a whole workshop through every phase: facilitator, shared screen, three phones; no request leaves the origin', () => {
  it('runs', async () => {
    const { server } = suite;
    const open = (options: object) => suite.open(options, record);
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, 'Regiegemeente Lochem 2026');

    const facilitator = await open(LAPTOP);
    await facilitator.goto(server.url + '/inloggen');
    await facilitator.getByLabel('E-mailadres').fill(FACILITATOR.email);
    await facilitator.getByLabel('Wachtwoord').fill(FACILITATOR.password);
    await facilitator.getByRole('button', { name: 'Inloggen' }).click();
    await facilitator.waitForURL(/\/begeleider$/);
    await facilitator.goto(`${server.url}/begeleider/w/${workshop.id}`);
    const next = facilitator.getByRole('button', { name: 'Volgende stap' });
    await next.waitFor();

    const screen = await open(SHARED_SCREEN);
    await screen.goto(`${server.url}/scherm/${workshop.id}#${workshop.screenToken}`);
    await expect.poll(() => phaseTitle(screen)).toMatch(/Welkom/);

    const [anna, bram, chris] = [
      await joinAs(workshop.joinCode, 'Anna'),
      await joinAs(workshop.joinCode, 'Bram'),
      await joinAs(workshop.joinCode, ''),
    ];

    // Positioneren (nu): two cards.
    await next.click();
    for (const page of [screen, anna]) await expect.poll(() => phaseTitle(page)).toMatch(/Positioneren/);
    await anna.getByLabel('Titel van de kaart').fill('Klimaatbeleid');
    await anna.getByRole('button', { name: 'Kaart toevoegen' }).click();
    // A card with its department and an explanation (optional details).
    await bram.getByLabel('Titel van de kaart').fill('Beheer van wegen');
    await bram.getByText('Meer over de kaart (mag leeg blijven)').click();
    await bram.getByLabel('Afdeling').fill('Openbare Werken');
    await bram.getByLabel('Toelichting').fill('Langlopende contracten, bewoners beslissen mee.');
    await bram.getByRole('button', { name: 'Kaart toevoegen' }).click();
    for (const title of ['Klimaatbeleid', 'Beheer van wegen']) {
      await screen.locator('[data-card-id]', { hasText: title }).first().waitFor();
    }
    await facilitator.locator('[data-card-id]', { hasText: 'Beheer van wegen' }).first().click();
    await expect.poll(() => facilitator.getByTestId('selected-card').innerText()).toContain('Afdeling: Openbare Werken');
    expect(await facilitator.getByTestId('selected-card').innerText()).toContain('Langlopende contracten, bewoners beslissen mee.');
    await facilitator.keyboard.press('Escape');
    // Chris moves a card by keyboard into Flashmob (key 4).
    await chris.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().focus();
    await chris.keyboard.press('4');
    await expect
      .poll(() => screen.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first().getAttribute('aria-label'))
      .toContain('Flashmob');

    // Koers (straks): Anna sets a target by tapping the card, then the board.
    await next.click();
    await expect.poll(() => phaseTitle(anna)).toMatch(/Koers/);
    await anna.locator('[data-card-id]', { hasText: 'Beheer van wegen' }).first().tap();
    const board = (await anna.getByTestId('board').boundingBox())!;
    await anna.touchscreen.tap(board.x + board.width * 0.8, board.y + board.height * 0.2);
    // The trajectory shows on the shared screen, with a text alternative.
    await expect.poll(() => screen.locator('body').innerText(), { timeout: 10_000 }).toMatch(/Beheer van wegen: van .+ naar Manoeuvres in de Markt/);

    // Drempels: three barriers.
    await next.click();
    await expect.poll(() => phaseTitle(bram)).toMatch(/Drempels/);
    for (const [phone, text] of [
      [anna, 'Regels zijn te strikt'],
      [bram, 'Geen budget voor experimenten'],
      [chris, 'Weinig tijd bij de afdelingen'],
    ] as const) {
      await phone.getByLabel('Drempel', { exact: true }).fill(text);
      await phone.getByRole('button', { name: 'Drempel toevoegen' }).click();
    }
    await expect.poll(() => facilitator.locator('[data-barrier-id]').count()).toBe(3);

    // Stemmen: votes are hidden until the reveal.
    await next.click();
    await expect.poll(() => phaseTitle(chris)).toMatch(/Stemmen/);
    const vote = async (phone: Page, text: string, times = 1) => {
      for (let i = 0; i < times; i++) await phone.getByRole('button', { name: `Stem op: ${text}` }).click();
    };
    await vote(anna, 'Geen budget voor experimenten', 2);
    await vote(bram, 'Geen budget voor experimenten');
    await vote(bram, 'Regels zijn te strikt');
    await vote(chris, 'Regels zijn te strikt');
    await expect.poll(() => anna.getByTestId('votes-left').innerText()).toContain('Nog 1 stem over');
    await expect.poll(() => bram.getByTestId('votes-left').innerText()).toContain('Nog 1 stem over');
    // Anna changes her mind about one vote.
    await anna.getByRole('button', { name: 'Stem weghalen: Geen budget voor experimenten' }).click();
    await expect.poll(() => anna.getByTestId('votes-left').innerText()).toContain('Nog 2 stemmen over');
    await vote(anna, 'Geen budget voor experimenten');
    expect(await screen.getByTestId('results').count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Uitslag tonen' }).click();
    const results = screen.getByTestId('results');
    await results.waitFor({ timeout: 10_000 });
    await expect.poll(() => results.innerText()).toMatch(/Geen budget voor experimenten[\s\S]*3[\s\S]*Regels zijn te strikt[\s\S]*2[\s\S]*Weinig tijd bij de afdelingen[\s\S]*0/);

    // Voorstellen: a proposal with an owner and a due date.
    await next.click();
    await expect.poll(() => phaseTitle(anna)).toMatch(/Voorstellen/);
    await anna.getByLabel('Bij drempel').selectOption({ label: 'Geen budget voor experimenten' });
    await anna.getByLabel('Voorstel', { exact: true }).fill('Vraag de raad om een experimenteerbudget');
    await anna.getByRole('radio', { name: 'Versnellen' }).check();
    await anna.getByLabel('Eigenaar').fill('Stuurgroep: wethouder');
    await anna.getByLabel('Klaar op').fill('2027-03-01');
    await anna.getByRole('button', { name: 'Voorstel toevoegen' }).click();
    await expect.poll(() => facilitator.locator('[data-proposal-id]').count()).toBe(1);
    await expect.poll(() => screen.locator('body').innerText()).toContain('Stuurgroep: wethouder');

    // Afronden.
    await next.click();
    for (const page of [screen, anna, bram, chris]) await expect.poll(() => phaseTitle(page)).toMatch(/Afronden/);
    expect(await screen.getByTestId('results').innerText()).toContain('Geen budget voor experimenten');

    // The accessibility statement and the privacy page, from the footer.
    await anna.getByRole('link', { name: 'Privacy' }).click();
    await anna.getByRole('heading', { name: 'Privacyverklaring' }).waitFor();
    await anna.getByRole('link', { name: 'Toegankelijkheid' }).click();
    await anna.getByRole('heading', { name: 'Toegankelijkheidsverklaring' }).waitFor();

    // No request left the server's own origin, in any browser, during the whole workshop.
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(50);
    expect(requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    // The theme came from the server itself.
    expect(requests).toContain(`${origin}/theme/theme.css`);
  });
});
