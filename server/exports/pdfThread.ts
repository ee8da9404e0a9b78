/**
 * Worker-thread entry: renders documents for pdfOffThread.ts. Nothing else runs here.
 */
import { parentPort } from 'node:worker_threads';
import type { ExportLang, WorkshopExport } from '../../shared/export';
import type { ProgressReport } from '../../shared/progressReport';
import { renderPdf } from './pdf';
import { renderProgressDocx } from './progressDocx';
import { renderProgressPdf } from './progressPdf';

/** What the worker renders: a workshop's PDF, or the council's progress report as PDF or Word. */
export type DocumentJob =
  | { kind: 'workshop-pdf'; model: WorkshopExport; lang: ExportLang }
  | { kind: 'progress-pdf'; report: ProgressReport; lang: ExportLang }
  | { kind: 'progress-docx'; report: ProgressReport; lang: ExportLang };

export interface PdfRequest {
  id: number;
  job: DocumentJob;
}
export type PdfReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

function render(job: DocumentJob): Promise<Buffer> {
  switch (job.kind) {
    case 'workshop-pdf':
      return renderPdf(job.model, job.lang);
    case 'progress-pdf':
      return renderProgressPdf(job.report, job.lang);
    case 'progress-docx':
      return renderProgressDocx(job.report, job.lang);
  }
}

parentPort!.on('message', ({ id, job }: PdfRequest) => {
  render(job).then(
    (pdf) => parentPort!.postMessage({ id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) } satisfies PdfReply),
    (err: unknown) => parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies PdfReply),
  );
});
