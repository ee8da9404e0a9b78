import type { KeyboardEvent } from 'react';
import { freeSpotIn } from '../../../shared/boardLayout';
import { QUADRANT_CORNERS, type Position } from '../../../shared/template';
import { KEY_STEP, KEY_STEP_LARGE } from './geometry';

/**
 * Where a key sends a position (a card, its target, a private placement),
 * or null when the key is not ours: arrows step (Shift: a large step),
 * 1–4 jump to a free spot in a quadrant (the middle when it is empty), never on top of `taken`.
 * Without `from` (an unplaced card) only 1–4 place it: an arrow has nowhere to step from.
 */
export function keyTarget(e: KeyboardEvent, from: Position | null, taken: readonly Position[] = []): Position | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
  if (!from) return /^[1-4]$/.test(e.key) ? freeSpotIn(QUADRANT_CORNERS[Number(e.key) - 1]!, taken) : null;
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
      return freeSpotIn(QUADRANT_CORNERS[Number(e.key) - 1]!, taken);
    default:
      return null;
  }
}
