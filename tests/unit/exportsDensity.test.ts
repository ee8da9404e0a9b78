import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { extractText, getDocumentProxy } from 'unpdf';
import { renderExport } from '../../server/exports';
import { oneLine } from '../../server/exports/content';
import { FONT_BOLD, FONT_REGULAR, drawnWithoutGaps } from '../../server/exports/fonts';
import { rasterize } from '../../server/exports/png';
import { boardSvg } from '../../server/exports/svg';
import { text as svgText } from '../../server/exports/svgText';
import { densityExport } from '../helpers/densityFixture';
import { exportFixture } from '../helpers/exportFixture';

/**
 * The board image at real density (issue 14): 25 and 60 cards, six at one point, some on the
 * edges and corners, a tight cluster, three not placed yet, a dozen arrows (some to one spot).
 * Everything is read back from the SVG itself, with its own geometry, not from the layout code.
 */

type Box = { x: number; y: number; w: number; h: number };

function unescape(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text lines of an SVG fragment, in order. */
function lines(fragment: string): string[] {
  return [...fragment.matchAll(/<text [^>]*>([\s\S]*?)<\/text>/g)].map((m) => unescape(m[1]!));
}

function groups(svg: string, attr: string): { id: string; open: string; body: string }[] {
  const re = new RegExp(`<g ${attr}="([^"]*)"([^>]*)>([\\s\\S]*?)</g>`, 'g');
  return [...svg.matchAll(re)].map((m) => ({ id: m[1]!, open: m[2]!, body: m[3]! }));
}

function num(attrs: string, name: string): number {
  return Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(attrs)![1]);
}

/** Everything a label must not be hidden under: dots, target rings and their number pills, arrow numbers, quadrant names. */
function obstacles(svg: string): Box[] {
  const out: Box[] = [];
  for (const m of svg.matchAll(/<circle data-dot="\d+" ([^>]*)\/>/g)) {
    const r = num(m[1]!, 'r');
    out.push({ x: num(m[1]!, 'cx') - r, y: num(m[1]!, 'cy') - r, w: 2 * r, h: 2 * r });
  }
  for (const m of svg.matchAll(/<rect data-dot="\d+" ([^>]*)\/>/g)) {
    out.push({ x: num(m[1]!, 'x'), y: num(m[1]!, 'y'), w: num(m[1]!, 'width'), h: num(m[1]!, 'height') });
  }
  for (const g of [...groups(svg, 'data-target'), ...groups(svg, 'data-arrow-number')]) {
    for (const m of g.body.matchAll(/<circle ([^>]*)\/>/g)) {
      const r = num(m[1]!, 'r');
      out.push({ x: num(m[1]!, 'cx') - r, y: num(m[1]!, 'cy') - r, w: 2 * r, h: 2 * r });
    }
    for (const m of g.body.matchAll(/<rect ([^>]*)\/>/g)) {
      out.push({ x: num(m[1]!, 'x'), y: num(m[1]!, 'y'), w: num(m[1]!, 'width'), h: num(m[1]!, 'height') });
    }
  }
  for (const g of groups(svg, 'data-quadrant')) {
    for (const m of g.body.matchAll(/<rect ([^>]*fill-opacity="0.9"[^>]*)\/>/g)) {
      out.push({ x: num(m[1]!, 'x'), y: num(m[1]!, 'y'), w: num(m[1]!, 'width'), h: num(m[1]!, 'height') });
    }
  }
  return out;
}

/** Share of the label's area (1 px grid) that no other label and no obstacle covers. */
function uncovered(box: Box, others: Box[]): number {
  const near = others.filter((o) => o.x < box.x + box.w && o.x + o.w > box.x && o.y < box.y + box.h && o.y + o.h > box.y);
  let free = 0;
  let all = 0;
  for (let y = box.y + 0.5; y < box.y + box.h; y++) {
    for (let x = box.x + 0.5; x < box.x + box.w; x++) {
      all++;
      if (!near.some((o) => x >= o.x && x < o.x + o.w && y >= o.y && y < o.y + o.h)) free++;
    }
  }
  return free / all;
}

describe.each([25, 60])('the board image with %i cards', { timeout: 60_000 }, (count) => {
  const model = densityExport(count);
  const board = boardSvg(model, 'nl');
  const svg = board.svg;
  const placed = model.cards.map((c, i) => ({ c, n: i + 1 })).filter(({ c }) => typeof c.x === 'number');
  const unplaced = model.cards.map((c, i) => ({ c, n: i + 1 })).filter(({ c }) => typeof c.x !== 'number');

  it('lists every card, with its whole title, and the unplaced ones under "Nog niet geplaatst"', () => {
    const legend = groups(svg, 'data-legend');
    expect(legend.map((g) => Number(g.id)).sort((a, b) => a - b)).toEqual(model.cards.map((_, i) => i + 1));
    for (const g of legend) {
      const [number, ...title] = lines(g.body);
      expect(number).toBe(`${g.id}.`);
      expect(title.join(' ')).toBe(oneLine(model.cards[Number(g.id) - 1]!.title));
    }
    expect(svg).not.toContain('en nog');
    const heading = svg.indexOf('>Nog niet geplaatst</text>');
    expect(heading).toBeGreaterThan(0);
    for (const { n } of unplaced) {
      expect(svg.indexOf(`<g data-legend="${n}">`)).toBeGreaterThan(heading);
      expect(svg).not.toContain(`data-label="${n}"`);
      expect(svg).not.toContain(`data-dot="${n}"`);
    }
    expect(unplaced).toHaveLength(3);
  });

  it('labels every placed card, ≥ 90 % of labels ≥ 90 % uncovered, none cut inside a word', () => {
    const labels = groups(svg, 'data-label');
    expect(labels.map((g) => Number(g.id)).sort((a, b) => a - b)).toEqual(placed.map(({ n }) => n));
    const boxes = labels.map((g) => {
      const [x, y, w, h] = g.open.match(/data-box="([^"]+)"/)![1]!.split(' ').map(Number) as [number, number, number, number];
      return { x, y, w, h };
    });
    const blockers = obstacles(svg);
    const shares = boxes.map((box, i) => uncovered(box, [...boxes.filter((_, j) => j !== i), ...blockers]));
    const legible = shares.filter((s) => s >= 0.9).length / shares.length;
    const mode = /data-board-labels="(\w+)"/.exec(svg)![1];
    let titled = 0;
    for (const g of labels) {
      const [number, ...rest] = lines(g.body);
      expect(number).toBe(g.id);
      if (rest.length === 0) continue;
      titled++;
      // Whole words of the title, in order; an ellipsis only after a whole word.
      const shown = rest.join(' ').replace(/ …$/, '').split(' ');
      const words = oneLine(model.cards[Number(g.id) - 1]!.title).split(' ');
      expect(shown).toEqual(words.slice(0, shown.length));
    }
    console.log(
      `[density] ${count} cards: ${labels.length} on the board, ${unplaced.length} unplaced, mode ${mode}, ` +
        `${titled} labels with title, ${(legible * 100).toFixed(1)} % of labels ≥ 90 % uncovered ` +
        `(lowest ${(Math.min(...shares) * 100).toFixed(1)} %), image ${board.width}×${board.height}`,
    );
    expect(legible).toBeGreaterThanOrEqual(0.9);
  });

  it('puts no label or number on a quadrant name, as on the screen, even with cards crowding the names', () => {
    // The same board with cards on the quadrant names' plates and just beside them (the plates sit
    // in the corners: the top ones at y ≈ 0.02–0.07, the bottom ones at y ≈ 0.93–0.98).
    const crowded = densityExport(count);
    const corners = [
      { x: 0.06, y: 0.045 },
      { x: 0.7, y: 0.045 },
      { x: 0.06, y: 0.955 },
      { x: 0.86, y: 0.955 },
    ];
    crowded.cards = crowded.cards.map((c, i) =>
      i < 20 && typeof c.x === 'number' ? { ...c, x: corners[i % 4]!.x + Math.floor(i / 4) * 0.03, y: corners[i % 4]!.y + (i % 2) * 0.05 * (i % 4 < 2 ? 1 : -1) } : c,
    );
    const svg = boardSvg(crowded, 'nl').svg;
    const names = groups(svg, 'data-quadrant').flatMap((g) =>
      [...g.body.matchAll(/<rect ([^>]*fill-opacity="0.9"[^>]*)\/>/g)].map((m) => ({ x: num(m[1]!, 'x'), y: num(m[1]!, 'y'), w: num(m[1]!, 'width'), h: num(m[1]!, 'height') })),
    );
    expect(names).toHaveLength(4);
    for (const g of groups(svg, 'data-label')) {
      const [x, y, w, h] = g.open.match(/data-box="([^"]+)"/)![1]!.split(' ').map(Number) as [number, number, number, number];
      for (const n of names) {
        const overlap = Math.max(0, Math.min(x + w, n.x + n.w) - Math.max(x, n.x)) * Math.max(0, Math.min(y + h, n.y + n.h) - Math.max(y, n.y));
        expect(overlap, `label ${g.id} on a quadrant name`).toBe(0);
      }
    }
  });

  it('puts the card number on each arrow and on its target, targets drawn above the cards', () => {
    const arrows = groups(svg, 'data-arrow').map((g) => g.id);
    const numbers = new Map(groups(svg, 'data-arrow-number').map((g) => [g.id, lines(g.body)]));
    const targets = groups(svg, 'data-target');
    const onTarget = new Map(targets.flatMap((g) => g.id.split(' ').map((n) => [n, lines(g.body).join(' ')] as const)));
    const withTarget = placed.filter(({ c }) => c.target);
    expect(withTarget.length).toBeGreaterThanOrEqual(count === 25 ? 4 : 10);
    for (const { n, c } of withTarget) {
      const far = Math.hypot(c.target!.x - c.x!, c.target!.y - c.y!) >= 0.015;
      if (far) {
        expect(arrows).toContain(String(n));
        expect(numbers.get(String(n))).toEqual([String(n)]);
      }
      expect(onTarget.get(String(n))?.split(/ · | /)).toContain(String(n));
    }
    const lastCard = Math.max(svg.lastIndexOf('<g data-label='), svg.lastIndexOf('data-dot='));
    expect(svg.indexOf('<g data-target=')).toBeGreaterThan(lastCard);
    console.log(`[density] ${count} cards: ${arrows.length} arrows numbered, ${targets.length} target rings (${withTarget.length} targets)`);
  });

  it('is a PNG as tall as the list needs', async () => {
    const png = (await renderExport(model, 'png', { lang: 'nl' })).body;
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.readUInt32BE(20)).toBe(board.height);
    expect(board.height).toBeGreaterThanOrEqual(1000);
  });
});

describe('Markdown at 25 cards', () => {
  it('lists the unplaced cards in their own section, in no quadrant', async () => {
    const model = densityExport(25);
    const md = (await renderExport(model, 'md', { lang: 'nl' })).body.toString('utf8');
    const section = md.indexOf('### Nog niet geplaatst');
    expect(section).toBeGreaterThan(0);
    const after = md.slice(section).split('\n## ')[0]!;
    for (const n of [9, 10, 11]) {
      expect(after).toContain(`- **${n}. ${model.cards[n - 1]!.title}**`);
      expect(md.slice(0, section)).not.toContain(`**${n}. `);
    }
  });
});

describe('CSV of the cards at 25 cards', () => {
  it('has every card with its number and quadrant; an unplaced card is in none', async () => {
    const model = densityExport(25);
    const out = await renderExport(model, 'csv', { lang: 'nl', table: 'cards' });
    expect(out.fileName.endsWith('-kaarten.csv')).toBe(true);
    // The density titles hold no ; or ", so a plain split reads the file.
    const rows = out.body.toString('utf8').slice(1).split('\r\n').filter(Boolean).map((r) => r.split(';').map((c) => c.slice(1, -1)));
    expect(rows[0]).toEqual(['Nummer', 'Kaart', 'Soort', 'Afdeling', 'Staat nu in', 'Moet naar']);
    expect(rows).toHaveLength(26);
    expect(rows.slice(1).map((r) => r[0])).toEqual(model.cards.map((_, i) => String(i + 1)));
    expect(rows[9]).toEqual(['9', model.cards[8]!.title, 'Domein', '', 'nog niet geplaatst', '']);
    expect(rows[1]).toEqual(['1', 'Klimaatbeleid', 'Domein', '', 'Retro in Control', 'Flashmob']);
  });
});

describe('the PDF at 60 cards', { timeout: 120_000 }, () => {
  it('lists every card, the unplaced ones in their own section', async () => {
    const model = densityExport(60);
    const pdf = await getDocumentProxy(new Uint8Array((await renderExport(model, 'pdf', { lang: 'nl' })).body));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s*\n\s*/g, ' ');
    model.cards.forEach((c, i) => {
      const title = oneLine(c.title);
      if (!/[\u0600-\u06ff]/.test(title)) expect(text).toContain(`${i + 1}. ${title}`);
      // Right-to-left words come back in drawing order: each word, letters either way round.
      else for (const word of title.split(' ')) expect(text.includes(word) || text.includes([...word].reverse().join(''))).toBe(true);
    });
    const section = text.indexOf('Nog niet geplaatst');
    expect(section).toBeGreaterThan(0);
    // Card 9 is not placed ("39. Jeugdzorg 2" is another card).
    expect(text.search(/(?<!\d)9\. Jeugdzorg \(/)).toBeGreaterThan(section);
  });
});

/** Titles a Lochem workshop may have: emoji (also joined sequences), Arabic, Turkish, Polish, Cyrillic, Greek. */
const WORLD_TITLES = ['Fietsplan 🚲', 'Team 👩‍🚀 en ♻️', 'مركز الحي', 'Ölçü ve ağır', 'Żółta łódź', 'Жилищный вопрос', 'Ωδείο'];
const TOFU = '\u{10FFFD}'; // a private-use code point no font has: drawn as the empty box

describe('emoji and non-Latin text are drawn, never as empty boxes', { timeout: 120_000 }, () => {
  /** One piece of text drawn as the board's text() draws it, as raw pixels. */
  async function draw(content: string, bold: boolean, fontFiles?: string[]) {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" font-family="'DejaVu Sans', 'Noto Emoji'">` +
      `${svgText(10, 42, content, { size: 32, weight: bold ? 'bold' : undefined })}</svg>`;
    return Buffer.from((await rasterize(svg, { fontFiles })).pixels);
  }

  it.each([false, true])('PNG (bold %s): every character differs from the empty box', async (bold) => {
    const tofu = await draw(TOFU, bold);
    // The check can fail: with DejaVu only, an emoji is exactly the empty box.
    expect((await draw('🚲', bold, [FONT_REGULAR, FONT_BOLD])).equals(tofu)).toBe(true);
    const graphemes = [...new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(WORLD_TITLES.join(''))]
      .map((s) => s.segment)
      .filter((s) => s.trim());
    let drawn = 0;
    for (const g of graphemes) {
      if ((await draw(g, bold)).equals(tofu)) throw new Error(`${JSON.stringify(g)} is drawn as an empty box`);
      drawn++;
    }
    console.log(`[fonts] PNG ${bold ? 'bold' : 'regular'}: ${drawn} characters drawn, none as the empty box`);
    expect(drawn).toBe(graphemes.length);
  });

  it('every character has a glyph in the font the PDF picks for it', () => {
    for (const title of WORLD_TITLES) {
      expect(drawnWithoutGaps(title)).toBe(true);
      expect(drawnWithoutGaps(title, true)).toBe(true);
    }
    expect(drawnWithoutGaps(`Geen ${TOFU}`)).toBe(false);
  });

  it('PDF: the titles come back as text from real glyphs, in headings and lists', async () => {
    // pdfkit maps a missing glyph to glyph 0, which its ToUnicode table maps to U+0000: an empty
    // box comes back as "\0", a real glyph as its character. The control proves the check can fail.
    const control = new PDFDocument({ font: FONT_REGULAR });
    const chunks: Buffer[] = [];
    control.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => control.on('end', resolve));
    control.text('Fietsplan 🚲');
    control.end();
    await ended;
    const controlText = (await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true })).text;
    expect(controlText).toContain('\u0000');
    expect(controlText).not.toContain('🚲');

    const model = exportFixture();
    model.workshop.title = WORLD_TITLES.join(' · ');
    WORLD_TITLES.forEach((t, i) => (model.cards[i % model.cards.length]!.title = t));
    const pdf = await getDocumentProxy(new Uint8Array((await renderExport(model, 'pdf', { lang: 'nl' })).body));
    const text = (await extractText(pdf, { mergePages: true })).text;
    expect(text).not.toContain('\u0000');
    for (const ch of ['🚲', '👩', '🚀', '♻', 'م', 'ر', 'ğ', 'ı', 'Ż', 'ł', 'Ж', 'Ω']) expect(text).toContain(ch);
  });
});
