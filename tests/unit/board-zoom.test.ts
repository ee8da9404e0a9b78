import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, centredOn, clampView, zoomAround } from '../../client/src/board/zoomView';

/** The phone board's zoom (issue 14): the plane always covers the window, and zoom keeps its focus point. */
describe('the zoom of the phone board', () => {
  const W = 360;
  const H = 360;

  it('never leaves an empty strip beside the plane, and stays between 1× and the maximum', () => {
    expect(clampView({ scale: 2, x: 50, y: -1000 }, W, H)).toEqual({ scale: 2, x: 0, y: -360 });
    expect(clampView({ scale: 0.5, x: -10, y: -10 }, W, H)).toEqual({ scale: 1, x: 0, y: 0 });
    expect(clampView({ scale: 9, x: 0, y: 0 }, W, H).scale).toBe(MAX_ZOOM);
  });

  it('keeps the point under the fingers where it is (a pinch around its midpoint)', () => {
    const fx = 100;
    const fy = 250;
    const before = { scale: 1.5, x: -40, y: -60 };
    const after = zoomAround(before, 3, fx, fy, W, H);
    expect(after.scale).toBe(3);
    // The plane point under (fx, fy) before is under it after.
    const planeX = (fx - before.x) / before.scale;
    const planeY = (fy - before.y) / before.scale;
    expect(after.x + planeX * after.scale).toBeCloseTo(fx, 6);
    expect(after.y + planeY * after.scale).toBeCloseTo(fy, 6);
  });

  it('zooms out to the whole board without drifting off it', () => {
    expect(zoomAround({ scale: 2, x: -360, y: -360 }, 1, 0, 0, W, H)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('centres a card chosen in the list, at 2× at least, as far as the edges allow', () => {
    expect(centredOn({ scale: 1, x: 0, y: 0 }, { x: 0.5, y: 0.5 }, W, H)).toEqual({ scale: 2, x: -180, y: -180 });
    // Already zoomed further: the zoom stays.
    expect(centredOn({ scale: 3, x: 0, y: 0 }, { x: 0.5, y: 0.5 }, W, H)).toEqual({ scale: 3, x: -360, y: -360 });
    // At an edge the plane still covers the window: the card is as near the middle as it gets.
    expect(centredOn({ scale: 1, x: 0, y: 0 }, { x: 0, y: 1 }, W, H)).toEqual({ scale: 2, x: 0, y: -360 });
  });
});
