import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CLIENT_DIR = path.resolve('dist/client');

/**
 * Debian's Chromium, started the way this machine needs (no sandbox as root,
 * no background networking: the network is closed and every request must stay local).
 * Fails loudly, never skips, when something is missing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install chromium" ` +
        `(or set CHROMIUM_PATH). The end-to-end tests need a real browser and are not skipped.`,
    );
  }
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error(`The client is not built (${CLIENT_DIR}). Run "npm run build" first; "npm test" does this.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = {
  viewport: { width: 360, height: 640 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'nl-NL',
} as const;

export const SHARED_SCREEN = { viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' } as const;

export const LAPTOP = { viewport: { width: 1366, height: 900 }, locale: 'nl-NL' } as const;

/** A real touch drag (touchstart, moves, touchend) through the DevTools protocol. */
export async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * Where a card sits on the board, as fractions of the board area (0..1). On the shared
 * screen a card is a marker at its true position and a label placed clear of the others
 * (ScreenCards), so there the marker is measured, not the label.
 */
export async function cardPosition(page: Page, title: string): Promise<{ x: number; y: number }> {
  const plane = page.getByTestId('board');
  const board = await plane.boundingBox();
  const chip = plane.locator('[data-card-id]', { hasText: title }).first();
  const id = await chip.getAttribute('data-card-id', { timeout: 1000 });
  const marker = plane.locator(`[data-marker-id="${id}"]`);
  const card = await ((await marker.count()) > 0 ? marker : chip).boundingBox();
  if (!board || !card) throw new Error(`card "${title}" or the board is not visible`);
  return {
    x: (card.x + card.width / 2 - board.x) / board.width,
    y: (card.y + card.height / 2 - board.y) / board.height,
  };
}

export async function closeAll(contexts: BrowserContext[]) {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
}

