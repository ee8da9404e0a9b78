import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ExportLang } from '../../shared/export';

/**
 * Building blocks for the Word documents (`docx` library): the workshop report
 * (docx.ts) and the council's progress report. Word's own styles (Heading 1–3,
 * a table with a header row) so a civil servant can restyle the document in
 * the house style, copy parts into a raadsinformatiebrief, and a screen reader
 * finds its way.
 *
 * Text is inert by construction: the library writes every string as escaped
 * XML text in a run (never a field code, so `=cmd|…` stays characters), and
 * `wordText` removes the control characters XML 1.0 does not allow.
 */

import { wordLine, wordText } from './wordText';

export { wordLine, wordText };

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: levels[level], keepNext: true, children: [new TextRun(wordLine(text))] });
}

export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(wordLine(text))] });
}

export function para(text: string, options: { bold?: boolean; muted?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    indent: options.indent ? { left: 284 } : undefined,
    spacing: { after: 80 },
    children: [new TextRun({ text: wordLine(text), bold: options.bold, color: options.muted ? '4B5563' : undefined, size: options.muted ? 18 : undefined })],
  });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(wordLine(text))] });
}

/** A table with a repeated header row; every cell one line of text. */
export function table(head: string[], rows: string[][]): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: wordLine(text), bold: header })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

/** A picture with alternative text (Word's "Alt Text"), `widthPx` at 96 per inch. */
export function picture(png: Buffer, widthPx: number, heightPx: number, alt: string): Paragraph {
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: widthPx, height: heightPx },
        altText: { name: wordLine(alt).slice(0, 120), description: wordLine(alt), title: wordLine(alt).slice(0, 120) },
      }),
    ],
  });
}

/** The document: A4 with 2 cm margins, the language set, page numbers in the footer. */
export async function wordDocument(options: {
  lang: ExportLang;
  title: string;
  subject: string;
  footer: string;
  pageWord: string;
  children: FileChild[];
}): Promise<Buffer> {
  const doc = new Document({
    title: wordLine(options.title),
    subject: wordLine(options.subject),
    creator: 'Regiebord',
    lastModifiedBy: 'Regiebord',
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: options.lang === 'nl' ? 'nl-NL' : 'en-GB' } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${wordLine(options.footer)} · ${options.pageWord} `, size: 16, color: '4B5563' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '4B5563' }),
                ],
              }),
            ],
          }),
        },
        children: options.children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
