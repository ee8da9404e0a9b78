/**
 * Where the labels of the board image go: each card keeps a dot at its true position and its
 * label (number, and in the full mode the title) is put next to it, or moved clear of the other
 * labels and markers with a leader line back to the dot. Pure geometry in px.
 *
 * Greedy, nearest spot first: for each label in turn, candidate spots on rings around the
 * anchor are scored by how much they overlap what is already placed (labels, dots, target
 * rings) and by their distance, and the best is taken. Crowded anchors go first, so they get
 * the near spots. Deterministic: the same board gives the same picture.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: number;
  anchor: { x: number; y: number };
  w: number;
  h: number;
}

export interface PlacedLabel {
  id: number;
  box: Box;
  /** True when the label is away from its anchor: draw a line from the dot to it. */
  leader: boolean;
}

/** Distances (px) from the anchor to the nearest edge of the label that are tried, nearest first. */
const RINGS_PX = [4, 12, 22, 34, 48, 64, 82, 104, 130, 160, 200, 250, 310];
const DIRECTIONS = 24;
/** Overlap counts this much more than distance: a far label is better than a hidden one. */
const OVERLAP_WEIGHT = 40;
/** Beyond this gap between dot and label a leader line is drawn. */
const LEADER_FROM_PX = 10;

export function placeLabels(requests: readonly LabelRequest[], bounds: Box, obstacles: readonly Box[]): PlacedLabel[] {
  const crowd = (r: LabelRequest) =>
    requests.filter((o) => Math.hypot(o.anchor.x - r.anchor.x, o.anchor.y - r.anchor.y) < 60).length;
  const order = [...requests].sort((a, b) => crowd(b) - crowd(a) || a.anchor.y - b.anchor.y || a.anchor.x - b.anchor.x || a.id - b.id);
  const placed: Box[] = [];
  const out = new Map<number, PlacedLabel>();
  for (const r of order) {
    let best: { box: Box; score: number; gap: number } | null = null;
    for (const gap of RINGS_PX) {
      for (let i = 0; i < DIRECTIONS; i++) {
        const box = around(r, gap, (i / DIRECTIONS) * 2 * Math.PI);
        const overlap = overlapArea(box, placed) + overlapArea(box, obstacles) + outside(box, bounds) * 4;
        const score = overlap * OVERLAP_WEIGHT + gap * gap;
        if (!best || score < best.score) best = { box, score, gap };
      }
      // A spot without any overlap on this ring: nothing further out can beat it.
      if (best && best.score === best.gap * best.gap && best.gap <= gap) break;
    }
    const box = best!.box;
    placed.push(box);
    out.set(r.id, { id: r.id, box, leader: best!.gap > LEADER_FROM_PX });
  }
  return requests.map((r) => out.get(r.id)!);
}

/** The label box whose nearest edge is `gap` px from the anchor in direction `angle`. */
function around(r: LabelRequest, gap: number, angle: number): Box {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  // Push the centre out until the box edge is `gap` away along the direction.
  const tx = Math.abs(dx) < 1e-9 ? Infinity : r.w / 2 / Math.abs(dx);
  const ty = Math.abs(dy) < 1e-9 ? Infinity : r.h / 2 / Math.abs(dy);
  const reach = Math.min(tx, ty) + gap;
  const cx = r.anchor.x + dx * reach;
  const cy = r.anchor.y + dy * reach;
  return { x: cx - r.w / 2, y: cy - r.h / 2, w: r.w, h: r.h };
}

export function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function overlapArea(box: Box, others: readonly Box[]): number {
  let sum = 0;
  for (const o of others) sum += intersection(box, o);
  return sum;
}

function outside(box: Box, bounds: Box): number {
  return box.w * box.h - intersection(box, bounds);
}

/**
 * How much of each label nothing else covers (0..1): the share of its area outside every other
 * label and obstacle. The same measure the density tests apply to the screen.
 */
export function unobstructedShares(labels: readonly Box[], obstacles: readonly Box[]): number[] {
  return labels.map((box, i) => {
    const covered = coveredArea(
      box,
      [...labels.filter((_, j) => j !== i), ...obstacles],
    );
    return 1 - covered / (box.w * box.h);
  });
}

/** The area of `box` covered by the union of `others`, by a 2 px grid (exact enough, and simple). */
function coveredArea(box: Box, others: readonly Box[]): number {
  const near = others.filter((o) => intersection(box, o) > 0);
  if (near.length === 0) return 0;
  const step = 2;
  let hit = 0;
  let all = 0;
  for (let y = box.y + step / 2; y < box.y + box.h; y += step) {
    for (let x = box.x + step / 2; x < box.x + box.w; x += step) {
      all++;
      if (near.some((o) => x >= o.x && x < o.x + o.w && y >= o.y && y < o.y + o.h)) hit++;
    }
  }
  return all === 0 ? 0 : (hit / all) * box.w * box.h;
}
