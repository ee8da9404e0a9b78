import type { Position } from './template';

/** Statistics of one card's private placements, shown after the reveal. */
export interface PlacementStats {
  count: number;
  mean: Position;
  /** Mean distance to the mean, in board units (0..~0.7): the radius of the spread circle. */
  spread: number;
}

export function placementStats(points: readonly Position[]): PlacementStats | null {
  if (points.length === 0) return null;
  const n = points.length;
  const mean = {
    x: points.reduce((s, p) => s + p.x, 0) / n,
    y: points.reduce((s, p) => s + p.y, 0) / n,
  };
  const spread = points.reduce((s, p) => s + Math.hypot(p.x - mean.x, p.y - mean.y), 0) / n;
  return { count: n, mean, spread };
}

/** The discussion agenda: widest disagreement first; cards nobody placed go last. */
export function rankBySpread<T extends { stats: PlacementStats | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (b.stats?.spread ?? -1) - (a.stats?.spread ?? -1));
}
