/**
 * Worker-thread entry: renders PDFs for pdfOffThread.ts. Nothing else runs here.
 */
import { parentPort } from 'node:worker_threads';
import type { ExportLang, WorkshopExport } from '../../shared/export';
import { renderPdf } from './pdf';

export interface PdfRequest {
  id: number;
  model: WorkshopExport;
  lang: ExportLang;
}
export type PdfReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort!.on('message', ({ id, model, lang }: PdfRequest) => {
  renderPdf(model, lang).then(
    (pdf) => parentPort!.postMessage({ id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) } satisfies PdfReply),
    (err: unknown) => parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies PdfReply),
  );
});
