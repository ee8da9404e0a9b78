import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopExport } from '../../shared/export';
import { DOCX_TYPE, renderExport } from '../../server/exports';
import { HOSTILE_TEXTS, exportFixture } from '../helpers/exportFixture';
import { convertWithLibreOffice, docxFiles, docxText, docxXml, pdfText } from '../helpers/documents';

/**
 * The workshop report as Word (.docx): the same content as the PDF, read back
 * from word/document.xml, and a file LibreOffice opens and converts.
 * (Integration project: it runs LibreOffice.)
 */
const model = exportFixture();
let docx: Buffer;
let docText: string;
let pdf: string;

const render = async (m: WorkshopExport, format: 'docx' | 'pdf', lang: 'nl' | 'en' = 'nl') => renderExport(m, format, { lang });

beforeAll(async () => {
  const out = await render(model, 'docx');
  expect(out.contentType).toBe(DOCX_TYPE);
  expect(out.fileName).toMatch(/^regiebord-.*-2013-06-03\.docx$/);
  docx = out.body;
  docText = docxText(docx).replace(/\s+/g, ' ');
  pdf = await pdfText((await render(model, 'pdf')).body);
});

describe('the workshop report as Word', () => {
  it('has the PDF\'s content: title, date, participants, cards, barriers with votes, proposals, confirmed alarms', () => {
    const phrases = [
      model.workshop.title,
      'Verslag van de werksessie',
      'Deelnemers',
      ...model.cards.map((c) => c.title),
      ...model.barriers.map((b) => b.text),
      ...model.proposals.map((p) => p.text),
      ...model.proposals.map((p) => p.owner).filter(Boolean),
      ...model.alarms.filter((a) => a.status === 'confirmed').map((a) => a.reason),
    ];
    // The PDF breaks long lines (sometimes after a hyphen): compare it without white space.
    const squeezed = pdf.replace(/\s+/g, '');
    for (const phrase of phrases) {
      expect(docText, phrase).toContain(phrase);
      expect(squeezed, phrase).toContain(phrase.replace(/\s+/g, ''));
    }
    // A dismissed alarm is in neither.
    for (const a of model.alarms.filter((x) => x.status === 'dismissed')) {
      expect(docText).not.toContain(a.reason);
      expect(pdf).not.toContain(a.reason);
    }
    // The vote counts, the same in both.
    for (const b of model.barriers) {
      const votes = b.votes === 1 ? '1 stem' : `${b.votes} stemmen`;
      expect(docText).toContain(votes);
      expect(pdf).toContain(votes);
    }
  });

  it('uses Word\'s headings and a table, has the board as a picture with alt text, and is marked Dutch', () => {
    const xml = docxXml(docx);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:tbl>/);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="[^"]+"/);
    expect(docxFiles(docx).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    const styles = docxFiles(docx).includes('word/styles.xml');
    expect(styles).toBe(true);
  });

  it('is English on request', async () => {
    const en = docxText((await render(model, 'docx', 'en')).body);
    expect(en).toContain('Workshop report');
    expect(en).not.toContain('Verslag van de werksessie');
  });

  it('converts with LibreOffice headless without errors, keeping the text', async () => {
    const { pdf: converted, output } = await convertWithLibreOffice(docx);
    expect(output).not.toMatch(/error/i);
    const text = await pdfText(converted);
    expect(text).toContain(model.barriers[0]!.text);
    expect(text).toContain(model.proposals[0]!.text);
  }, 120_000);
});

describe('hostile text in Word', () => {
  const hostile = exportFixture({ hostile: true });
  const nasty = [...HOSTILE_TEXTS, '=cmd|\' /C calc\'!A0', 'bel\u0007 nul\u0000 esc\u001b einde'];
  hostile.proposals[0]!.owner = nasty[nasty.length - 2]!;
  hostile.alarms[0]!.reason = nasty[nasty.length - 1]!;

  it('stays text: escaped markup, no field codes, no control characters, and LibreOffice opens it', async () => {
    const out = (await render(hostile, 'docx')).body;
    const xml = docxXml(out);
    expect(xml).not.toMatch(/<script/i);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // No fields, hyperlinks or embedded objects that a formula could become.
    expect(xml).not.toMatch(/w:fldSimple|w:instrText|w:hyperlink|w:object|DDEAUTO/);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const text = docxText(out);
    expect(text).toContain("=cmd|' /C calc'!A0");
    expect(text).toContain('bel nul esc einde');
    const { pdf: converted, output } = await convertWithLibreOffice(out);
    expect(output).not.toMatch(/error/i);
    expect(await pdfText(converted)).toContain('=HYPERLINK("http://evil")');
  }, 120_000);
});
