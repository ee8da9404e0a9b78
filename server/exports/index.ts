import { exportFileName, type ExportFormat, type ExportLang, type WorkshopExport } from '../../shared/export';
import { renderCsv, type CsvTable } from './csv';
import { renderMarkdown } from './markdown';

export type PdfRenderer = (model: WorkshopExport, lang: ExportLang) => Promise<Buffer>;

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * One workshop export as bytes, ready to send as a download. Pure: it reads
 * only the model (and the bundled fonts), so the route decides who may see it
 * and this module decides only how it looks. See docs/exports.md.
 *
 * `table` chooses the CSV's table (barriers when left out); the other formats ignore it.
 * `pdf` renders the PDF: the server passes its worker thread (pdfOffThread.ts); left out, it is
 * rendered here, on the calling thread.
 */
export async function renderExport(
  model: WorkshopExport,
  format: ExportFormat,
  options: { lang: ExportLang; table?: CsvTable; pdf?: PdfRenderer },
): Promise<RenderedExport> {
  const { lang } = options;
  const fileName = exportFileName(model.workshop.title, model.workshop.createdAt, format);
  switch (format) {
    case 'json':
      return { body: utf8(JSON.stringify(model, null, 2)), contentType: 'application/json; charset=utf-8', fileName };
    case 'md':
      return { body: utf8(renderMarkdown(model, lang)), contentType: 'text/markdown; charset=utf-8', fileName };
    case 'csv': {
      const table = options.table ?? 'barriers';
      return {
        body: utf8(renderCsv(model, table, lang)),
        contentType: 'text/csv; charset=utf-8',
        // Both tables of one workshop can sit side by side in a downloads folder.
        fileName: fileName.replace(/\.csv$/, `-${CSV_FILE_SUFFIX[lang][table]}.csv`),
      };
    }
    case 'svg': {
      // The SVG renderer measures text with fontkit: loaded on first use, like the PNG and PDF ones.
      const { renderSvg } = await import('./svg');
      return { body: utf8(renderSvg(model, lang)), contentType: 'image/svg+xml; charset=utf-8', fileName };
    }
    case 'png': {
      // pdfkit and resvg are loaded on first use: together some 15 MB the idle server need not hold.
      const [{ renderPng }, { renderSvg }] = await Promise.all([import('./png'), import('./svg')]);
      return { body: await renderPng(renderSvg(model, lang)), contentType: 'image/png', fileName };
    }
    case 'docx': {
      // docx (like resvg and pdfkit) is loaded on first use, not held by an idle server.
      const { renderDocx } = await import('./docx');
      return { body: await renderDocx(model, lang), contentType: DOCX_TYPE, fileName };
    }
    case 'pdf':
      const render = options.pdf ?? (await import('./pdf')).renderPdf;
      return { body: await render(model, lang), contentType: 'application/pdf', fileName };
  }
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const CSV_FILE_SUFFIX: Record<ExportLang, Record<CsvTable, string>> = {
  nl: { barriers: 'drempels', proposals: 'voorstellen', cards: 'kaarten' },
  en: { barriers: 'barriers', proposals: 'proposals', cards: 'cards' },
};

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

export type { CsvTable };
