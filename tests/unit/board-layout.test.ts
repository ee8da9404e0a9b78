import { describe, expect, it } from 'vitest';
import {
  TRAJECTORY_COLOURS,
  cardNumbers,
  contrastRatio,
  freeSpotIn,
  layoutBoard,
  layoutLabels,
  shownTrajectories,
  trajectoryColour,
  unobstructed,
  type LabelInput,
} from '../../shared/boardLayout';
import { cornerOf, type Position } from '../../shared/template';

/** A deterministic pseudo-random sequence (tests must not depend on Math.random). */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
}

/** n cards the way a real board clusters: several on one point, some on the edges, the rest in two crowds. */
function clustered(n: number): Position[] {
  const rand = rng(n);
  return Array.from({ length: n }, (_, i) => {
    if (i % 6 === 0) return { x: 0.5, y: 0.5 }; // all on one point
    if (i % 6 === 1) return { x: i % 4 < 2 ? 0 : 1, y: rand() }; // left or right edge
    if (i % 6 === 2) return { x: rand(), y: i % 4 < 2 ? 0 : 1 }; // top or bottom edge
    const c = i % 2 ? { x: 0.3, y: 0.3 } : { x: 0.72, y: 0.68 };
    return { x: c.x + (rand() - 0.5) * 0.15, y: c.y + (rand() - 0.5) * 0.15 };
  });
}

const PLANE = { w: 1200, h: 800 };
const toPx = (p: Position) => ({ x: p.x * PLANE.w, y: p.y * PLANE.h });
const inputs = (pos: Position[], w: number, h: number): LabelInput[] => pos.map((p, i) => ({ id: `c${i}`, anchor: toPx(p), w, h }));

function measure(items: LabelInput[], mode: 'labels' | 'numbers', placements: ReturnType<typeof layoutLabels>, markerRadius: number) {
  const markers = items.map((i) => ({ x: i.anchor.x - markerRadius, y: i.anchor.y - markerRadius, w: 2 * markerRadius, h: 2 * markerRadius }));
  const clear = placements.map((p, i) =>
    unobstructed(p.box, [...placements.filter((q) => q !== p).map((q) => q.box), ...markers.filter((_, j) => j !== i)]),
  );
  const atLeast90 = clear.filter((c) => c >= 0.9).length / clear.length;
  const inside = placements.every((p) => p.box.x >= 0 && p.box.y >= 0 && p.box.x + p.box.w <= PLANE.w + 1e-9 && p.box.y + p.box.h <= PLANE.h + 1e-9);
  console.log(`[board-layout] ${items.length} cards, mode ${mode}: ${(atLeast90 * 100).toFixed(0)} % of labels ≥ 90 % unobstructed, min ${(Math.min(...clear) * 100).toFixed(0)} %, leaders ${placements.filter((p) => p.leader).length}`);
  return { atLeast90, inside, min: Math.min(...clear) };
}

describe('board layout: labels at density', () => {
  it('60 clustered cards: too dense for labels, so numbered badges, all clear of each other and inside the plane', () => {
    const pos = clustered(60);
    const layout = layoutBoard({ plane: PLANE, markerRadius: 6, labels: inputs(pos, 200, 52), badges: inputs(pos, 34, 34) });
    expect(layout.mode).toBe('numbers');
    const m = measure(inputs(pos, 34, 34), layout.mode, layout.placements, 6);
    expect(m.inside).toBe(true);
    expect(m.atLeast90).toBe(1);
    // Badges that moved away from their point carry a leader line; the ten on one point cannot all touch it.
    expect(layout.placements.filter((p) => p.leader).length).toBeGreaterThanOrEqual(8);
  });

  it('25 spread cards keep full labels, clear of each other, with leader lines where they moved', () => {
    const rand = rng(7);
    const pos = Array.from({ length: 25 }, (_, i) => ({ x: 0.08 + (i % 5) * 0.2 + rand() * 0.04, y: 0.08 + Math.floor(i / 5) * 0.2 + rand() * 0.04 }));
    // Two cards on one point, and two at the right edge.
    pos[3] = { x: 0.5, y: 0.5 };
    pos[4] = { x: 0.5, y: 0.5 };
    pos[9] = { x: 1, y: 0.3 };
    pos[14] = { x: 1, y: 0.32 };
    const layout = layoutBoard({ plane: PLANE, markerRadius: 6, labels: inputs(pos, 170, 48), badges: inputs(pos, 34, 34) });
    expect(layout.mode).toBe('labels');
    const m = measure(inputs(pos, 170, 48), layout.mode, layout.placements, 6);
    expect(m.inside).toBe(true);
    expect(m.atLeast90).toBeGreaterThanOrEqual(0.9);
    // The second card on the shared point got its own spot, with a leader line back to it.
    expect(layout.placements[3]!.box).not.toEqual(layout.placements[4]!.box);
    expect(layout.placements[3]!.leader || layout.placements[4]!.leader).toBe(true);
    // Cards at the right edge keep their width; their label goes to the left of the marker.
    for (const i of [9, 14]) {
      expect(layout.placements[i]!.box.w).toBe(170);
      expect(layout.placements[i]!.box.x + 170).toBeLessThanOrEqual(PLANE.w);
    }
  });

  it('is deterministic: the same board gives the same layout', () => {
    const pos = clustered(40);
    const a = layoutBoard({ plane: PLANE, markerRadius: 6, labels: inputs(pos, 180, 48), badges: inputs(pos, 34, 34) });
    const b = layoutBoard({ plane: PLANE, markerRadius: 6, labels: inputs(pos, 180, 48), badges: inputs(pos, 34, 34) });
    expect(a).toEqual(b);
  });

  it('keeps labels off obstacles (target markers) when there is room', () => {
    const items = [{ id: 'a', anchor: { x: 600, y: 400 }, w: 120, h: 40 }];
    const right = { x: 610, y: 370, w: 200, h: 100 };
    const [p] = layoutLabels(items, { plane: PLANE, markerRadius: 6, obstacles: [right] });
    expect(unobstructed(p!.box, [right])).toBe(1);
  });
});

describe('board layout: numbers, colours, free spots', () => {
  it('shows all trajectories, the five largest shifts, or one card\'s', () => {
    // c0..c6 move 0.1 .. 0.7 to the right; c7 has no target; c8 is not placed.
    const cards = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, pos: { x: 0.1, y: 0.5 }, target: { x: 0.1 + (i + 1) / 10, y: 0.5 } })),
      { id: 'c7', pos: { x: 0.5, y: 0.5 }, target: null },
      { id: 'c8', pos: null, target: { x: 0.9, y: 0.9 } },
    ];
    expect([...shownTrajectories(cards, { show: 'all' })].sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect([...shownTrajectories(cards, { show: 'largest' })].sort()).toEqual(['c2', 'c3', 'c4', 'c5', 'c6']);
    expect([...shownTrajectories(cards, { show: 'card', cardId: 'c1' })]).toEqual(['c1']);
    // A focused card without an arrow (removed, or its target cleared) shows none, not all.
    expect(shownTrajectories(cards, { show: 'card', cardId: 'c7' }).size).toBe(0);
    // Ties go to the older card: the choice does not flicker between two equal shifts.
    const ties = Array.from({ length: 7 }, (_, i) => ({ id: `t${i}`, pos: { x: 0.5, y: 0.5 }, target: { x: 0.6, y: 0.5 } }));
    expect([...shownTrajectories(ties, { show: 'largest' })]).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('numbers cards 1.. in board order, so a card keeps its number everywhere', () => {
    expect([...cardNumbers([{ id: 'b' }, { id: 'a' }, { id: 'c' }])]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });

  it('has trajectory colours with at least 4.5:1 contrast on white, all different', () => {
    for (const c of TRAJECTORY_COLOURS) expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(new Set(TRAJECTORY_COLOURS).size).toBe(TRAJECTORY_COLOURS.length);
    expect(trajectoryColour(1)).toBe(TRAJECTORY_COLOURS[0]);
    expect(trajectoryColour(TRAJECTORY_COLOURS.length + 1)).toBe(TRAJECTORY_COLOURS[0]);
  });

  it('puts a card in the asked quadrant, on a free spot, never on top of another', () => {
    const taken: Position[] = [];
    for (let i = 0; i < 20; i++) {
      const spot = freeSpotIn('top-right', taken);
      expect(cornerOf(spot)).toBe('top-right');
      for (const t of taken) expect(Math.hypot(t.x - spot.x, t.y - spot.y)).toBeGreaterThan(0.05);
      taken.push(spot);
    }
    expect(freeSpotIn('bottom-left', [])).toEqual({ x: 0.25, y: 0.75 });
  });
});
