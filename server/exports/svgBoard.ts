import type { NumberedCard } from './content';
import { TRAJECTORY_COLOURS, layoutBoard, trajectoryColour, unobstructed, type Box, type LabelInput } from '../../shared/boardLayout';
import { INK, MUTED, measure, round, text, wrapWords } from './svgText';

/**
 * What is drawn on the quadrant plane of the board image: per placed card a dot at its true
 * position, a label (number, and the title when there is room) moved clear of the others with a
 * leader line, an arrow to its target with the number on it, and a numbered ring at the target,
 * drawn above the cards. Unplaced cards are not drawn here; the list names them.
 */

export const ARROW = '#1d4ed8';
/** Below this distance (board units) there is no arrow, only the ring (same as the app). */
const MIN_ARROW = 0.015;
const BADGE_PX = 24;
const TARGET_RADIUS_PX = 12;
const DOT_RADIUS_PX = 5;
const LABEL_SIZE_PX = 14;
const LABEL_LINE_PX = 17;
const LABEL_TEXT_MAX_PX = 170;
const LABEL_MAX_LINES = 2;
const ARROW_BADGE = { w: 22, h: 16 } as const;
/** The screen's measure of a legible board: this share of labels at least this much uncovered. */
export const LEGIBLE = { labels: 0.9, uncovered: 0.9 } as const;

export type LabelMode = 'titles' | 'numbers';

export interface Plane {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Markers stay this far inside the plane (px), so a card at 0 or 1 is drawn whole. */
  insetX: number;
  insetY: number;
}

export interface BoardDrawing {
  svg: string;
  mode: LabelMode;
  /** Share of labels at least LEGIBLE.uncovered uncovered (0..1). */
  legible: number;
}

/** Where a board position is drawn, in viewBox px; linear around the centre, so a card stays in its quadrant. */
export function toPx(plane: Plane, pos: { x: number; y: number }): { x: number; y: number } {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5);
  return {
    x: round(plane.x + plane.insetX + clamp(pos.x) * (plane.w - 2 * plane.insetX)),
    y: round(plane.y + plane.insetY + clamp(pos.y) * (plane.h - 2 * plane.insetY)),
  };
}

interface Drawn {
  c: NumberedCard;
  at: { x: number; y: number };
  to: { x: number; y: number } | null;
  arrow: boolean;
}

export function drawBoard(cards: readonly NumberedCard[], plane: Plane, keepClear: readonly Box[]): BoardDrawing {
  const drawn: Drawn[] = cards
    .filter((c) => c.pos)
    .map((c) => {
      const to = c.card.target ? toPx(plane, c.card.target) : null;
      const far = c.card.target ? Math.hypot(c.card.target.x - c.pos!.x, c.card.target.y - c.pos!.y) >= MIN_ARROW : false;
      return { c, at: toPx(plane, c.pos!), to, arrow: far };
    });
  const badges = new Map(drawn.filter((d) => d.arrow).map((d) => [d.c.n, arrowBadgeBox(d)]));
  const targets = targetGroups(drawn, plane);
  const obstacles: Box[] = [
    ...drawn.map((d) => square(d.at, DOT_RADIUS_PX + 1)),
    ...targets.flatMap((t) => [square(t.at, TARGET_RADIUS_PX + 1), ...(t.pill ? [t.pill] : [])]),
    ...badges.values(),
  ];
  // The shared layout (shared/boardLayout.ts, as the screen): titles when they can be read, else
  // numbered badges with the full list beside the board. It works in the plane's own px.
  const origin = { x: plane.x + 4, y: plane.y + 4 };
  const local = (b: Box): Box => ({ ...b, x: b.x - origin.x, y: b.y - origin.y });
  const titles = new Map(drawn.map((d) => [d.c.n, titleLines(d.c)]));
  const layout = layoutBoard({
    plane: { w: plane.w - 8, h: plane.h - 8 },
    markerRadius: DOT_RADIUS_PX + 1,
    labels: drawn.map((d) => request(d, titles.get(d.c.n)!, origin)),
    badges: drawn.map((d) => request(d, [], origin)),
    obstacles: obstacles.map(local),
    // The quadrant names' plates: never covered, as on the screen (a cost would let a crowded board
    // put a badge on "Flashmob").
    keepOff: keepClear.map(local),
  });
  const mode: LabelMode = layout.mode === 'labels' ? 'titles' : 'numbers';
  const lines = mode === 'titles' ? titles : new Map(drawn.map((d) => [d.c.n, [] as string[]]));
  const placed: PlacedLabel[] = layout.placements.map((p) => ({
    id: Number(p.id),
    box: { ...p.box, x: p.box.x + origin.x, y: p.box.y + origin.y },
    leader: p.leader,
  }));
  const legible = legibleShare(placed, [...keepClear, ...obstacles]);

  const byN = new Map(placed.map((p) => [p.id, p]));
  const out: string[] = [`<g data-board-labels="${mode}" data-legible="${round(legible)}">`];
  // Arrows first, so nothing else is hidden under a line.
  for (const d of drawn) if (d.arrow && d.to) out.push(arrowLine(d));
  for (const d of drawn) {
    const p = byN.get(d.c.n)!;
    if (p.leader) out.push(leader(d.at, p.box));
  }
  for (const d of drawn) out.push(label(d.c, byN.get(d.c.n)!, lines.get(d.c.n)!));
  for (const d of drawn) out.push(dot(d));
  // Targets and the numbers on the arrows above the cards, as on the screen.
  for (const t of targets) out.push(targetRing(t));
  for (const d of drawn) {
    const b = badges.get(d.c.n);
    if (b) out.push(arrowBadge(d.c.n, b));
  }
  out.push('</g>');
  return { svg: out.join('\n'), mode, legible };
}

function titleLines(c: NumberedCard): string[] {
  return wrapWords(c.card.title, LABEL_TEXT_MAX_PX, LABEL_SIZE_PX, { maxLines: LABEL_MAX_LINES });
}

interface PlacedLabel {
  id: number;
  box: Box;
  leader: boolean;
}

/** A label's size, measured with the export fonts; its anchor in the plane's own px. */
function request(d: Drawn, lines: string[], origin: { x: number; y: number }): LabelInput {
  const anchor = { x: d.at.x - origin.x, y: d.at.y - origin.y };
  if (lines.length === 0) return { id: String(d.c.n), anchor, w: BADGE_PX, h: BADGE_PX };
  const textW = Math.max(...lines.map((l) => measure(l, LABEL_SIZE_PX)));
  return {
    id: String(d.c.n),
    anchor,
    w: round(BADGE_PX + 6 + textW + 6),
    h: Math.max(BADGE_PX, lines.length * LABEL_LINE_PX + 6),
  };
}

/** Share of labels at least LEGIBLE.uncovered free of other labels, dots, targets and names. */
function legibleShare(placed: PlacedLabel[], obstacles: Box[]): number {
  if (placed.length === 0) return 1;
  const boxes = placed.map((p) => p.box);
  const free = boxes.filter((box, i) => unobstructed(box, [...boxes.filter((_, j) => j !== i), ...obstacles]) >= LEGIBLE.uncovered);
  return free.length / boxes.length;
}

function square(at: { x: number; y: number }, r: number): Box {
  return { x: at.x - r, y: at.y - r, w: 2 * r, h: 2 * r };
}

/** The number on an arrow sits at its middle. */
function arrowBadgeBox(d: Drawn): Box {
  const mx = (d.at.x + d.to!.x) / 2;
  const my = (d.at.y + d.to!.y) / 2;
  return { x: round(mx - ARROW_BADGE.w / 2), y: round(my - ARROW_BADGE.h / 2), w: ARROW_BADGE.w, h: ARROW_BADGE.h };
}

function arrowLine(d: Drawn): string {
  const from = d.at;
  const to = d.to!;
  // Stop at the ring, so the head stays visible.
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const ex = round(to.x - ((to.x - from.x) / len) * (TARGET_RADIUS_PX + 1));
  const ey = round(to.y - ((to.y - from.y) / len) * (TARGET_RADIUS_PX + 1));
  return [
    `<g data-arrow="${d.c.n}">`,
    `<line x1="${from.x}" y1="${from.y}" x2="${ex}" y2="${ey}" stroke="#ffffff" stroke-width="7" stroke-linecap="round"/>`,
    `<line x1="${from.x}" y1="${from.y}" x2="${ex}" y2="${ey}" stroke="${trajectoryColour(d.c.n)}" stroke-width="3.5" marker-end="url(#${arrowHeadId(d.c.n)})"/>`,
    '</g>',
  ].join('\n');
}

/** An arrow head per trajectory colour (SVG 1.1 markers cannot take the line's colour). */
export function arrowHeadId(n: number): string {
  return `rb-head-${(n - 1) % TRAJECTORY_COLOURS.length}`;
}

export function arrowHeadDefs(): string {
  return TRAJECTORY_COLOURS.map(
    (c, i) =>
      `<marker id="rb-head-${i}" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" markerHeight="4" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
  ).join('\n');
}

function arrowBadge(n: number, b: Box): string {
  return [
    `<g data-arrow-number="${n}">`,
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="#ffffff" stroke="${trajectoryColour(n)}" stroke-width="1.5"/>`,
    text(b.x + b.w / 2, b.y + b.h - 4, String(n), { size: 11, weight: 'bold', anchor: 'middle', fill: trajectoryColour(n) }),
    '</g>',
  ].join('\n');
}

interface TargetGroup {
  at: { x: number; y: number };
  numbers: number[];
  /** With more than one card aiming at the same spot: their numbers beside the ring. */
  pill: Box | null;
}

/** Targets that fall on one spot share one ring, with all their numbers beside it. */
function targetGroups(drawn: readonly Drawn[], plane: Plane): TargetGroup[] {
  const groups: TargetGroup[] = [];
  for (const d of drawn) {
    if (!d.to) continue;
    const near = groups.find((g) => Math.hypot(g.at.x - d.to!.x, g.at.y - d.to!.y) < TARGET_RADIUS_PX);
    if (near) near.numbers.push(d.c.n);
    else groups.push({ at: d.to, numbers: [d.c.n], pill: null });
  }
  for (const g of groups) {
    if (g.numbers.length < 2) continue;
    const w = measure(g.numbers.join(' · '), 11, true) + 12;
    const right = g.at.x + TARGET_RADIUS_PX + 3 + w <= plane.x + plane.w - 4;
    g.pill = {
      x: round(right ? g.at.x + TARGET_RADIUS_PX + 3 : g.at.x - TARGET_RADIUS_PX - 3 - w),
      y: round(g.at.y - 9),
      w: round(w),
      h: 18,
    };
  }
  return groups;
}

/** A dashed ring with the card's number: where it should go. White inside, so it reads above a card. */
function targetRing(t: TargetGroup): string {
  const { at, numbers, pill } = t;
  // One card: its own colour, as its arrow; several: the neutral blue, the numbers say whose.
  const colour = numbers.length === 1 ? trajectoryColour(numbers[0]!) : ARROW;
  const out = [
    `<g data-target="${numbers.join(' ')}">`,
    `<circle cx="${at.x}" cy="${at.y}" r="${TARGET_RADIUS_PX}" fill="#ffffff" fill-opacity="0.92" stroke="${colour}" stroke-width="2.5" stroke-dasharray="4 2.5"/>`,
  ];
  if (!pill) {
    const n = numbers[0]!;
    out.push(text(at.x, at.y + 4, String(n), { size: n > 99 ? 9 : 11, weight: 'bold', anchor: 'middle', fill: colour }));
  } else {
    out.push(
      `<circle cx="${at.x}" cy="${at.y}" r="3" fill="${ARROW}"/>`,
      `<rect x="${pill.x}" y="${pill.y}" width="${pill.w}" height="${pill.h}" rx="9" fill="#ffffff" stroke="${ARROW}" stroke-width="1.5" stroke-dasharray="4 2.5"/>`,
      text(pill.x + pill.w / 2, pill.y + 13, numbers.join(' · '), { size: 11, weight: 'bold', anchor: 'middle', fill: ARROW }),
    );
  }
  out.push('</g>');
  return out.join('\n');
}

function leader(at: { x: number; y: number }, box: Box): string {
  // To the nearest point of the label's edge.
  const x = Math.min(Math.max(at.x, box.x), box.x + box.w);
  const y = Math.min(Math.max(at.y, box.y), box.y + box.h);
  return `<line data-leader="" x1="${at.x}" y1="${at.y}" x2="${round(x)}" y2="${round(y)}" stroke="${MUTED}" stroke-width="1.5"/>`;
}

/** The true position: a small filled circle (domain) or square (project), with a white edge. */
function dot(d: Drawn): string {
  const { x, y } = d.at;
  const r = DOT_RADIUS_PX;
  return d.c.card.kind === 'domain'
    ? `<circle data-dot="${d.c.n}" cx="${x}" cy="${y}" r="${r}" fill="${INK}" stroke="#ffffff" stroke-width="1.5"/>`
    : `<rect data-dot="${d.c.n}" x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${INK}" stroke="#ffffff" stroke-width="1.5"/>`;
}

/** The card's number in its shape (circle: domain, square: project), and its title when there is room. */
function label(c: NumberedCard, p: PlacedLabel, lines: string[]): string {
  const { box } = p;
  const out = [`<g data-label="${c.n}" data-box="${round(box.x)} ${round(box.y)} ${round(box.w)} ${round(box.h)}">`];
  if (lines.length > 0) {
    out.push(`<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.w)}" height="${round(box.h)}" rx="4" fill="#ffffff" fill-opacity="0.94" stroke="${MUTED}" stroke-width="1"/>`);
  }
  const bx = box.x + BADGE_PX / 2;
  const by = box.y + box.h / 2;
  const r = BADGE_PX / 2 - 1;
  out.push(
    c.card.kind === 'domain'
      ? `<circle cx="${round(bx)}" cy="${round(by)}" r="${r}" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`
      : `<rect x="${round(bx - r)}" y="${round(by - r)}" width="${2 * r}" height="${2 * r}" rx="3" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`,
    text(bx, by + 4.5, String(c.n), { size: c.n > 99 ? 10 : 12, weight: 'bold', anchor: 'middle' }),
  );
  const top = box.y + (box.h - lines.length * LABEL_LINE_PX) / 2;
  lines.forEach((line, i) => {
    out.push(text(box.x + BADGE_PX + 6, top + (i + 1) * LABEL_LINE_PX - 4, line, { size: LABEL_SIZE_PX }));
  });
  out.push('</g>');
  return out.join('\n');
}
