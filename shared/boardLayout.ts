import { cornerCentre, type Position, type QuadrantCorner } from './template';

/**
 * Pure layout rules of the board (no DOM): shared by the client views and the
 * server's board image, so every rendering agrees.
 */

/** Candidate spots per quadrant axis: a 7×7 grid inside each quadrant, away from the centre lines. */
const GRID = [0.06, 0.12, 0.18, 0.25, 0.32, 0.38, 0.44];

/**
 * Where to put a card "in this quadrant" (keyboard, the quadrant picker) without covering
 * another card: the grid spot furthest from every placed card, nearest the quadrant's
 * centre on a tie. Deterministic, so two people who ask at once get the same answer for the
 * same board (the next one then sees the first card and picks another spot).
 */
export function freeSpotIn(corner: QuadrantCorner, taken: readonly Position[]): Position {
  const centre = cornerCentre(corner);
  const left = corner.endsWith('left') ? 0 : 0.5;
  const top = corner.startsWith('top') ? 0 : 0.5;
  let best = centre;
  let bestScore = -Infinity;
  for (const gy of GRID) {
    for (const gx of GRID) {
      const spot = { x: left + gx, y: top + gy };
      let nearest = Infinity;
      for (const p of taken) nearest = Math.min(nearest, Math.hypot(p.x - spot.x, p.y - spot.y));
      // Free room first (capped: beyond a card's width more room does not matter), then the centre.
      const score = Math.min(nearest, 0.15) * 100 - Math.hypot(spot.x - centre.x, spot.y - centre.y);
      if (score > bestScore) {
        bestScore = score;
        best = spot;
      }
    }
  }
  return best;
}
