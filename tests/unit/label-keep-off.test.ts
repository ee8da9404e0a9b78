import { describe, expect, it } from 'vitest';
import { layoutBoard, layoutLabels, segmentCrosses, type Box, type LabelInput } from '../../shared/labelLayout';
import { clusteredPositions } from '../helpers/densityBoard';
import type { Position } from '../../shared/template';

/** A deterministic pseudo-random sequence. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
}

const strictOverlap = (a: Box, b: Box) => Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

/** The four quadrant names in the corners of a plane, as the screen draws them (the top ones wrap). */
function names(w: number, h: number): Box[] {
  const pad = 0.02 * w;
  return [
    { x: pad, y: pad, w: 0.34 * w, h: 0.05 * h }, // Retro in Control
    { x: w - pad - 0.36 * w, y: pad, w: 0.36 * w, h: 0.11 * h }, // Manoeuvres in de / Markt
    { x: pad, y: h - pad - 0.11 * h, w: 0.4 * w, h: 0.11 * h }, // Maatschappelijke / Carrousel
    { x: w - pad - 0.2 * w, y: h - pad - 0.05 * h, w: 0.2 * w, h: 0.05 * h }, // Flashmob
  ];
}

const PLANES = [
  { w: 1231, h: 922 }, // 1920×1080 screen with full labels
  { w: 755, h: 565 }, // 1920×1080 screen beside the legend
  { w: 495, h: 370 }, // 1280×720 beamer
  { w: 657, h: 492 }, // facilitator's 1366×768 laptop
];

describe('label layout: boxes kept off (quadrant names)', () => {
  it('never places a label or badge on a kept-off box, at any density, on every plane', () => {
    let checked = 0;
    for (const plane of PLANES) {
      const keepOff = names(plane.w, plane.h);
      for (const n of [5, 25, 40, 60, 90]) {
        const rand = rng(n * 7 + plane.w);
        // The density board's clusters, and as many cards again scattered, corners and edges included.
        const pos: Position[] = [
          ...clusteredPositions(n).map((p) => p!),
          ...Array.from({ length: n }, (_, i) => (i % 5 === 0 ? { x: i % 2, y: Math.round(rand()) } : { x: rand(), y: rand() })),
        ];
        const anchor = (p: Position) => ({ x: p.x * plane.w, y: p.y * plane.h });
        const labels: LabelInput[] = pos.map((p, i) => ({ id: `c${i}`, anchor: anchor(p), w: 120 + (i % 4) * 30, h: 44 + (i % 3) * 22 }));
        const badge = Math.max(24, Math.min(36, Math.round(plane.w / 21)));
        const badges: LabelInput[] = pos.map((p, i) => ({ id: `c${i}`, anchor: anchor(p), w: badge, h: badge }));
        for (const items of [labels, badges]) {
          const placements = layoutLabels(items, { plane, markerRadius: 7, keepOff });
          for (const p of placements) {
            for (const k of keepOff) expect(strictOverlap(p.box, k), `${p.id} on a name, ${n} cards on ${plane.w}×${plane.h}`).toBe(false);
            expect(p.box.x).toBeGreaterThanOrEqual(0);
            expect(p.box.y).toBeGreaterThanOrEqual(0);
            expect(p.box.x + p.box.w).toBeLessThanOrEqual(plane.w + 1e-9);
            expect(p.box.y + p.box.h).toBeLessThanOrEqual(plane.h + 1e-9);
            checked++;
          }
        }
        // layoutBoard passes them on, in the mode it chooses.
        const board = layoutBoard({ plane, markerRadius: 7, labels, badges, keepOff });
        for (const p of board.placements) for (const k of keepOff) expect(strictOverlap(p.box, k)).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('moves the label of a card that lies under a name out of it; the card itself stays', () => {
    const plane = { w: 800, h: 600 };
    const name = { x: 10, y: 10, w: 300, h: 60 };
    const [p] = layoutLabels([{ id: 'a', anchor: { x: 150, y: 40 }, w: 140, h: 40 }], { plane, markerRadius: 7, keepOff: [name] });
    expect(strictOverlap(p!.box, name)).toBe(false);
    expect(p!.leader).toBe(true);
  });

  it('looks across the whole plane when everything near the card is kept off', () => {
    const plane = { w: 800, h: 600 };
    // All but the bottom-right corner is kept off.
    const keepOff = [
      { x: 0, y: 0, w: 800, h: 480 },
      { x: 0, y: 480, w: 620, h: 120 },
    ];
    const [p] = layoutLabels([{ id: 'a', anchor: { x: 100, y: 100 }, w: 120, h: 40 }], { plane, markerRadius: 7, keepOff });
    for (const k of keepOff) expect(strictOverlap(p!.box, k)).toBe(false);
  });

  it('keeps a leader line off a name when a clear spot exists, even a little further away', () => {
    const plane = { w: 800, h: 600 };
    // A card just below a name; labels already left, right and below it, so the nearest clear
    // spot for its label is above, behind the name.
    const name = { x: 250, y: 200, w: 300, h: 40 };
    const anchor = { x: 400, y: 262 };
    const crowd: Box[] = [
      { x: 240, y: 244, w: 150, h: 120 },
      { x: 410, y: 244, w: 150, h: 120 },
      { x: 330, y: 270, w: 140, h: 100 },
    ];
    const item = [{ id: 'a', anchor, w: 120, h: 36 }];
    const p = layoutLabels(item, { plane, markerRadius: 7, obstacles: crowd, keepOff: [name] })[0]!;
    expect(strictOverlap(p.box, name)).toBe(false);
    expect(p.leader).toBe(true);
    expect(segmentCrosses(anchor, p.leaderEnd, name)).toBe(false);
    // The same name as an ordinary obstacle: the nearest spot is behind it, the line across it.
    const q = layoutLabels(item, { plane, markerRadius: 7, obstacles: [...crowd, name] })[0]!;
    expect(segmentCrosses(anchor, q.leaderEnd, name)).toBe(true);
  });

  it('segmentCrosses: through, beside, along an edge, ending at an edge', () => {
    const b = { x: 10, y: 10, w: 10, h: 10 };
    expect(segmentCrosses({ x: 0, y: 15 }, { x: 30, y: 15 }, b)).toBe(true);
    expect(segmentCrosses({ x: 0, y: 25 }, { x: 30, y: 25 }, b)).toBe(false);
    expect(segmentCrosses({ x: 0, y: 10 }, { x: 30, y: 10 }, b)).toBe(false);
    expect(segmentCrosses({ x: 0, y: 15 }, { x: 10, y: 15 }, b)).toBe(false);
    expect(segmentCrosses({ x: 0, y: 0 }, { x: 30, y: 30 }, b)).toBe(true);
  });
});
