import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CLIENT_DIR, closeAll, launchChromium } from './browser';
import { startServer, type TestServer } from './server';

export interface BrowserSuite {
  /** The server, serving the built client (set before the tests run). */
  server: TestServer;
  /**
   * A page in a new, separate browser context: one per person (facilitator, shared screen,
   * phone). `prepare` runs on the context first (record requests, add init scripts).
   */
  open(options: object, prepare?: (context: BrowserContext) => void | Promise<void>): Promise<Page>;
}

/** Debian Chromium and a server on the built client, started before a file's tests and closed after. */
export function browserSuite(): BrowserSuite {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const suite: BrowserSuite = {
    server: undefined as unknown as TestServer,
    async open(options, prepare) {
      const context = await browser!.newContext(options);
      contexts.push(context);
      await prepare?.(context);
      return context.newPage();
    },
  };
  beforeAll(async () => {
    browser = await launchChromium();
    suite.server = await startServer({ clientDir: CLIENT_DIR });
  });
  afterAll(async () => {
    await closeAll(contexts);
    await browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
