import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { PdfOffThread } from '../../server/exports/pdfOffThread';
import { renderExport } from '../../server/exports';
import { exportFixture } from '../helpers/exportFixture';

async function pdfText(body: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Runs `work` while a 5 ms timer ticks; returns its result and the longest gap between ticks. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

let pdfs: PdfOffThread;
afterEach(async () => {
  await pdfs.close();
});

describe('PDF export on a worker thread', () => {
  // renderExport loads pdfkit on first use (the server never renders in-thread); load it before the timed test.
  beforeAll(async () => {
    await import('../../server/exports/pdf');
  }, 60_000);
  it('makes the same report as rendering in-thread, and keeps the main thread free meanwhile', async () => {
    pdfs = new PdfOffThread();
    // A long workshop (150 extra barriers): in-thread, pdfkit holds the main thread for 400–650 ms
    // in one go on the development machine.
    const model = exportFixture({ extraBarriers: 150 });
    const inThread = await pdfText((await renderExport(model, 'pdf', { lang: 'en' })).body);

    await pdfs.render(exportFixture(), 'nl'); // the worker's start (loading pdfkit) is not the point
    const { result, stallMs } = await longestStall(() => renderExport(model, 'pdf', { lang: 'en', pdf: (m, l) => pdfs.render(m, l) }));
    expect(result.contentType).toBe('application/pdf');
    expect(result.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Same text (the creation date is the model's, so nothing differs between the two).
    expect(await pdfText(result.body)).toBe(inThread);
    expect(stallMs).toBeLessThan(250);
    expect(pdfs.running).toBe(true);
  }, 90_000); // three reports of 150 barriers: 25–35 s on a shared two-core machine under load

  it('fails the PDFs a stopped worker held, and starts a new one for the next', async () => {
    pdfs = new PdfOffThread();
    const held = expect(pdfs.render(exportFixture(), 'nl')).rejects.toThrow(/stopping/);
    await pdfs.close();
    await held;
    expect(pdfs.running).toBe(false);

    const next = await pdfs.render(exportFixture(), 'nl');
    expect(await pdfText(next)).toContain('Werksessie Regiegemeente');
    expect(pdfs.running).toBe(true);
  }, 30_000);
});
