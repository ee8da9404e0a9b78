import { createUseGesture, dragAction, pinchAction } from '@use-gesture/react';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Position } from '../../../shared/template';
import { MAX_ZOOM, MIN_ZOOM, ZOOM_STEP, centredOn, clampView, zoomAround, type ZoomView } from './zoomView';

export { MAX_ZOOM, MIN_ZOOM, type ZoomView } from './zoomView';

// Only the two gestures the board uses, so the rest of @use-gesture stays out of the phone bundle.
const useGesture = createUseGesture([dragAction, pinchAction]);

/** A click this soon after a pan belongs to the pan (a mouse fires one), not a tap on the board. */
const CLICK_AFTER_PAN_MS = 400;

export interface BoardZoom {
  view: ZoomView;
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  /** Zoom (at least to FOCUS_ZOOM) with this board position in the middle of the viewport. */
  centreOn: (pos: Position) => void;
  /** True when a click now is the end of a pan, not a tap. */
  justPanned: () => boolean;
}

/**
 * Pinch-zoom and pan of the board (phones), with @use-gesture: two fingers zoom around
 * their midpoint; one finger on the empty board pans a zoomed board. A press on a card
 * is the card's (useDrag moves it), so the pan gives way to it. The plane is made larger
 * instead of scaled, so cards keep their size and move apart: a covered card comes free.
 */
export function useBoardZoom(
  viewport: RefObject<HTMLDivElement | null>,
  enabled: boolean,
  /** A pinch began: a finger that pressed a card first is part of the pinch, not a drag. */
  onPinchStart?: () => void,
): BoardZoom {
  const [view, setView] = useState<ZoomView>({ scale: 1, x: 0, y: 0 });
  const viewRef = useRef(view);
  const lastPan = useRef(0);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  const box = useCallback(() => {
    const el = viewport.current;
    return { width: el?.clientWidth ?? 1, height: el?.clientHeight ?? 1 };
  }, [viewport]);

  const zoomBy = useCallback(
    (factor: number) => {
      const { width, height } = box();
      setView((v) => zoomAround(v, v.scale * factor, width / 2, height / 2, width, height));
    },
    [box],
  );
  const zoomIn = useCallback(() => zoomBy(ZOOM_STEP), [zoomBy]);
  const zoomOut = useCallback(() => zoomBy(1 / ZOOM_STEP), [zoomBy]);
  const fit = useCallback(() => setView({ scale: 1, x: 0, y: 0 }), []);
  const centreOn = useCallback(
    (pos: Position) => {
      const { width, height } = box();
      setView((v) => centredOn(v, pos, width, height));
    },
    [box],
  );
  const justPanned = useCallback(() => Date.now() - lastPan.current < CLICK_AFTER_PAN_MS, []);

  // A smaller viewport (rotation, a narrower window) must not leave the plane short of it.
  useEffect(() => {
    const el = viewport.current;
    if (!el || !enabled) return;
    const observer = new ResizeObserver(() => {
      const { width, height } = box();
      setView((v) => {
        const next = clampView(v, width, height);
        return next.x === v.x && next.y === v.y && next.scale === v.scale ? v : next;
      });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [viewport, enabled, box]);

  useGesture(
    {
      onPinch: ({ first, origin: [ox, oy], offset: [scale] }) => {
        if (first) onPinchStart?.();
        const el = viewport.current;
        if (!el) return;
        const rect = el.getBoundingClientRect();
        const { width, height } = box();
        setView((v) => zoomAround(v, scale, ox - rect.left, oy - rect.top, width, height));
      },
      onDrag: ({ first, tap, pinching, event, delta: [dx, dy], cancel }) => {
        // A press on a card moves the card (useDrag), and a pinch is not a pan.
        if (first && event.target instanceof Element && event.target.closest('[data-card-id]')) return cancel();
        if (pinching || tap) return;
        if (viewRef.current.scale === MIN_ZOOM) return;
        const { width, height } = box();
        setView((v) => clampView({ ...v, x: v.x + dx, y: v.y + dy }, width, height));
        lastPan.current = Date.now();
      },
    },
    {
      target: viewport,
      enabled,
      eventOptions: { passive: false },
      pinch: { scaleBounds: { min: MIN_ZOOM, max: MAX_ZOOM }, from: () => [viewRef.current.scale, 0] },
      drag: { filterTaps: true, pointer: { capture: false } },
    },
  );

  return { view, zoomIn, zoomOut, fit, centreOn, justPanned };
}
