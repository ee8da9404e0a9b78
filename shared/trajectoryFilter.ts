import { LARGEST_SHIFTS, type TrajectoryFocus } from './control';
import type { Position } from './template';

/**
 * The ids of the cards whose trajectory is shown under the facilitator's filter: every
 * placed card with a target ('all'), the LARGEST_SHIFTS longest arrows ('largest'; ties go
 * to the older card, so the choice is stable), or the one focused card ('card').
 */
export function shownTrajectories(
  cards: readonly { id: string; pos: Position | null; target: Position | null }[],
  focus: TrajectoryFocus,
): Set<string> {
  const moving = cards.filter((c) => c.pos && c.target);
  if (focus.show === 'card') return new Set(moving.filter((c) => c.id === focus.cardId).map((c) => c.id));
  if (focus.show === 'all') return new Set(moving.map((c) => c.id));
  const shift = (c: (typeof moving)[number]) => Math.hypot(c.target!.x - c.pos!.x, c.target!.y - c.pos!.y);
  const ranked = moving.map((c, i) => ({ id: c.id, d: shift(c), i })).sort((a, b) => b.d - a.d || a.i - b.i);
  return new Set(ranked.slice(0, LARGEST_SHIFTS).map((r) => r.id));
}
