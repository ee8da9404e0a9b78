import type { KeyboardEvent } from 'react';
import { QUADRANT_CORNERS, cornerCentre, type Position } from '../../../shared/template';
import { KEY_STEP, KEY_STEP_LARGE } from './geometry';

/**
 * Where a key sends a position (a card, its target, a private placement),
 * or null when the key is not ours: arrows step (Shift: a large step),
 * 1–4 jump to the middle of a quadrant.
 */
export function keyTarget(e: KeyboardEvent, from: Position): Position | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
  switch (e.key) {
    case 'ArrowLeft':
      return { x: from.x - step, y: from.y };
    case 'ArrowRight':
      return { x: from.x + step, y: from.y };
    case 'ArrowUp':
      return { x: from.x, y: from.y - step };
    case 'ArrowDown':
      return { x: from.x, y: from.y + step };
    case '1':
    case '2':
    case '3':
    case '4':
      return cornerCentre(QUADRANT_CORNERS[Number(e.key) - 1]!);
    default:
      return null;
  }
}
