/** The zoom of the phone's board as numbers (useBoardZoom applies it; unit-tested on its own). */
import type { Position } from '../../../shared/template';

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;
/** One press of + or −. */
export const ZOOM_STEP = 1.5;
/** Choosing a card in the list zooms at least this far, so its neighbours move apart. */
export const FOCUS_ZOOM = 2;

/** The view: the plane is `scale` times the viewport, shifted by x, y (CSS px, ≤ 0). */
export interface ZoomView {
  scale: number;
  x: number;
  y: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Keeps the plane covering the viewport: no empty strip beside a zoomed board. */
export function clampView(view: ZoomView, width: number, height: number): ZoomView {
  const scale = clamp(view.scale, MIN_ZOOM, MAX_ZOOM);
  return { scale, x: clamp(view.x, width - width * scale, 0), y: clamp(view.y, height - height * scale, 0) };
}

/** The view after zooming to `scale` around a point of the viewport (fx, fy stay where they are). */
export function zoomAround(view: ZoomView, scale: number, fx: number, fy: number, width: number, height: number): ZoomView {
  const next = clamp(scale, MIN_ZOOM, MAX_ZOOM);
  const k = next / view.scale;
  return clampView({ scale: next, x: fx - (fx - view.x) * k, y: fy - (fy - view.y) * k }, width, height);
}

/** The view zoomed to at least FOCUS_ZOOM with a board position (0..1) in the middle of the viewport, as far as the edges allow. */
export function centredOn(view: ZoomView, pos: Position, width: number, height: number): ZoomView {
  const scale = Math.max(view.scale, FOCUS_ZOOM);
  return clampView({ scale, x: width / 2 - pos.x * width * scale, y: height / 2 - pos.y * height * scale }, width, height);
}
