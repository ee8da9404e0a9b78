/**
 * `npm run screenshots`: runs a short workshop in Debian's Chromium and saves
 * what users see, on a 360×640 phone and a 1920×1080 shared screen, into
 * docs/screenshots/. Needs a built client (npm run build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser';
import { createRegiebord } from '../server/app';

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
