import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';

const run = promisify(execFile);

/** The raw XML of the document body of a .docx. */
export function docxXml(docx: Buffer): string {
  const files = unzipSync(new Uint8Array(docx));
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  return strFromU8(xml);
}

/** Every file name in the .docx package. */
export function docxFiles(docx: Buffer): string[] {
  return Object.keys(unzipSync(new Uint8Array(docx)));
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** The text as Word shows it: the runs' text, paragraphs and table cells on their own lines. */
export function docxText(docx: Buffer): string {
  return docxXml(docx)
    .split('</w:p>')
    .map((part) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(''))
    .join('\n')
    .replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]!);
}

export async function pdfText(pdfBytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(pdfBytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Converts a .docx to PDF with LibreOffice headless (its own profile folder, so
 * parallel runs do not share one) and returns the PDF and what soffice printed.
 */
export async function convertWithLibreOffice(docx: Buffer): Promise<{ pdf: Buffer; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-soffice-'));
  try {
    const input = path.join(dir, 'document.docx');
    fs.writeFileSync(input, docx);
    const { stdout, stderr } = await run(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 120_000 },
    );
    const pdfFile = path.join(dir, 'document.pdf');
    if (!fs.existsSync(pdfFile)) throw new Error(`LibreOffice made no PDF: ${stdout} ${stderr}`);
    return { pdf: fs.readFileSync(pdfFile), output: `${stdout}\n${stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
