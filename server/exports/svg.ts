import type { ExportLang, WorkshopExport } from '../../shared/export';
import type { QuadrantCorner } from '../../shared/template';
import { isPlacedCard, numberedCards, oneLine, type NumberedCard, type PlacedCard } from './content';
import { formatDate, labelsFor } from './labels';

/**
 * The board as one standalone SVG: the four quadrants with their role names
 * and axis ends, every card as a numbered marker (a circle for a domain, a
 * square for a project, as in the app), an arrow from now to the target, a
 * legend and the list of numbers. The PNG and the PDF draw this same picture.
 *
 * Self-contained on purpose: no script, no link, no web font, no image; every
 * user text is XML-escaped. Nothing is told by colour alone: each quadrant has
 * its own hatching and border style, and its name.
 */
export const SVG_WIDTH = 1600;
export const SVG_HEIGHT = 1000;

/** The board plane, 4:3 like the app's board on a wide screen (px in the viewBox). */
const PLANE = { x: 140, y: 145, w: 960, h: 720 } as const;
/**
 * Markers stay this far inside the plane (px): sideways so a card at 0 or 1 is
 * drawn whole, up and down also clear of the quadrant names. The mapping stays
 * linear around the centre, so a card is always drawn in its own quadrant.
 */
const PLANE_INSET_X = 22;
const PLANE_INSET_Y = 66;
const MARKER_RADIUS = 15;
const RING_RADIUS = 14;
/** Below this distance (board units) there is no arrow, only the ring (same as the app). */
const MIN_ARROW = 0.015;
/** Character budgets for truncation; DejaVu Sans Bold averages about 0.66 em per character. */
const CARD_LABEL_CHARS = 26;
const LIST_CHARS = 40;
const TITLE_CHARS = 64;
const AVG_BOLD_CHAR_EM = 0.66;
const SIDE_X = 1150;
const LIST_ROW_PX = 22;
const LIST_BOTTOM_PX = 960;

const INK = '#1a1f27';
const MUTED = '#4b5563';
const ARROW = '#1d4ed8';
const FONT = "'DejaVu Sans', Verdana, Arial, sans-serif";

/** Per corner: the pale fill of the app, a hatching and a border style (the parts that do not need colour). */
const QUADRANT_STYLE: Record<QuadrantCorner, { fill: string; pattern: string; dash: string }> = {
  'top-left': { fill: '#e6eefa', pattern: 'rb-p-diagonal', dash: '' },
  'top-right': { fill: '#f1eaf9', pattern: 'rb-p-dots', dash: '16 8' },
  'bottom-left': { fill: '#e5f4ea', pattern: 'rb-p-horizontal', dash: '3 7' },
  'bottom-right': { fill: '#fcf1e1', pattern: 'rb-p-cross', dash: '16 6 3 6' },
};

export function renderSvg(model: WorkshopExport, lang: ExportLang): string {
  const L = labelsFor(lang);
  const w = model.workshop;
  const template = w.template;
  const cards = numberedCards(model);
  const arrows = cards.filter((c) => c.card.target).length;

  const desc = [
    L.boardDesc(cards.length, arrows),
    ...cards.map((c) => L.cardLine(c.n, oneLine(c.card.title), c.now?.label ?? L.unplaced, c.target?.label ?? null) + '.'),
  ].join(' ');

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" width="${SVG_WIDTH}" height="${SVG_HEIGHT}"` +
      ` role="img" aria-labelledby="rb-title rb-desc" lang="${lang}" font-family="${FONT}">`,
    `<title id="rb-title">${xml(L.boardAlt(oneLine(w.title)))}</title>`,
    `<desc id="rb-desc">${xml(desc)}</desc>`,
    defs(),
    `<rect width="${SVG_WIDTH}" height="${SVG_HEIGHT}" fill="#ffffff"/>`,
    text(60, 52, truncate(w.title, TITLE_CHARS), { size: 32, weight: 'bold' }),
    text(60, 84, `${template.name[lang]} · ${formatDate(w.createdAt, lang)}`, { size: 19, fill: MUTED }),
  );

  // Quadrants: fill, hatching, border, name.
  for (const q of template.quadrants) {
    const style = QUADRANT_STYLE[q.corner];
    const left = q.corner.endsWith('left');
    const top = q.corner.startsWith('top');
    const x = PLANE.x + (left ? 0 : PLANE.w / 2);
    const y = PLANE.y + (top ? 0 : PLANE.h / 2);
    const qw = PLANE.w / 2;
    const qh = PLANE.h / 2;
    parts.push(
      `<g data-quadrant="${xml(q.id)}">`,
      `<rect x="${x}" y="${y}" width="${qw}" height="${qh}" fill="${style.fill}"/>`,
      `<rect x="${x}" y="${y}" width="${qw}" height="${qh}" fill="url(#${style.pattern})"/>`,
      `<rect x="${x + 7}" y="${y + 7}" width="${qw - 14}" height="${qh - 14}" fill="none" stroke="${MUTED}" stroke-width="2.5"` +
        (style.dash ? ` stroke-dasharray="${style.dash}"` : '') +
        ` stroke-linecap="round"/>`,
      labelWithBackground(left ? x + 22 : x + qw - 22, top ? y + 40 : y + qh - 24, q.label, 22, left ? 'start' : 'end'),
      `</g>`,
    );
  }
  parts.push(
    `<rect x="${PLANE.x}" y="${PLANE.y}" width="${PLANE.w}" height="${PLANE.h}" fill="none" stroke="${INK}" stroke-width="3"/>`,
  );

  // Axis ends, placed as in the app: top above, left and right below, bottom under those.
  const cx = PLANE.x + PLANE.w / 2;
  parts.push(
    text(cx, PLANE.y - 14, `↑ ${template.axes.y.start[lang]}`, { size: 18, anchor: 'middle', fill: MUTED }),
    text(PLANE.x, PLANE.y + PLANE.h + 30, `← ${template.axes.x.start[lang]}`, { size: 18, fill: MUTED }),
    text(PLANE.x + PLANE.w, PLANE.y + PLANE.h + 30, `${template.axes.x.end[lang]} →`, { size: 18, anchor: 'end', fill: MUTED }),
    text(cx, PLANE.y + PLANE.h + 60, `↓ ${template.axes.y.end[lang]}`, { size: 18, anchor: 'middle', fill: MUTED }),
  );

  // Arrows under the markers, so a marker is never hidden by a line.
  // An unplaced card is drawn nowhere (the text lists it under "nog niet geplaatst").
  const placed = cards.filter(isPlacedCard);
  for (const c of placed) if (c.card.target) parts.push(arrow(c));
  for (const c of placed) parts.push(marker(c));

  parts.push(legend(model, lang), cardList(cards, lang));
  parts.push(
    text(60, 985, `${L.template}: ${template.name[lang]} · ${L.generatedBy}`, { size: 14, fill: MUTED }),
    '</svg>',
  );
  return parts.join('\n') + '\n';
}

function defs(): string {
  const line = `stroke="${INK}" stroke-opacity="0.16" stroke-width="2"`;
  return [
    '<defs>',
    `<pattern id="rb-p-diagonal" width="18" height="18" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="18" ${line}/></pattern>`,
    `<pattern id="rb-p-dots" width="18" height="18" patternUnits="userSpaceOnUse"><circle cx="9" cy="9" r="2.2" fill="${INK}" fill-opacity="0.2"/></pattern>`,
    `<pattern id="rb-p-horizontal" width="18" height="18" patternUnits="userSpaceOnUse"><line x1="0" y1="9" x2="18" y2="9" ${line}/></pattern>`,
    `<pattern id="rb-p-cross" width="22" height="22" patternUnits="userSpaceOnUse"><line x1="11" y1="0" x2="11" y2="22" ${line}/><line x1="0" y1="11" x2="22" y2="11" ${line}/></pattern>`,
    `<marker id="rb-head" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" markerHeight="4" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${ARROW}"/></marker>`,
    '</defs>',
  ].join('\n');
}

/** Where a board position is drawn, in viewBox px. */
function toPx(pos: { x: number; y: number }): { x: number; y: number } {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5);
  return {
    x: round(PLANE.x + PLANE_INSET_X + clamp(pos.x) * (PLANE.w - 2 * PLANE_INSET_X)),
    y: round(PLANE.y + PLANE_INSET_Y + clamp(pos.y) * (PLANE.h - 2 * PLANE_INSET_Y)),
  };
}

function arrow({ n, card, pos }: PlacedCard): string {
  const target = card.target!;
  const from = toPx(pos);
  const to = toPx(target);
  const out = ['<g>'];
  if (Math.hypot(target.x - pos.x, target.y - pos.y) >= MIN_ARROW) {
    // Stop at the ring, so the head stays visible.
    const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const ex = round(to.x - ((to.x - from.x) / len) * RING_RADIUS);
    const ey = round(to.y - ((to.y - from.y) / len) * RING_RADIUS);
    out.push(
      `<line x1="${from.x}" y1="${from.y}" x2="${ex}" y2="${ey}" stroke="#ffffff" stroke-width="8" stroke-linecap="round"/>`,
      `<line x1="${from.x}" y1="${from.y}" x2="${ex}" y2="${ey}" stroke="${ARROW}" stroke-width="4" marker-end="url(#rb-head)"/>`,
    );
  }
  out.push(
    `<circle cx="${to.x}" cy="${to.y}" r="${RING_RADIUS}" fill="none" stroke="${ARROW}" stroke-width="3" stroke-dasharray="5 3"/>`,
    text(to.x + RING_RADIUS + 3, to.y - RING_RADIUS + 2, String(n), { size: 13, weight: 'bold', fill: ARROW, halo: true }),
    '</g>',
  );
  return out.join('\n');
}

function marker({ n, card, pos }: PlacedCard): string {
  const { x, y } = toPx(pos);
  const r = MARKER_RADIUS;
  const shape =
    card.kind === 'domain'
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="#ffffff" stroke="${INK}" stroke-width="2.5"/>`
      : `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" rx="3" fill="#ffffff" stroke="${INK}" stroke-width="2.5"/>`;
  // Near the right edge the title goes to the left of the marker.
  const onLeft = pos.x > 0.72;
  const label = text(onLeft ? x - r - 6 : x + r + 6, y + 5, truncate(card.title, CARD_LABEL_CHARS), {
    size: 15,
    anchor: onLeft ? 'end' : 'start',
    halo: true,
  });
  return [
    '<g>',
    shape,
    text(x, y + 5, String(n), { size: n > 99 ? 11 : 14, weight: 'bold', anchor: 'middle' }),
    label,
    '</g>',
  ].join('\n');
}

function legend(model: WorkshopExport, lang: ExportLang): string {
  const L = labelsFor(lang);
  const x = SIDE_X;
  let y = 150;
  const out = ['<g>', text(x, y, L.legend, { size: 20, weight: 'bold' })];
  y += 34;
  out.push(
    `<circle cx="${x + 15}" cy="${y - 6}" r="11" fill="#ffffff" stroke="${INK}" stroke-width="2.5"/>`,
    text(x + 40, y, L.legendDomain, { size: 15 }),
  );
  y += 30;
  out.push(
    `<rect x="${x + 4}" y="${y - 17}" width="22" height="22" rx="3" fill="#ffffff" stroke="${INK}" stroke-width="2.5"/>`,
    text(x + 40, y, L.legendProject, { size: 15 }),
  );
  y += 30;
  out.push(
    `<line x1="${x}" y1="${y - 6}" x2="${x + 16}" y2="${y - 6}" stroke="${ARROW}" stroke-width="4" marker-end="url(#rb-head)"/>`,
    `<circle cx="${x + 26}" cy="${y - 6}" r="8" fill="none" stroke="${ARROW}" stroke-width="3" stroke-dasharray="4 2"/>`,
    text(x + 40, y, L.legendTarget, { size: 15 }),
  );
  y += 14;
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
      text(x + 40, y - 2, truncate(q.label, LIST_CHARS), { size: 15 }),
    );
  }
  out.push('</g>');
  return out.join('\n');
}

/** The numbers on the board with their titles: the key to read the picture. */
function cardList(cards: NumberedCard[], lang: ExportLang): string {
  const L = labelsFor(lang);
  const x = SIDE_X;
  let y = 430;
  const out = ['<g>', text(x, y, L.cardsTitle, { size: 20, weight: 'bold' })];
  y += 30;
  if (cards.length === 0) out.push(text(x, y, L.cardsNone, { size: 15, fill: MUTED }));
  const room = Math.floor((LIST_BOTTOM_PX - y) / LIST_ROW_PX) + 1;
  const shown = cards.length > room ? cards.slice(0, room - 1) : cards;
  for (const c of shown) {
    out.push(text(x, y, truncate(`${c.n}. ${c.card.title}`, LIST_CHARS), { size: 15 }));
    y += LIST_ROW_PX;
  }
  if (shown.length < cards.length) out.push(text(x, y, L.moreCards(cards.length - shown.length), { size: 15, fill: MUTED }));
  out.push('</g>');
  return out.join('\n');
}

/** A quadrant name on a white plate, so the hatching never runs through the letters. */
function labelWithBackground(x: number, y: number, label: string, size: number, anchor: 'start' | 'end'): string {
  const shown = truncate(label, 34);
  const width = round(Array.from(shown).length * size * AVG_BOLD_CHAR_EM + 16);
  const left = anchor === 'start' ? x - 8 : x - width + 8;
  return [
    `<rect x="${round(left)}" y="${y - size - 4}" width="${width}" height="${size + 14}" rx="4" fill="#ffffff" fill-opacity="0.9"/>`,
    text(x, y, shown, { size, weight: 'bold', anchor }),
  ].join('\n');
}

interface TextStyle {
  size: number;
  weight?: 'bold';
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  /** A white outline behind the letters, for text drawn over lines and hatching. */
  halo?: boolean;
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${style.size}"`,
    style.weight ? `font-weight="${style.weight}"` : '',
    style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    `fill="${style.fill ?? INK}"`,
    style.halo ? 'stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${xml(oneLine(content))}</text>`;
}

function shortDash(dash: string): string {
  return dash
    .split(' ')
    .map((n) => String(Math.max(2, Math.round(Number(n) / 2))))
    .join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** At most `max` characters (code points, so no emoji is cut in half), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(oneLine(text));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Text as XML character data or attribute value: the five special characters
 * escaped, and characters XML 1.0 does not allow at all (most control
 * characters, lone surrogates, U+FFFE/U+FFFF) dropped, so the file always parses.
 */
export function xml(text: string): string {
  return (
    text
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
