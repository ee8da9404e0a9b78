import { clampUnit, type Position } from '../../../shared/template';

/**
 * Cards are drawn with an anchor that moves with the position (see CardChip):
 * a card at x shows its middle at x·(W − w) + w/2. So the room a card can move
 * in is the plane minus the card itself; dragging divides by it so the card stays under the finger.
 */
export function travel(planeSize: number, cardSize: number): number {
  return Math.max(1, planeSize - cardSize);
}

/** A pointer position as a fraction of the board plane: "put the card here" (tap-to-place). */
export function pointToUnit(plane: Element, clientX: number, clientY: number): Position {
  const rect = plane.getBoundingClientRect();
  return {
    x: clampUnit((clientX - rect.left) / (rect.width || 1)),
    y: clampUnit((clientY - rect.top) / (rect.height || 1)),
  };
}

/**
 * Where a card must be for its drawn middle to land under the pointer (tap-to-place). Cards are
 * drawn with the moving anchor above, so a card at 0.2 shows its middle right of 20 %; placing at
 * the plain fraction put the card beside the finger. The mapping keeps 0.5 at the middle, so the
 * quadrant is the one tapped.
 */
export function pointToCardPosition(
  rect: { left: number; top: number; width: number; height: number },
  card: { width: number; height: number },
  clientX: number,
  clientY: number,
): Position {
  return {
    x: clampUnit((clientX - rect.left - card.width / 2) / travel(rect.width, card.width)),
    y: clampUnit((clientY - rect.top - card.height / 2) / travel(rect.height, card.height)),
  };
}

/** Keyboard steps: small and (with Shift) large. */
export const KEY_STEP = 0.02;
export const KEY_STEP_LARGE = 0.1;

/** Pixels a pointer must travel before a press becomes a drag (below that it is a tap). */
export const DRAG_THRESHOLD_PX = 6;

/** Rounded so the document does not fill with long floats. */
export function roundPosition(pos: Position): Position {
  return { x: Math.round(clampUnit(pos.x) * 10000) / 10000, y: Math.round(clampUnit(pos.y) * 10000) / 10000 };
}
