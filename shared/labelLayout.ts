import type { Position } from './template';

/**
 * Labels clear of each other at any density (shared by the shared screen, the facilitator's
 * board and the board exports): see shared/boardLayout.ts for the other layout rules.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelInput {
  id: string;
  /** The card's true position on the plane, in px. */
  anchor: Position;
  /** The label's size in px (measured by the view, or estimated by the export). */
  w: number;
  h: number;
}

export interface LabelPlacement {
  id: string;
  /** The label's box, in px, inside the plane. */
  box: Box;
  /** Draw a line from the marker to the label: the label does not touch its marker. */
  leader: boolean;
  /** Where the leader line meets the label's edge (the nearest point on the box). */
  leaderEnd: Position;
  /** Part of the label's area that overlaps other labels or markers (0 when clear). */
  overlap: number;
}

export interface LabelLayoutOptions {
  plane: { w: number; h: number };
  /** Radius of a true-position marker, in px; labels keep clear of other cards' markers. */
  markerRadius: number;
  /** Room between a label and its marker or its neighbours, in px. */
  gap?: number;
  /** Obstacles that labels should not cover (target markers), in px: a cost, like other labels. */
  obstacles?: readonly Box[];
  /**
   * Boxes that labels never cover (the quadrant names), in px: a label goes to the nearest spot
   * clear of them, however far, and its leader line keeps off them when such a spot exists.
   * Only when nothing in the whole plane is clear of them does a label cover one (the least).
   */
  keepOff?: readonly Box[];
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Whether the segment a–b passes through the inside of the box (Liang–Barsky clipping). */
export function segmentCrosses(a: Position, b: Position, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const sides: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.w - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.h - a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q <= 0) return false;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  return t0 < t1;
}

const inside = (p: Position, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;

function nearestPoint(box: Box, p: Position): Position {
  return { x: Math.min(box.x + box.w, Math.max(box.x, p.x)), y: Math.min(box.y + box.h, Math.max(box.y, p.y)) };
}

/** Keep a box inside the plane by moving it, never by shrinking it (cards at the edges keep their width). */
function clampBox(box: Box, plane: { w: number; h: number }): Box {
  return {
    ...box,
    x: Math.max(0, Math.min(plane.w - box.w, box.x)),
    y: Math.max(0, Math.min(plane.h - box.h, box.y)),
  };
}

/** Directions tried around a marker: right, left, below, above, then the diagonals. */
const NEAR = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
  [-1, 1],
  [1, -1],
  [-1, -1],
] as const;
const RING_ANGLES = 16;
/** The cost of a leader line across a kept-off box: more than any near candidate's rank, less than covering 1 px². */
const CROSSING = 500;
const RINGS = 9;

/** Candidate boxes for one label, nearest first. */
function candidates(item: LabelInput, opts: LabelLayoutOptions, gap: number): Box[] {
  const { anchor, w, h } = item;
  const r = opts.markerRadius + gap;
  const out: Box[] = [];
  for (const [dx, dy] of NEAR) {
    // Touching the marker on that side, centred on the other axis.
    const x = dx > 0 ? anchor.x + r : dx < 0 ? anchor.x - r - w : anchor.x - w / 2;
    const y = dy > 0 ? anchor.y + r : dy < 0 ? anchor.y - r - h : anchor.y - h / 2;
    out.push({ x, y, w, h });
  }
  const step = Math.max(h, 16) + gap;
  for (let ring = 1; ring <= RINGS; ring++) {
    const dist = r + ring * step;
    for (let k = 0; k < RING_ANGLES; k++) {
      const a = (2 * Math.PI * k) / RING_ANGLES;
      const cx = anchor.x + Math.cos(a) * (dist + w / 2);
      const cy = anchor.y + Math.sin(a) * dist;
      out.push({ x: cx - w / 2, y: cy - h / 2, w, h });
    }
  }
  return out.map((b) => clampBox(b, opts.plane));
}

/**
 * Spots anywhere in the plane, nearest first: the last resort for a label whose candidates near
 * its marker all lie on a box it must keep off (a card under a quadrant name, a tight corner).
 */
function farCandidates(item: LabelInput, plane: { w: number; h: number }): Box[] {
  const { anchor, w, h } = item;
  const step = Math.max(8, Math.min(w, h) / 2);
  const out: { box: Box; d: number }[] = [];
  for (let y = 0; y <= Math.max(0, plane.h - h); y += step) {
    for (let x = 0; x <= Math.max(0, plane.w - w); x += step) {
      const box = clampBox({ x, y, w, h }, plane);
      const end = nearestPoint(box, anchor);
      out.push({ box, d: Math.hypot(end.x - anchor.x, end.y - anchor.y) });
    }
  }
  return out.sort((a, b) => a.d - b.d || a.box.y - b.box.y || a.box.x - b.box.x).map((c) => c.box);
}

/**
 * Places every label next to its marker, clear of the labels placed before it and of
 * every card's marker, trying spots nearest first (greedy, deterministic; a force
 * simulation would be neither). Labels are placed top-to-bottom, left-to-right, so
 * neighbours settle in reading order.
 */
export function layoutLabels(items: readonly LabelInput[], opts: LabelLayoutOptions): LabelPlacement[] {
  const gap = opts.gap ?? 4;
  const rm = opts.markerRadius;
  const markers: (Box & { id: string })[] = items.map((i) => ({ id: i.id, x: i.anchor.x - rm, y: i.anchor.y - rm, w: 2 * rm, h: 2 * rm }));
  const obstacles = opts.obstacles ?? [];
  const keepOff = opts.keepOff ?? [];
  const order = [...items].sort((a, b) => a.anchor.y - b.anchor.y || a.anchor.x - b.anchor.x || a.id.localeCompare(b.id));
  const placed: Box[] = [];
  const result = new Map<string, LabelPlacement>();
  const pad = (b: Box): Box => ({ x: b.x - gap / 2, y: b.y - gap / 2, w: b.w + gap, h: b.h + gap });

  const hasLeader = (box: Box, anchor: Position) => {
    const end = nearestPoint(box, anchor);
    return { end, leader: Math.hypot(end.x - anchor.x, end.y - anchor.y) > rm + gap + 2 };
  };

  for (const item of order) {
    // A box the card itself lies in (a card under a quadrant name) cannot be kept clear of its
    // leader line: any line out of it crosses it.
    const avoidLine = keepOff.filter((k) => !inside(item.anchor, k));
    // The best spot clear of the kept-off boxes, and (the last resort) the one covering them least.
    const best: { clear: { box: Box; cost: number } | null; blocked: { box: Box; area: number } | null } = { clear: null, blocked: null };
    /** Weighs one spot; true when it is clear of everything (no better spot can follow). */
    const consider = (box: Box, rank: number): boolean => {
      const padded = pad(box);
      let area = 0;
      for (const k of keepOff) area += overlapArea(padded, k);
      if (area > 0) {
        // Never on a kept-off box while another spot is left; else the one that covers least.
        if (!best.blocked || area < best.blocked.area) best.blocked = { box, area };
        return false;
      }
      let covered = 0;
      for (const p of placed) covered += overlapArea(padded, p);
      for (const m of markers) if (m.id !== item.id) covered += overlapArea(padded, m) * 4;
      for (const o of obstacles) covered += overlapArea(padded, o);
      const { end, leader } = hasLeader(box, item.anchor);
      const crossing = leader && avoidLine.some((k) => segmentCrosses(item.anchor, end, k));
      // Covering anything costs far more than moving further away; a leader line across a
      // kept-off box costs more than any move to a further ring, less than covering 1 px².
      const cost = covered * 1000 + (crossing ? CROSSING : 0) + rank;
      if (!best.clear || cost < best.clear.cost) best.clear = { box, cost };
      return covered === 0 && !crossing;
    };
    const near = candidates(item, opts, gap);
    near.some((box, i) => consider(box, i));
    // Every spot near the card lies on a kept-off box: look across the whole plane, nearest first.
    if (!best.clear && keepOff.length > 0) farCandidates(item, opts.plane).some((box, i) => consider(box, near.length + i));
    const box = best.clear?.box ?? best.blocked!.box;
    placed.push(box);
    const { end, leader } = hasLeader(box, item.anchor);
    result.set(item.id, { id: item.id, box, leader, leaderEnd: end, overlap: 0 });
  }

  // The overlap each label ends with (against all others, whichever came first).
  const all = [...result.values()];
  for (const p of all) {
    let covered = 0;
    for (const q of all) if (q !== p) covered += overlapArea(p.box, q.box);
    for (const m of markers) if (m.id !== p.id) covered += overlapArea(p.box, m);
    p.overlap = Math.min(1, covered / (p.box.w * p.box.h));
  }
  return items.map((i) => result.get(i.id)!);
}

export type BoardLabelMode = 'labels' | 'numbers';

export interface BoardLayoutInput {
  plane: { w: number; h: number };
  markerRadius: number;
  /** Full labels: their measured (or estimated) sizes. */
  labels: readonly LabelInput[];
  /** Numbered badges: their sizes (a badge per card, same anchors). */
  badges: readonly LabelInput[];
  obstacles?: readonly Box[];
  /** Boxes that labels and badges never cover (the quadrant names): see LabelLayoutOptions. */
  keepOff?: readonly Box[];
  /** Most of a label that may be covered before the board switches to numbers (default 0.1). */
  maxOverlap?: number;
  /** Most of the plane that labels may fill before the board switches to numbers (default 0.4). */
  maxFill?: number;
  /** Leader lines longer than this (px) are hard to follow; default a quarter of the plane's width. */
  maxLeader?: number;
  /**
   * Share of labels that may end up worse than that (covered more than `maxOverlap`, or on a
   * long leader) while the board still shows full labels (default 0.05). A handful of hard cases
   * (five cards on one point) should not cost the other twenty their titles; the measure in the
   * density test (at least 90 % of labels at least 90 % clear) keeps a margin above it.
   */
  tolerate?: number;
  /** Numbered badges without trying labels (the view keeps numbers it chose for the same cards). */
  numbersOnly?: boolean;
}

export interface BoardLayout {
  mode: BoardLabelMode;
  placements: LabelPlacement[];
  /** How crowded the full labels would be: the share of labels that could not be placed clear. */
  crowded: number;
}

/**
 * Full labels when they fit; numbered badges with a complete legend beside the board when
 * the board is too dense: when labels would fill too much of the plane, or when more than a
 * few (`tolerate`) labels stay more than `maxOverlap` covered or had to move too far from
 * their card.
 */
export function layoutBoard(input: BoardLayoutInput): BoardLayout {
  const { plane, markerRadius, obstacles, keepOff } = input;
  const maxOverlap = input.maxOverlap ?? 0.1;
  const maxFill = input.maxFill ?? 0.4;
  const maxLeader = input.maxLeader ?? plane.w / 4;
  const area = input.labels.reduce((s, l) => s + l.w * l.h, 0);
  if (input.labels.length > 0 && !input.numbersOnly && area <= maxFill * plane.w * plane.h) {
    const placements = layoutLabels(input.labels, { plane, markerRadius, obstacles, keepOff });
    const bad = placements.filter((p, i) => {
      const a = input.labels[i]!.anchor;
      return p.overlap > maxOverlap || Math.hypot(p.leaderEnd.x - a.x, p.leaderEnd.y - a.y) > maxLeader;
    }).length;
    const crowded = bad / placements.length;
    if (bad <= Math.floor((input.tolerate ?? 0.05) * placements.length)) return { mode: 'labels', placements, crowded };
    return { mode: 'numbers', placements: layoutLabels(input.badges, { plane, markerRadius, obstacles, keepOff }), crowded };
  }
  return {
    mode: input.labels.length === 0 ? 'labels' : 'numbers',
    placements: layoutLabels(input.badges, { plane, markerRadius, obstacles, keepOff }),
    crowded: 1,
  };
}

/** Share of a box that is not covered by any of the others (for tests and measurements). */
export function unobstructed(box: Box, others: readonly Box[]): number {
  let covered = 0;
  for (const o of others) covered += overlapArea(box, o);
  return Math.max(0, 1 - covered / (box.w * box.h));
}
