import { cornerCentre, type Position, type QuadrantCorner } from './template';

/**
 * Pure layout rules of the board (no DOM): shared by the client views and the
 * server's board image, so every rendering agrees. Everything here is
 * deterministic: the same board gives the same picture (tests, exports, and two
 * screens side by side).
 *
 * - `freeSpotIn`: where "put it in this quadrant" goes without covering a card.
 * - `cardNumbers`: the stable number of each card (legend, marker, arrow, target).
 * - `layoutLabels` / `layoutBoard`: labels clear of each other and of other cards'
 *   markers, with a leader line when a label had to move away from its marker;
 *   numbered badges and a complete legend when the board is too dense for labels.
 * - `TRAJECTORY_COLOURS`: a palette with enough contrast; never the only cue (the
 *   number is always drawn too).
 *
 * The label layout (shared/labelLayout.ts) and the trajectory filter (shared/trajectoryFilter.ts)
 * are modules of their own and re-exported here: only the screen's and the facilitator's lazy
 * chunks import them, so the phone bundle does not carry them.
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

// ------------------------------------------------------------------ numbering

/**
 * The number of each card: 1-based in the board's order (oldest first, as readCards
 * and the export model list them), unplaced cards included, so a card keeps its number
 * when it is placed. The same number is on the legend, the marker, the arrow and the
 * target marker, on every view and in every export.
 */
export function cardNumbers(cards: readonly { id: string }[]): Map<string, number> {
  return new Map(cards.map((c, i) => [c.id, i + 1]));
}

// -------------------------------------------------------------------- colours

/**
 * Colours for trajectories (arrow, target marker, number badge): each has at least 4.5:1
 * contrast on white (WCAG text contrast, so a number drawn in it is legible) and they differ
 * in hue. Colour helps to follow an arrow; the number says which card it is.
 */
export const TRAJECTORY_COLOURS = ['#0b5cad', '#b3261e', '#1b7a3a', '#7a3fb0', '#a34f00', '#006d75', '#a3195b', '#4a5a00'] as const;

export function trajectoryColour(n: number): string {
  return TRAJECTORY_COLOURS[(n - 1) % TRAJECTORY_COLOURS.length]!;
}

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export * from './labelLayout';
export * from './trajectoryFilter';
