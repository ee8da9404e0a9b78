import PDFDocument from 'pdfkit';
import type { ExportLang } from '../../shared/export';
import type { ProgressReport } from '../../shared/progressReport';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { PROGRESS_WORDS, progressBlocks } from './progressContent';
import { progressPng } from './progressPicture';
import { wordLine } from './wordText';

const MARGIN_PT = 56;
const SIZE = { title: 20, h1: 15, h2: 12, body: 10, small: 8.5, table: 8.5 } as const;
const INK = '#1a1f27';
const MUTED = '#4b5563';

/**
 * The council's progress report as a tagged PDF (headings, paragraphs, lists,
 * tables with header cells, the picture with alt text), from the same blocks
 * as the Word document. Text goes through `wordLine`: one line, no control
 * characters; pdfkit draws it as glyphs, so nothing in it can act.
 */
export async function renderProgressPdf(r: ProgressReport, lang: ExportLang): Promise<Buffer> {
  const W = PROGRESS_WORDS[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN_PT,
    font: FONT_REGULAR,
    pdfVersion: '1.7',
    tagged: true,
    lang: lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: { Title: W.title, Subject: W.subtitle, Creator: 'Regiebord', Producer: 'Regiebord', CreationDate: new Date(r.generatedAt) },
  });
  doc.registerFont('body', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const room = (needed: number) => {
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const text = (t: string, font: 'body' | 'bold', size: number, color: string, structType: string) => {
    doc.font(font).fontSize(size).fillColor(color);
    doc.text(wordLine(t), left, doc.y, { structParent: root, structType, width });
    doc.x = left;
  };

  for (const b of progressBlocks(r, lang)) {
    switch (b.type) {
      case 'title':
        text(b.text, 'bold', SIZE.title, INK, 'H1');
        doc.moveDown(0.3);
        break;
      case 'h1':
        room(80);
        doc.moveDown(0.6);
        text(b.text, 'bold', SIZE.h1, INK, 'H2');
        doc.moveDown(0.3);
        break;
      case 'h2':
        room(60);
        doc.moveDown(0.3);
        text(b.text, 'bold', SIZE.h2, INK, 'H3');
        doc.moveDown(0.2);
        break;
      case 'p':
        text(b.text, 'body', SIZE.body, INK, 'P');
        doc.moveDown(0.25);
        break;
      case 'muted':
        text(b.text, 'body', SIZE.small, MUTED, 'P');
        doc.moveDown(0.25);
        break;
      case 'bullets':
        for (const item of b.items) {
          text(`•  ${item}`, 'body', SIZE.body, INK, 'P');
          doc.moveDown(0.15);
        }
        break;
      case 'table': {
        room(60);
        doc.font('body').fontSize(SIZE.table).fillColor(INK);
        const cells = (row: string[], header: boolean) =>
          row.map((c) => ({ text: wordLine(c), type: header ? ('TH' as const) : ('TD' as const), font: { src: header ? FONT_BOLD : FONT_REGULAR } }));
        doc.table({
          position: { x: left, y: doc.y },
          maxWidth: width,
          defaultStyle: { padding: 3, border: 0.5, borderColor: '#9ca3af' },
          data: [cells(b.head, true), ...b.rows.map((row) => cells(row, false))],
        });
        doc.x = left;
        doc.moveDown(0.6);
        break;
      }
      case 'picture': {
        const pic = await progressPng(r, lang);
        const h = (width * pic.height) / pic.width;
        room(h + 10);
        const y = doc.y;
        root.add(doc.struct('Figure', { alt: b.alt }, () => doc.image(pic.png, left, y, { width })));
        doc.x = left;
        doc.y = y + h + 10;
        break;
      }
    }
  }
  // Page numbers, as artifacts (screen readers skip them).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(SIZE.small).fillColor(MUTED);
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.text(`${W.title} · ${i - range.start + 1}/${range.count}`, left, doc.page.height - bottom + 18, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  root.end();
  doc.end();
  return done;
}
