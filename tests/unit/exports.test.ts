import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { EXPORT_FORMATS, type ExportLang, type WorkshopExport } from '../../shared/export';
import { defaultPhases } from '../../shared/phases';
import { renderExport } from '../../server/exports';
import { csvCell } from '../../server/exports/csv';
import { formatDate, formatDueDate, phaseTitle } from '../../server/exports/labels';
import { md } from '../../server/exports/markdown';
import { truncate, xml } from '../../server/exports/svg';
import { HOSTILE_TEXTS, TRICKY_CSV_TEXT, exportFixture } from '../helpers/exportFixture';

const RANKED = [
  'Geen één loket voor initiatiefnemers', // 5 votes
  'Regels voor terrassen zijn te streng', // 3 votes
  'Wethouder wil zelf blijven beslissen', // 0 votes
];
const TITLE = 'Werksessie Regiegemeente: café-terrassen en één loket';

async function text(model: WorkshopExport, format: 'md' | 'csv' | 'svg', lang: ExportLang = 'nl', table?: 'barriers' | 'proposals') {
  return (await renderExport(model, format, { lang, table })).body.toString('utf8');
}

async function pdfText(body: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { totalPages, text: pages } = await extractText(pdf, { mergePages: true });
  // Long lines wrap; the checks look for phrases, so join the lines again.
  return { pdf, totalPages, text: pages.replace(/\s*\n\s*/g, ' ') };
}

/** The document information dictionary (pdf.js types it as a bare Object). */
async function pdfInfo(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<Record<string, unknown>> {
  const { info } = await pdf.getMetadata();
  return info as Record<string, unknown>;
}

/** RFC 4180 reader with `;`: quoted cells may hold `;`, `""` and line breaks. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_TEXTS = HOSTILE_TEXTS.filter((t) => FORMULA_START.test(t));

// PDFs take seconds on a loaded two-core machine.
describe('renderExport: every format', { timeout: 60_000 }, () => {
  const model = exportFixture();
  // The server loads pdfkit and resvg on first use; load them here, outside each test's time limit.
  beforeAll(async () => {
    await Promise.all([import('../../server/exports/pdf'), import('../../server/exports/png')]);
  });
  it.each([
    ['pdf', 'application/pdf'],
    ['md', 'text/markdown; charset=utf-8'],
    ['csv', 'text/csv; charset=utf-8'],
    ['json', 'application/json; charset=utf-8'],
    ['svg', 'image/svg+xml; charset=utf-8'],
    ['png', 'image/png'],
  ] as const)('%s is sent as %s with a download name', async (format, contentType) => {
    const out = await renderExport(model, format, { lang: 'nl' });
    expect(out.contentType).toBe(contentType);
    expect(out.body.length).toBeGreaterThan(100);
    expect(out.fileName).toMatch(new RegExp(`^regiebord-werksessie-regiegemeente-cafe-terrassen-en-een-loket-2013-06-03.*\\.${format}$`));
  });

  it('covers every format of the model', () => {
    expect([...EXPORT_FORMATS].sort()).toEqual(['csv', 'docx', 'json', 'md', 'pdf', 'png', 'svg']);
  });

  it('JSON is the model itself, so it can be imported again', async () => {
    const out = await renderExport(model, 'json', { lang: 'en' });
    expect(JSON.parse(out.body.toString('utf8'))).toEqual(model);
    expect(out.body.toString('utf8')).toBe(JSON.stringify(model, null, 2));
  });

  it.each([
    ['nl', 'barriers', '-drempels.csv'],
    ['nl', 'proposals', '-voorstellen.csv'],
    ['en', 'barriers', '-barriers.csv'],
    ['en', 'proposals', '-proposals.csv'],
  ] as const)('a %s CSV of %s is named …%s', async (lang, table, suffix) => {
    expect((await renderExport(model, 'csv', { lang, table })).fileName.endsWith(suffix)).toBe(true);
  });
});

describe('PDF', { timeout: 60_000 }, () => {
  let nl: Awaited<ReturnType<typeof pdfText>>;
  beforeAll(async () => {
    nl = await pdfText((await renderExport(exportFixture(), 'pdf', { lang: 'nl' })).body);
  }, 60_000);

  it('has extractable text with the accented title', () => {
    // The big title may wrap after the hyphen.
    expect(nl.text.replace(/- /g, '-')).toContain(TITLE);
    expect(nl.text).toContain('één loket');
    expect(nl.text).toContain('Subsidieregeling café-terrassen');
  });

  it('lists the barriers by votes, including the one without votes', () => {
    const at = RANKED.map((b) => nl.text.indexOf(b));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(nl.text).toContain('Wethouder wil zelf blijven beslissen (0 stemmen)');
    expect(nl.text).toContain('Geen één loket voor initiatiefnemers (5 stemmen)');
  });

  it('has the proposals with owner, due date and status', () => {
    expect(nl.text).toContain('Eigenaar: Afdeling Publiekszaken');
    expect(nl.text).toContain('Klaar op: 1 september 2013');
    expect(nl.text).toContain('Status: in uitvoering');
    expect(nl.text).toContain('Eigenaar: nog niemand');
  });

  it('has the cards as text next to the picture, the round results and only the confirmed alarm', () => {
    expect(nl.text).toContain('1. Klimaatbeleid (Domein): moet naar Flashmob');
    expect(nl.text).toContain('nog geen doel');
    expect(nl.text).toContain('4 keer geplaatst, gemiddeld in Manoeuvres in de Markt');
    expect(nl.text).toContain('Initiatiefnemers haken nu al af');
    expect(nl.text).not.toContain('Te vaag: wie belt LochemEnergie?');
  });

  it('says how many took part but names nobody in an anonymous workshop', () => {
    expect(nl.text).toContain('23 deelnemers');
    expect(nl.text).not.toContain('Anne de Vries');
  });

  it('names the participants in a named workshop', async () => {
    const named = await pdfText((await renderExport(exportFixture({ named: true }), 'pdf', { lang: 'nl' })).body);
    expect(named.text).toContain('Anne de Vries, Jan Jansen');
  });

  it('is tagged, with a title, a language and a figure for the board', async () => {
    const info = await pdfInfo(nl.pdf);
    expect(info.Title).toContain(TITLE);
    expect(info.Language).toBe('nl-NL');
    const tree = JSON.stringify(await (await nl.pdf.getPage(1)).getStructTree());
    expect(tree).toContain('"role":"H1"');
    expect(tree).toContain('"role":"Figure"');
  });

  it('flows a long list of barriers onto next pages, in English too', async () => {
    const long = await pdfText((await renderExport(exportFixture({ extraBarriers: 150 }), 'pdf', { lang: 'en' })).body);
    expect(long.totalPages).toBeGreaterThan(3);
    expect(long.text).toContain('Extra drempel nummer 150 (0 votes)');
    expect(long.text).toContain(`Page ${long.totalPages} of ${long.totalPages}`);
    expect(long.text).toContain('Barriers, by number of votes');
    const info = await pdfInfo(long.pdf);
    expect(info.Language).toBe('en-GB');
  });
});

describe('CSV', () => {
  const hostile = exportFixture({ hostile: true });

  it.each((['barriers', 'proposals'] as const).flatMap((table) => FORMULA_TEXTS.map((t) => [table, t] as const)))(
    '%s: %j cannot start a formula',
    async (table, danger) => {
      const rows = parseCsv((await text(hostile, 'csv', 'nl', table)).slice(1));
      const cells = rows.flat();
      expect(cells).toContain(`'${danger}`);
      expect(cells).not.toContain(danger);
      expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    },
  );

  it.each(['barriers', 'proposals'] as const)('%s: BOM, every cell quoted, CRLF after every row', async (table) => {
    const out = await renderExport(hostile, 'csv', { lang: 'nl', table });
    expect([...out.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = out.body.toString('utf8');
    expect(body).toMatch(/^\uFEFF(?:"(?:[^"]|"")*"(?:;|\r\n))+$/);
    const rows = parseCsv(body.slice(1));
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('brings a cell with ;, " and a line break back unchanged', async () => {
    const rows = parseCsv((await text(exportFixture(), 'csv', 'nl', 'barriers')).slice(1));
    expect(rows[2]).toEqual([
      '2',
      'Regels voor terrassen zijn te streng',
      TRICKY_CSV_TEXT,
      '3',
      'Subsidieregeling café-terrassen, Klimaatbeleid',
      '',
    ]);
  });

  it('ranks the barriers, with the 0-vote one, and has a header in the chosen language', async () => {
    const nl = parseCsv((await text(exportFixture(), 'csv', 'nl', 'barriers')).slice(1));
    const en = parseCsv((await text(exportFixture(), 'csv', 'en', 'barriers')).slice(1));
    expect(nl[0]).toEqual(['Plaats', 'Drempel', 'Kopje', 'Stemmen', 'Hoort bij kaarten', 'Ook verwoord als']);
    expect(en[0]).toEqual(['Rank', 'Barrier', 'Heading', 'Votes', 'Linked cards', 'Also worded as']);
    expect(nl.slice(1).map((r) => [r[1], r[3]])).toEqual([
      [RANKED[0], '5'],
      [RANKED[1], '3'],
      [RANKED[2], '0'],
    ]);
  });

  it('has the proposals with kind, owner, due date, status and link', async () => {
    const rows = parseCsv((await text(exportFixture(), 'csv', 'en', 'proposals')).slice(1));
    expect(rows[0]).toEqual(['Proposal', 'Kind', 'Owner', 'Done by', 'Status', 'Linked to']);
    expect(rows[1]).toEqual([
      'Eén digitaal loket voor alle initiatieven uit de kernen',
      'Accelerate',
      'Afdeling Publiekszaken',
      '2013-09-01',
      'in progress',
      'Barrier: Geen één loket voor initiatiefnemers',
    ]);
    expect(rows).toHaveLength(4);
  });

  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', `"'=1+1"`],
    ['+31 573 289 222', `"'+31 573 289 222"`],
    ['-5', `"'-5"`],
    ['@x', `"'@x"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['a=b', '"a=b"'],
    [' =1', '" =1"'],
  ])('cell %j is written as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('Markdown', () => {
  let hostileMd: string;
  beforeAll(async () => {
    hostileMd = await text(exportFixture({ hostile: true }), 'md');
  });

  it('lists the barriers by votes, including the one without votes', async () => {
    const out = await text(exportFixture(), 'md');
    const at = RANKED.map((b) => out.indexOf(b));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(out).toContain('| 3 | Wethouder wil zelf blijven beslissen |  | 0 |  |');
    expect(out).toContain('# Werksessie Regiegemeente: café-terrassen en één loket');
    expect(out).toContain('| Eén digitaal loket voor alle initiatieven uit de kernen | Versnellen | Afdeling Publiekszaken | 1 september 2013 | in uitvoering |');
    expect(out).toContain('Initiatiefnemers haken nu al af');
    expect(out).not.toContain('Te vaag');
  });

  it('lets no user text become HTML, a link or emphasis', () => {
    expect(hostileMd).not.toMatch(/<script/i);
    expect(hostileMd).not.toMatch(/<[a-z/]/i);
    expect(hostileMd).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostileMd).not.toMatch(/(?<!\\)\]\(/); // no "](" that starts a link
    expect(hostileMd).toContain('\\*\\*bold\\*\\* \\[x\\](javascript:alert(1))');
  });

  it('keeps every table row whole: a line break or | in a text cannot split a cell', async () => {
    const out = await text(exportFixture({ hostile: true }), 'md');
    const tables = out.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      const counts = table.split('\n').map((line) => line.match(/(?<!\\)\|/g)?.length);
      expect(new Set(counts).size).toBe(1);
    }
    expect(out).toContain('Regels; "te streng" en te traag');
  });

  it.each([
    ['Geen één loket', 'Geen één loket'],
    ['<b>vet</b>', '&lt;b&gt;vet&lt;/b&gt;'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['**vet** en _schuin_ en `code`', '\\*\\*vet\\*\\* en \\_schuin\\_ en \\`code\\`'],
    ['a | b', 'a \\| b'],
    ['# kop', '\\# kop'],
    ['- lijst', '\\- lijst'],
    ['+ lijst', '\\+ lijst'],
    ['1. lijst', '1\\. lijst'],
    ['> citaat', '&gt; citaat'],
    ['regel 1\n\n# kop\nregel 3', 'regel 1 # kop regel 3'],
    ['R&D', 'R&amp;D'],
    ['a\\*b', 'a\\\\\\*b'],
    ['~~weg~~', '\\~\\~weg\\~\\~'],
  ])('md(%j) is %j', (input, expected) => {
    expect(md(input)).toBe(expected);
  });

  it('shows authors only in a named workshop', async () => {
    const named = await text(exportFixture({ named: true }), 'md');
    const anonymous = await text(exportFixture(), 'md');
    expect(named).toContain('Anne de Vries, Jan Jansen');
    expect(named).toContain('| Van |');
    expect(anonymous).not.toContain('Anne de Vries');
    expect(anonymous).toContain('De werksessie was anoniem');
  });
});

describe('SVG', () => {
  let svg: string;
  beforeAll(async () => {
    svg = await text(exportFixture({ hostile: true }), 'svg');
  });

  it('has no script, no link to anywhere and the hostile title escaped', () => {
    expect(svg.match(/<script/gi) ?? []).toHaveLength(0);
    expect(svg).not.toMatch(/href/i);
    expect(svg).not.toMatch(/url\((?!#)/);
    expect(svg).not.toMatch(/@import|<image|<foreignObject/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('=HYPERLINK(&quot;http://evil&quot;)');
  });

  it('is well-formed XML: tags balance and text holds only escaped specials', () => {
    const stack: string[] = [];
    const textOnly = svg.replace(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<]*")*)\s*(\/?)>/g, (_m, close, name, _attrs, self) => {
      if (close) expect(stack.pop()).toBe(name);
      else if (!self) stack.push(name);
      return '';
    });
    expect(stack).toEqual([]);
    expect(textOnly).not.toMatch(/[<>]/);
    expect(textOnly).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });

  it('is an accessible image with a title and a description that lists the cards', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="rb-title rb-desc"/);
    expect(svg).toContain('<title id="rb-title">Het bord van de werksessie');
    expect(svg).toContain('<desc id="rb-desc">');
    expect(svg).toContain('1. Klimaatbeleid: nu in Retro in Control, moet naar Flashmob.');
    for (const label of ['Retro in Control', 'Manoeuvres in de Markt', 'Maatschappelijke Carrousel', 'Flashmob']) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain('↑ Verticaal (hiërarchisch)');
    expect(svg).toContain('Markt en samenleving aan zet →');
  });

  it('tells the quadrants apart without colour: four hatchings and four border styles', () => {
    const fills = new Set(svg.match(/fill="url\(#rb-p-[a-z]+\)"/g));
    expect(fills.size).toBe(4);
    expect(new Set(svg.match(/stroke-dasharray="[\d ]+"/g)).size).toBeGreaterThanOrEqual(3);
  });

  it('draws an arrow for every card with a target far enough away, and shortens long titles on the board at a word boundary', async () => {
    const plain = await text(exportFixture(), 'svg');
    // Four cards have a target; one target is within 0.015 of its card: a ring only.
    expect(plain.match(/marker-end="url\(#rb-head(-\d)?\)"/g)).toHaveLength(3 + 1); // + the legend's arrow
    expect(plain).toMatch(/>Coördinatie zorgvraag<\/text>\n<text [^>]*>en -aanbod in de …<\/text>/);
    // The list beside the board has the whole title.
    expect(plain).toContain('>Coördinatie zorgvraag en -aanbod in de Lochemse</text>');
  });

  it.each([
    ['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&apos;'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['café', 'café'],
  ])('xml(%j) is %j', (input, expected) => {
    expect(xml(input)).toBe(expected);
  });

  it.each([
    ['kort', 5, 'kort'],
    ['precies', 7, 'precies'],
    ['iets te lang', 8, 'iets te…'],
    ['emoji 🙂🙂🙂', 8, 'emoji 🙂…'],
  ])('truncate(%j, %i) is %j', (input, max, expected) => {
    expect(truncate(input, max)).toBe(expected);
  });
});

describe('PNG', () => {
  it('is a 1600 × 1000 PNG, and its text is drawn with the bundled font', async () => {
    const nl = (await renderExport(exportFixture(), 'png', { lang: 'nl' })).body;
    const en = (await renderExport(exportFixture(), 'png', { lang: 'en' })).body;
    expect([...nl.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(nl.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(nl.readUInt32BE(16)).toBe(1600);
    expect(nl.readUInt32BE(20)).toBe(1000);
    // Only the words differ between the languages: without a font both pictures would be the same.
    expect(nl.equals(en)).toBe(false);
  });
});

describe('languages and labels', () => {
  it.each(['md', 'svg'] as const)('%s: Dutch and English give different headings', async (format) => {
    const nl = await text(exportFixture(), format, 'nl');
    const en = await text(exportFixture(), format, 'en');
    expect(nl).toContain('Kaarten op het bord');
    expect(en).toContain('Cards on the board');
    expect(en).not.toContain('Kaarten op het bord');
    expect(nl).not.toContain('Cards on the board');
  });

  it('Markdown headings per language', async () => {
    const headings = async (lang: ExportLang) => (await text(exportFixture(), 'md', lang)).split('\n').filter((l) => l.startsWith('## '));
    expect(await headings('nl')).toEqual([
      '## Kaarten op het bord',
      '## Plaatsingsrondes',
      '## Drempels, op aantal stemmen',
      '## Voorstellen',
      '## Alarm geslagen',
    ]);
    expect(await headings('en')).toEqual([
      '## Cards on the board',
      '## Placement rounds',
      '## Barriers, by number of votes',
      '## Proposals',
      '## Alarms raised',
    ]);
  });

  it('a phase without its own title gets the title of its kind, as in the app', () => {
    const titles = (lang: ExportLang) => defaultPhases().map((p) => phaseTitle(p, lang));
    expect(titles('nl')).toEqual(['Welkom', 'Positioneren (nu)', 'Koers (straks)', 'Drempels', 'Stemmen', 'Voorstellen', 'Afronden']);
    expect(titles('en')).toEqual(['Welcome', 'Positioning (now)', 'Course (later)', 'Barriers', 'Voting', 'Proposals', 'Wrap-up']);
    const custom = { ...defaultPhases()[2]!, title: 'Koers bepalen' };
    expect(phaseTitle(custom, 'en')).toBe('Koers bepalen');
  });

  it('the steps line leaves out skipped phases and keeps custom titles', async () => {
    const out = await text(exportFixture(), 'md', 'nl');
    expect(out).toContain('- **Stappen:** Positioneren (nu) → Koers bepalen → Drempels → Stemmen → Voorstellen → Afronden');
  });

  it.each([
    // 22:30 UTC on 3 June is already 4 June in Lochem (summer time, UTC+2).
    [Date.UTC(2013, 5, 3, 22, 30), 'nl', '4 juni 2013'],
    [Date.UTC(2013, 5, 3, 21, 30), 'nl', '3 juni 2013'],
    [Date.UTC(2013, 11, 31, 23, 30), 'en', '1 January 2014'],
  ] as const)('date %i in %s is %s (Europe/Amsterdam)', (ms, lang, expected) => {
    expect(formatDate(ms, lang)).toBe(expected);
  });

  it.each([
    ['2013-09-01', 'nl', '1 september 2013'],
    ['2014-06-30', 'en', '30 June 2014'],
    ['', 'nl', ''],
  ] as const)('due date %j in %s is %j', (iso, lang, expected) => {
    expect(formatDueDate(iso, lang)).toBe(expected);
  });
});
