import type { ExportLang, WorkshopExport } from '../../shared/export';
import { numberedCards, oneLine } from './content';
import type { Box } from '../../shared/boardLayout';
import { formatDate, labelsFor } from './labels';
import { ARROW, arrowHeadDefs, drawBoard, type LabelMode, type Plane } from './svgBoard';
import { QUADRANT_STYLE, flowList, legendKey, listBlocks, type Column } from './svgLegend';
import { INK, MUTED, measure, round, text, wrapWords, xml } from './svgText';

export { truncate, xml } from './svgText';

/**
 * The board as one standalone SVG: the four quadrants with their role names and axis ends,
 * every placed card as a dot at its true position with a numbered label moved clear of the
 * others (a circle for a domain, a square for a project, as in the app; the title too while
 * there is room, else numbers only), an arrow from now to the target with the number on arrow
 * and target ring, a key, and the list of every card by number. The PNG draws this picture; the
 * PDF draws the board part (`{ board: 'only' }`) and lists the cards as text.
 *
 * Self-contained on purpose: no script, no link, no web font, no image; every user text is
 * XML-escaped. Nothing is told by colour alone: each quadrant has its own hatching and border
 * style, and its name.
 */
export const SVG_WIDTH = 1600;
/** The height with a list that fits beside the board; a longer list makes the image taller. */
export const SVG_MIN_HEIGHT = 1000;
const FONT = "'DejaVu Sans', 'Noto Emoji', Verdana, Arial, sans-serif";
const SIDE_X = 1150;
const SIDE_WIDTH = 420;
const SIDE_BOTTOM = 965;
const BELOW_TOP = 975;
const BELOW_COLUMNS = 3;
const MARGIN_X = 60;
const FOOTER_PX = 45;

/** The plane: 4:3 like the app's board on a wide screen. Insets keep markers clear of the quadrant names. */
const PLANE_FULL: Plane = { x: 140, y: 145, w: 960, h: 720, insetX: 22, insetY: 50 };
const PLANE_ONLY: Plane = { ...PLANE_FULL, x: 40, y: 40 };

export interface BoardSvg {
  svg: string;
  width: number;
  height: number;
  /** Titles on the board, or numbers only (too dense for titles). */
  mode: LabelMode;
  /** Share of the board's labels that are at least 90 % uncovered. */
  legible: number;
}

export function renderSvg(model: WorkshopExport, lang: ExportLang): string {
  return boardSvg(model, lang).svg;
}

export function boardSvg(model: WorkshopExport, lang: ExportLang, options: { board?: 'only' } = {}): BoardSvg {
  const L = labelsFor(lang);
  const w = model.workshop;
  const template = w.template;
  const cards = numberedCards(model);
  const only = options.board === 'only';
  const plane = only ? PLANE_ONLY : PLANE_FULL;
  const placed = cards.filter((c) => c.pos);
  const arrows = placed.filter((c) => c.card.target).length;

  const desc = [
    L.boardDesc(placed.length, arrows),
    ...cards.map((c) => L.cardLine(c.n, oneLine(c.card.title), c.now?.label ?? null, c.target?.label ?? null) + '.'),
  ].join(' ');

  const body: string[] = [];
  if (!only) {
    body.push(
      text(MARGIN_X, 52, wrapWords(w.title, SVG_WIDTH - 2 * MARGIN_X, 32, { bold: true, maxLines: 1 })[0] ?? '', {
        size: 32,
        weight: 'bold',
      }),
      text(MARGIN_X, 84, `${template.name[lang]} · ${formatDate(w.createdAt, lang)}`, { size: 19, fill: MUTED }),
    );
  }

  // Quadrants: fill, hatching, border, name (the name's plate is kept clear of labels).
  const plates: Box[] = [];
  for (const q of template.quadrants) {
    const style = QUADRANT_STYLE[q.corner];
    const left = q.corner.endsWith('left');
    const top = q.corner.startsWith('top');
    const x = plane.x + (left ? 0 : plane.w / 2);
    const y = plane.y + (top ? 0 : plane.h / 2);
    const qw = plane.w / 2;
    const qh = plane.h / 2;
    const name = quadrantName(left ? x + 22 : x + qw - 22, top ? y + 40 : y + qh - 24, q.label, left ? 'start' : 'end');
    plates.push(name.plate);
    body.push(
      `<g data-quadrant="${xml(q.id)}">`,
      `<rect x="${x}" y="${y}" width="${qw}" height="${qh}" fill="${style.fill}"/>`,
      `<rect x="${x}" y="${y}" width="${qw}" height="${qh}" fill="url(#${style.pattern})"/>`,
      `<rect x="${x + 7}" y="${y + 7}" width="${qw - 14}" height="${qh - 14}" fill="none" stroke="${MUTED}" stroke-width="2.5"` +
        (style.dash ? ` stroke-dasharray="${style.dash}"` : '') +
        ` stroke-linecap="round"/>`,
      name.svg,
      `</g>`,
    );
  }
  body.push(`<rect x="${plane.x}" y="${plane.y}" width="${plane.w}" height="${plane.h}" fill="none" stroke="${INK}" stroke-width="3"/>`);

  // Axis ends, placed as in the app: top above, left and right below, bottom under those.
  const cx = plane.x + plane.w / 2;
  body.push(
    text(cx, plane.y - 14, `↑ ${template.axes.y.start[lang]}`, { size: 18, anchor: 'middle', fill: MUTED }),
    text(plane.x, plane.y + plane.h + 30, `← ${template.axes.x.start[lang]}`, { size: 18, fill: MUTED }),
    text(plane.x + plane.w, plane.y + plane.h + 30, `${template.axes.x.end[lang]} →`, { size: 18, anchor: 'end', fill: MUTED }),
    text(cx, plane.y + plane.h + 60, `↓ ${template.axes.y.end[lang]}`, { size: 18, anchor: 'middle', fill: MUTED }),
  );

  const board = drawBoard(cards, plane, plates);
  body.push(board.svg);

  let width = SVG_WIDTH;
  let height = SVG_MIN_HEIGHT;
  if (only) {
    width = plane.x * 2 + plane.w;
    height = plane.y + plane.h + 80;
  } else {
    const key = legendKey(model, lang, SIDE_X, 150);
    const side: Column = { x: SIDE_X, top: key.bottom + 28, width: SIDE_WIDTH, bottom: SIDE_BOTTOM };
    const colWidth = (SVG_WIDTH - 2 * MARGIN_X - (BELOW_COLUMNS - 1) * 30) / BELOW_COLUMNS;
    const below: Column[] = Array.from({ length: BELOW_COLUMNS }, (_, i) => ({
      x: MARGIN_X + i * (colWidth + 30),
      top: BELOW_TOP,
      width: colWidth,
      bottom: Infinity,
    }));
    const list = flowList(listBlocks(cards, lang), side, below);
    height = Math.max(SVG_MIN_HEIGHT, Math.ceil(list.bottom + FOOTER_PX));
    body.push(key.svg, list.svg, text(MARGIN_X, height - 15, `${L.template}: ${template.name[lang]} · ${L.generatedBy}`, { size: 14, fill: MUTED }));
  }

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"` +
      ` role="img" aria-labelledby="rb-title rb-desc" lang="${lang}" font-family="${FONT}">`,
    `<title id="rb-title">${xml(L.boardAlt(oneLine(w.title)))}</title>`,
    `<desc id="rb-desc">${xml(desc)}</desc>`,
    defs(),
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
  return { svg: svg + '\n', width, height, mode: board.mode, legible: board.legible };
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
    arrowHeadDefs(),
    '</defs>',
  ].join('\n');
}

/** A quadrant name on a white plate, so the hatching never runs through the letters. */
function quadrantName(x: number, y: number, label: string, anchor: 'start' | 'end'): { svg: string; plate: Box } {
  const size = 22;
  const shown = wrapWords(label, 400, size, { bold: true, maxLines: 1 })[0] ?? '';
  const width = round(measure(shown, size, true) + 16);
  const left = anchor === 'start' ? x - 8 : x - width + 8;
  const plate = { x: round(left), y: y - size - 4, w: width, h: size + 14 };
  return {
    plate,
    svg: [
      `<rect x="${plate.x}" y="${plate.y}" width="${plate.w}" height="${plate.h}" rx="4" fill="#ffffff" fill-opacity="0.9"/>`,
      text(x, y, shown, { size, weight: 'bold', anchor }),
    ].join('\n'),
  };
}
