import type { ExportLang, WorkshopExport } from '../../shared/export';
import type { QuadrantCorner } from '../../shared/template';
import type { NumberedCard } from './content';
import { labelsFor } from './labels';
import { ARROW } from './svgBoard';
import { INK, MUTED, text, wrapWords } from './svgText';

/**
 * The key beside the board (shapes, arrow and ring, quadrant hatchings) and the list of every
 * card by number, with its full title wrapped at word boundaries. The list never stops early:
 * what does not fit beside the board continues in columns below it, and the image grows.
 */

/** Per corner: the pale fill of the app, a hatching and a border style (the parts that do not need colour). */
export const QUADRANT_STYLE: Record<QuadrantCorner, { fill: string; pattern: string; dash: string }> = {
  'top-left': { fill: '#e6eefa', pattern: 'rb-p-diagonal', dash: '' },
  'top-right': { fill: '#f1eaf9', pattern: 'rb-p-dots', dash: '16 8' },
  'bottom-left': { fill: '#e5f4ea', pattern: 'rb-p-horizontal', dash: '3 7' },
  'bottom-right': { fill: '#fcf1e1', pattern: 'rb-p-cross', dash: '16 6 3 6' },
};

const LIST_SIZE_PX = 15;
const LIST_LINE_PX = 19;
const ITEM_GAP_PX = 4;
const HEADING_PX = 20;
const HEADING_ROW_PX = 32;
const SUBHEADING_PX = 17;
/** The number column of the list: titles start here, so wrapped lines stay under the title. */
const NUMBER_COL_PX = 34;

export interface Column {
  x: number;
  top: number;
  width: number;
  /** Last y a line may sit on; Infinity for the columns below the board. */
  bottom: number;
}

interface Block {
  kind: 'heading' | 'subheading' | 'note' | 'item';
  n?: number;
  content: string;
}

/** The shape key and the quadrant key; returns the y below it. */
export function legendKey(model: WorkshopExport, lang: ExportLang, x: number, top: number): { svg: string; bottom: number } {
  const L = labelsFor(lang);
  let y = top;
  const out = ['<g data-legend-key="">', text(x, y, L.legend, { size: HEADING_PX, weight: 'bold' })];
  y += 34;
  out.push(
    `<circle cx="${x + 15}" cy="${y - 6}" r="11" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`,
    text(x + 15, y - 1.5, '1', { size: 12, weight: 'bold', anchor: 'middle' }),
    text(x + 40, y, L.legendDomain, { size: 15 }),
  );
  y += 30;
  out.push(
    `<rect x="${x + 4}" y="${y - 17}" width="22" height="22" rx="3" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`,
    text(x + 15, y - 1.5, '2', { size: 12, weight: 'bold', anchor: 'middle' }),
    text(x + 40, y, L.legendProject, { size: 15 }),
  );
  y += 30;
  out.push(
    `<circle cx="${x + 4}" cy="${y - 2}" r="4" fill="${INK}"/>`,
    `<line x1="${x + 4}" y1="${y - 2}" x2="${x + 20}" y2="${y - 12}" stroke="${MUTED}" stroke-width="1.5"/>`,
    `<circle cx="${x + 27}" cy="${y - 14}" r="7" fill="#ffffff" stroke="${INK}" stroke-width="1.5"/>`,
    text(x + 40, y, L.legendLeader, { size: 15 }),
  );
  y += 30;
  out.push(
    `<line x1="${x}" y1="${y - 6}" x2="${x + 12}" y2="${y - 6}" stroke="${ARROW}" stroke-width="3.5" marker-end="url(#rb-head)"/>`,
    `<circle cx="${x + 26}" cy="${y - 6}" r="9" fill="#ffffff" stroke="${ARROW}" stroke-width="2.5" stroke-dasharray="4 2.5"/>`,
    text(x + 26, y - 2, '1', { size: 10, weight: 'bold', anchor: 'middle', fill: ARROW }),
    text(x + 40, y, L.legendTarget, { size: 15 }),
  );
  y += 24;
  out.push(text(x + 40, y, L.legendNumbers, { size: 13, fill: MUTED }));
  y += 10;
  for (const corner of ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const) {
    const q = model.workshop.template.quadrants.find((t) => t.corner === corner);
    if (!q) continue;
    const style = QUADRANT_STYLE[corner];
    y += 32;
    out.push(
      `<rect x="${x}" y="${y - 20}" width="30" height="24" fill="${style.fill}"/>`,
      `<rect x="${x}" y="${y - 20}" width="30" height="24" fill="url(#${style.pattern})" stroke="${MUTED}" stroke-width="2"` +
        (style.dash ? ` stroke-dasharray="${shortDash(style.dash)}"` : '') +
        '/>',
      text(x + 40, y - 2, wrapWords(q.label, 360, 15, { maxLines: 1 })[0] ?? '', { size: 15 }),
    );
  }
  out.push('</g>');
  return { svg: out.join('\n'), bottom: y };
}

/** Every card, placed ones by number, then those not on the board yet. */
export function listBlocks(cards: readonly NumberedCard[], lang: ExportLang): Block[] {
  const L = labelsFor(lang);
  const placed = cards.filter((c) => c.pos);
  const unplaced = cards.filter((c) => !c.pos);
  const blocks: Block[] = [{ kind: 'heading', content: L.cardsTitle }];
  if (placed.length === 0) blocks.push({ kind: 'note', content: L.cardsNone });
  for (const c of placed) blocks.push({ kind: 'item', n: c.n, content: c.card.title });
  if (unplaced.length > 0) {
    blocks.push({ kind: 'subheading', content: L.unplaced });
    for (const c of unplaced) blocks.push({ kind: 'item', n: c.n, content: c.card.title });
  }
  return blocks;
}

function blockLines(b: Block, width: number): string[] {
  switch (b.kind) {
    case 'heading':
      return [b.content];
    case 'subheading':
      return wrapWords(b.content, width, SUBHEADING_PX, { bold: true });
    case 'note':
      return wrapWords(b.content, width, LIST_SIZE_PX);
    case 'item':
      return wrapWords(b.content, width - NUMBER_COL_PX, LIST_SIZE_PX);
  }
}

function blockHeight(b: Block, width: number): number {
  if (b.kind === 'heading') return HEADING_ROW_PX;
  if (b.kind === 'subheading') return blockLines(b, width).length * 22 + 10;
  return blockLines(b, width).length * LIST_LINE_PX + ITEM_GAP_PX;
}

/**
 * Lays the blocks into `side` first, then into `below` columns (balanced). Returns the SVG and
 * the lowest y used.
 */
export function flowList(blocks: readonly Block[], side: Column | null, below: Column[]): { svg: string; bottom: number } {
  const out: string[] = ['<g data-card-list="">'];
  let i = 0;
  let bottom = side?.top ?? below[0]?.top ?? 0;
  if (side) {
    let y = side.top;
    while (i < blocks.length && y + blockHeight(blocks[i]!, side.width) - ITEM_GAP_PX <= side.bottom) {
      out.push(drawBlock(blocks[i]!, side.x, y, side.width));
      y += blockHeight(blocks[i]!, side.width);
      i++;
    }
    // A heading never stays alone at the bottom of a column.
    if (i > 0 && blocks[i - 1]!.kind !== 'item' && i < blocks.length) {
      out.pop();
      i--;
    }
    bottom = y;
  }
  const rest = blocks.slice(i);
  if (rest.length > 0 && below.length > 0) {
    const width = below[0]!.width;
    const total = rest.reduce((s, b) => s + blockHeight(b, width), 0);
    const tallest = Math.max(...rest.map((b) => blockHeight(b, width)));
    const target = Math.max(total / below.length, tallest);
    let col = 0;
    let y = below[0]!.top;
    rest.forEach((b, k) => {
      // A heading moves on with the item after it.
      const next = rest[k + 1];
      const h = blockHeight(b, width) + (b.kind !== 'item' && next ? blockHeight(next, width) : 0);
      if (y > below[col]!.top && y - below[col]!.top + h > target + 1 && col < below.length - 1) {
        col++;
        y = below[col]!.top;
      }
      out.push(drawBlock(b, below[col]!.x, y, width));
      y += blockHeight(b, width);
      bottom = Math.max(bottom, y);
    });
  }
  out.push('</g>');
  return { svg: out.join('\n'), bottom };
}

/** Draws a block with its first baseline `LIST_LINE_PX` below `top`. */
function drawBlock(b: Block, x: number, top: number, width: number): string {
  const lines = blockLines(b, width);
  switch (b.kind) {
    case 'heading':
      return text(x, top + 20, b.content, { size: HEADING_PX, weight: 'bold' });
    case 'subheading':
      return lines.map((l, k) => text(x, top + 26 + k * 22, l, { size: SUBHEADING_PX, weight: 'bold' })).join('\n');
    case 'note':
      return lines.map((l, k) => text(x, top + 15 + k * LIST_LINE_PX, l, { size: LIST_SIZE_PX, fill: MUTED })).join('\n');
    case 'item':
      return [
        `<g data-legend="${b.n}">`,
        text(x + NUMBER_COL_PX - 8, top + 15, `${b.n}.`, { size: LIST_SIZE_PX, weight: 'bold', anchor: 'end' }),
        ...lines.map((l, k) => text(x + NUMBER_COL_PX, top + 15 + k * LIST_LINE_PX, l, { size: LIST_SIZE_PX })),
        '</g>',
      ].join('\n');
  }
}

function shortDash(dash: string): string {
  return dash
    .split(' ')
    .map((n) => String(Math.max(2, Math.round(Number(n) / 2))))
    .join(' ');
}
