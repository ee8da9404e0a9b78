import type { FileChild } from 'docx';
import type { ExportLang } from '../../shared/export';
import type { ProgressReport } from '../../shared/progressReport';
import { PROGRESS_WORDS, progressBlocks } from './progressContent';
import { PICTURE_HEIGHT, PICTURE_WIDTH, progressPng } from './progressPicture';
import { bullet, heading, para, picture, table, title, wordDocument } from './word';

/** The text width of A4 with 2 cm margins, in px at 96 per inch. */
const PICTURE_WIDTH_PX = 642;

/**
 * The council's progress report as an editable Word document: Word's own
 * headings and tables, the quadrant picture with alt text. Same blocks as the
 * PDF (progressContent.ts).
 */
export async function renderProgressDocx(r: ProgressReport, lang: ExportLang): Promise<Buffer> {
  const children: FileChild[] = [];
  for (const b of progressBlocks(r, lang)) {
    switch (b.type) {
      case 'title':
        children.push(title(b.text));
        break;
      case 'h1':
        children.push(heading(b.text, 1));
        break;
      case 'h2':
        children.push(heading(b.text, 2));
        break;
      case 'p':
        children.push(para(b.text));
        break;
      case 'muted':
        children.push(para(b.text, { muted: true }));
        break;
      case 'bullets':
        children.push(...b.items.map(bullet));
        break;
      case 'table':
        children.push(table(b.head, b.rows), para(''));
        break;
      case 'picture':
        children.push(picture(await progressPng(r, lang), PICTURE_WIDTH_PX, Math.round((PICTURE_WIDTH_PX * PICTURE_HEIGHT) / PICTURE_WIDTH), b.alt));
        break;
    }
  }
  const W = PROGRESS_WORDS[lang];
  return wordDocument({ lang, title: W.title, subject: W.subtitle, footer: W.title, pageWord: lang === 'nl' ? 'pagina' : 'page', children });
}
