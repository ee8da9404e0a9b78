import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { Position } from '../../../shared/template';
import { DRAG_THRESHOLD_PX, roundPosition, travel } from './geometry';

/** A click this soon after a pointer gesture on the same card belongs to that gesture. */
const CLICK_AFTER_GESTURE_MS = 1000;

interface Gesture {
  id: string;
  pointerId: number;
  startX: number;
  startY: number;
  from: Position;
  width: number;
  height: number;
  dragging: boolean;
}

export interface DragState {
  /** The card being dragged and where it is shown now. */
  active: { id: string; pos: Position } | null;
  handlers: (id: string, from: Position) => {
    onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    onPointerMove: (e: PointerEvent<HTMLElement>) => void;
    onPointerUp: (e: PointerEvent<HTMLElement>) => void;
    onPointerCancel: (e: PointerEvent<HTMLElement>) => void;
  };
  /**
   * True when a click on this card was already handled as a pointer gesture (a drag,
   * or a tap seen at pointerup). Clicks from the keyboard or assistive technology pass.
   */
  isPointerClick: () => boolean;
  /** Let go of the card being pressed or dragged (a second finger came: that is a pinch). */
  cancel: () => void;
}

/**
 * Dragging cards with pointer events (mouse, pen and touch alike).
 * The card moves locally on every pointer move; the document gets the
 * position at most once per animation frame, and once more on release.
 */
export function useDrag(
  plane: RefObject<HTMLElement | null>,
  onMove: (id: string, pos: Position) => void,
  /** A tap on a card, with where it was (clientX, clientY): with another card chosen, it places that one. */
  onTap: (id: string, clientX: number, clientY: number) => void,
  /** When false every press is a tap: cards can be chosen, not dragged. */
  enabled = true,
): DragState {
  const [active, setActive] = useState<DragState['active']>(null);
  const gesture = useRef<Gesture | null>(null);
  const pending = useRef<{ id: string; pos: Position } | null>(null);
  const frame = useRef(0);
  /** The last pointer gesture that ended on a card, so the click after it is not handled twice. */
  const lastGesture = useRef<{ id: string; at: number } | null>(null);
  const onMoveRef = useRef(onMove);
  const onTapRef = useRef(onTap);
  const enabledRef = useRef(enabled);
  useEffect(() => {
    onMoveRef.current = onMove;
    onTapRef.current = onTap;
    enabledRef.current = enabled;
  }, [onMove, onTap, enabled]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const flush = useCallback(() => {
    frame.current = 0;
    const p = pending.current;
    pending.current = null;
    if (p) onMoveRef.current(p.id, p.pos);
  }, []);

  const finish = useCallback(
    (commit: boolean) => {
      const g = gesture.current;
      gesture.current = null;
      if (!g) return;
      lastGesture.current = { id: g.id, at: Date.now() };
      if (!g.dragging) {
        // A tap. Handled here, not in onClick: Chrome on Android does not always follow a tap with a click.
        if (commit) onTapRef.current(g.id, g.startX, g.startY);
        return;
      }
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      if (commit && pending.current) flush();
      pending.current = null;
      setActive(null);
    },
    [flush],
  );

  const handlers = useCallback<DragState['handlers']>(
    (id, from) => ({
      onPointerDown(e) {
        if (e.pointerType === 'mouse' && e.button !== 0) return;
        // A second finger is a pinch (the board zooms), never a drag of the card under it.
        if (e.pointerType === 'touch' && !e.isPrimary) return;
        const rect = plane.current?.getBoundingClientRect();
        if (!rect) return;
        const card = e.currentTarget.getBoundingClientRect();
        gesture.current = {
          id,
          pointerId: e.pointerId,
          startX: e.clientX,
          startY: e.clientY,
          from,
          width: travel(rect.width, card.width),
          height: travel(rect.height, card.height),
          dragging: false,
        };
        // A mouse can leave the card between two moves, so capture at once. Touch is captured
        // implicitly; capturing a touch at press stops Chrome from following a tap with a click.
        if (e.pointerType !== 'touch') e.currentTarget.setPointerCapture(e.pointerId);
      },
      onPointerMove(e) {
        const g = gesture.current;
        if (!g || g.pointerId !== e.pointerId) return;
        const dx = e.clientX - g.startX;
        const dy = e.clientY - g.startY;
        if (!g.dragging) {
          if (!enabledRef.current || Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
          g.dragging = true;
          if (!e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.setPointerCapture(e.pointerId);
        }
        const pos = roundPosition({ x: g.from.x + dx / g.width, y: g.from.y + dy / g.height });
        setActive({ id: g.id, pos });
        pending.current = { id: g.id, pos };
        if (!frame.current) frame.current = requestAnimationFrame(flush);
      },
      onPointerUp(e) {
        if (gesture.current?.pointerId !== e.pointerId) return;
        finish(true);
      },
      onPointerCancel(e) {
        if (gesture.current?.pointerId !== e.pointerId) return;
        finish(gesture.current.dragging);
      },
    }),
    [plane, flush, finish],
  );

  const isPointerClick = useCallback(() => {
    const last = lastGesture.current;
    lastGesture.current = null;
    // Any card: a tap that placed the chosen card moves it under the finger, and the click then lands on it.
    return last !== null && Date.now() - last.at < CLICK_AFTER_GESTURE_MS;
  }, []);

  const cancel = useCallback(() => finish(false), [finish]);

  return { active, handlers, isPointerClick, cancel };
}
