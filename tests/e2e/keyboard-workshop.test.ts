import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { FACILITATOR, createWorkshop, facilitatorClient } from '../helpers/api';
import { LAPTOP } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';

/**
 * A whole workshop by keyboard. After each page load only page.keyboard is used (Tab,
 * Shift+Tab, Enter, Space, arrows, digits, typing): a participant joins, adds a card and
 * moves it, sets a target, adds a barrier, votes and adds a proposal; the facilitator
 * signs in, opens the workshop, steps through the phases and reveals the results.
 * Every element that receives focus on the way must show it (an outline or a box-shadow).
 */
const suite = browserSuite();
// One full round of the facilitator page takes over 80 stops (every control of the method,
// downloads, retention; a date field alone takes four in Chromium): allow a full round wherever focus starts.
const MAX_TABS = 150;

async function focusInfo(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el.id === 'main') return { element: false as const };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return { element: true as const, visible: outline || shadow, html: el.outerHTML.slice(0, 160) };
  });
}

/** The focused element (if any) shows its focus. */
async function expectFocusVisible(page: Page) {
  const info = await focusInfo(page);
  if (info.element) expect(info.visible, `focus is not visible on ${info.html}`).toBe(true);
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Tab (or Shift+Tab) until `target` has focus, checking that focus is visible at every stop. */
async function tabTo(page: Page, target: Locator, { back: backward }: { back?: boolean } = {}) {
  await target.waitFor();
  // As a keyboard user would: Shift+Tab when the target comes before the focus.
  const back =
    backward ??
    (await target.evaluate((el) => {
      const active = document.activeElement;
      return !!active && active !== document.body && !!(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    }));
  for (let i = 0; i < MAX_TABS; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectFocusVisible(page);
  }
  throw new Error(`${target} not reached with ${MAX_TABS} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Tab to a control and press a key on it (Enter for buttons and links, Space for toggles). */
async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' | 'ArrowDown' = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** What the polite live regions say now (screen readers read it out). */
const spoken = (page: Page) => page.locator('[data-testid="live-region"]').allInnerTexts().then((t) => t.join(' '));
const phaseTitle = (page: Page) => page.getByTestId('phase-title').first().getAttribute('data-phase');

describe('a whole workshop by keyboard only', () => {
  it('participant and facilitator reach everything, focus is always visible, never trapped', async () => {
    const { server } = suite;
    // Preparation (not part of the flow): the facilitator's account and a workshop exist.
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, 'Toetsenbord Lochem');

    // The facilitator signs in and opens the workshop.
    const facilitator = await suite.open(LAPTOP);
    await facilitator.goto(server.url + '/inloggen');
    await typeInto(facilitator, facilitator.getByLabel('E-mailadres'), FACILITATOR.email);
    await typeInto(facilitator, facilitator.getByLabel('Wachtwoord'), FACILITATOR.password);
    await facilitator.keyboard.press('Enter');
    await facilitator.waitForURL(/\/begeleider$/);
    await activate(facilitator, facilitator.getByRole('link', { name: 'Toetsenbord Lochem' }));
    await facilitator.waitForURL(/\/begeleider\/w\//);
    const next = facilitator.getByRole('button', { name: 'Volgende stap' });
    const goNext = async (phase: string) => {
      await activate(facilitator, next);
      await expect.poll(() => phaseTitle(facilitator)).toBe(phase);
    };

    // The participant types the join code and a name.
    const phone = await suite.open(LAPTOP);
    await phone.goto(server.url + '/doe-mee');
    await typeInto(phone, phone.getByLabel('Deelnamecode'), workshop.joinCode);
    await typeInto(phone, phone.getByLabel('Je naam (mag leeg blijven)'), 'Toos');
    await activate(phone, phone.getByRole('button', { name: 'Meedoen' }));
    await phone.waitForURL(/\/w\/[a-z0-9]+$/);
    await expect.poll(() => facilitator.locator('main').innerText(), { timeout: 10_000 }).toContain('Toos');

    // Positioneren: add a card, then move it by keyboard (digit: a quadrant; arrows: a step).
    await goNext('positioneren');
    await expect.poll(() => phaseTitle(phone)).toBe('positioneren');
    await typeInto(phone, phone.getByLabel('Titel van de kaart'), 'Klimaatbeleid');
    await activate(phone, phone.getByRole('button', { name: 'Kaart toevoegen' }));
    const card = phone.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first();
    await expect.poll(() => spoken(facilitator), { timeout: 10_000 }).toContain('Nieuwe kaart: Klimaatbeleid');
    await tabTo(phone, card);
    await phone.keyboard.press('4');
    await expect.poll(() => card.getAttribute('aria-label')).toContain('Flashmob');
    // From the middle of Flashmob (y 75%) up: 2% and three times 10% (Shift) crosses the middle line.
    await phone.keyboard.press('ArrowUp');
    for (let i = 0; i < 3; i++) await phone.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => card.getAttribute('aria-label')).toContain('Manoeuvres in de Markt');
    await expectFocusVisible(phone);
    const facCard = facilitator.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first();
    await expect.poll(() => facCard.getAttribute('aria-label'), { timeout: 10_000 }).toContain('Manoeuvres in de Markt');
    // The position is also text (quadrant and coordinates), in the list of cards.
    await expect.poll(() => phone.locator('.rb-card-list').innerText()).toMatch(/Klimaatbeleid\s+Domein in Manoeuvres in de Markt \(\d+% van links, \d+% van boven\)/);

    // Not trapped: Tab leaves the board, Shift+Tab comes back to the card.
    await tabTo(phone, card);
    const boardSection = phone.getByTestId('board').locator('xpath=ancestor::section[1]');
    let left = false;
    for (let i = 0; i < 10 && !left; i++) {
      await phone.keyboard.press('Tab');
      await expectFocusVisible(phone);
      left = await boardSection.evaluate((section) => !section.contains(document.activeElement) && document.activeElement !== document.body);
    }
    expect(left, 'Tab moves focus on from the board').toBe(true);
    await tabTo(phone, card, { back: true });
    await phone.keyboard.press('Escape');

    // Koers: a target for the card (digit 1: Retro in Control).
    await goNext('koers');
    await expect.poll(() => phaseTitle(phone)).toBe('koers');
    await expect.poll(() => spoken(phone)).toMatch(/Nieuwe stap: Koers/);
    await tabTo(phone, card);
    await phone.keyboard.press('1');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/Retro in Control/);
    await expect.poll(() => facilitator.locator('main').innerText(), { timeout: 10_000 }).toMatch(/Klimaatbeleid: van .+ naar Retro in Control/);

    // Drempels: a barrier, linked to nothing.
    await goNext('drempels');
    await expect.poll(() => phaseTitle(phone)).toBe('drempels');
    await typeInto(phone, phone.getByLabel('Drempel', { exact: true }), 'Regels zijn te strikt');
    await activate(phone, phone.getByRole('button', { name: 'Drempel toevoegen' }));
    await expect.poll(() => facilitator.locator('[data-barrier-id]').count()).toBe(1);

    // Stemmen: two votes, one with Space.
    await goNext('stemmen');
    await expect.poll(() => phaseTitle(phone)).toBe('stemmen');
    const vote = phone.getByRole('button', { name: 'Stem op: Regels zijn te strikt' });
    await activate(phone, vote);
    await expect.poll(() => phone.getByTestId('votes-left').innerText()).toContain('Nog 2 stemmen over');
    await activate(phone, vote, 'Space');
    await expect.poll(() => phone.getByTestId('votes-left').innerText()).toContain('Nog 1 stem over');

    // The facilitator reveals the results.
    await activate(facilitator, facilitator.getByRole('button', { name: 'Uitslag tonen' }));
    await expect.poll(() => phone.locator('main').innerText(), { timeout: 10_000 }).toMatch(/Regels zijn te strikt[\s\S]*2/);
    await expect.poll(() => spoken(phone)).toContain('De uitslag is bekend.');

    // Voorstellen: choose the barrier (arrow key in the list), write, choose a kind, an owner.
    await goNext('voorstellen');
    await expect.poll(() => phaseTitle(phone)).toBe('voorstellen');
    const barrierSelect = phone.getByLabel('Bij drempel');
    await tabTo(phone, barrierSelect);
    await phone.keyboard.press('ArrowDown');
    await expect.poll(() => barrierSelect.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe('Regels zijn te strikt');
    await typeInto(phone, phone.getByLabel('Voorstel', { exact: true }), 'Experimenteerregels voor één jaar');
    // A radio group is one Tab stop (the chosen option); the arrow keys choose another.
    await activate(phone, phone.getByRole('radio', { name: 'Versnellen' }), 'ArrowDown');
    expect(await phone.getByRole('radio', { name: 'Verdiepen' }).isChecked()).toBe(true);
    await typeInto(phone, phone.getByLabel('Eigenaar'), 'Afdeling Omgeving');
    await activate(phone, phone.getByRole('button', { name: 'Voorstel toevoegen' }));
    await expect.poll(() => facilitator.locator('[data-proposal-id]').count(), { timeout: 10_000 }).toBe(1);
    expect(await facilitator.locator('[data-proposal-id]').first().getByLabel('Eigenaar').inputValue()).toBe('Afdeling Omgeving');

    // Afronden, and back one step: the facilitator can go back and forth by keyboard.
    await goNext('afronden');
    await activate(facilitator, facilitator.getByRole('button', { name: 'Vorige stap' }));
    await expect.poll(() => phaseTitle(facilitator)).toBe('voorstellen');
  });
});
