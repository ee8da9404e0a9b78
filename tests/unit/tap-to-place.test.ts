import { describe, expect, it } from 'vitest';
import { pointToCardPosition } from '../../client/src/board/geometry';

// A card at x is drawn with its middle at x·(W − w) + w/2 (CardChip); tap-to-place inverts that.
const drawnMiddle = (pos: number, plane: number, card: number) => pos * (plane - card) + card / 2;

describe('tap-to-place puts the card under the finger', () => {
  const rect = { left: 10, top: 20, width: 360, height: 300 };
  const card = { width: 100, height: 44 };

  it('the drawn middle of the placed card is the tapped point', () => {
    for (const [x, y] of [[80, 60], [190, 170], [300, 270]] as const) {
      const pos = pointToCardPosition(rect, card, rect.left + x, rect.top + y);
      expect(drawnMiddle(pos.x, rect.width, card.width)).toBeCloseTo(x, 6);
      expect(drawnMiddle(pos.y, rect.height, card.height)).toBeCloseTo(y, 6);
    }
  });

  it('keeps the quadrant: the middle of the board stays the middle', () => {
    expect(pointToCardPosition(rect, card, rect.left + 180, rect.top + 150)).toEqual({ x: 0.5, y: 0.5 });
    const leftOfMiddle = pointToCardPosition(rect, card, rect.left + 179, rect.top + 149);
    expect(leftOfMiddle.x).toBeLessThan(0.5);
    expect(leftOfMiddle.y).toBeLessThan(0.5);
  });

  it('a tap nearer the edge than half a card keeps the card whole on the board', () => {
    expect(pointToCardPosition(rect, card, rect.left + 5, rect.top + 2)).toEqual({ x: 0, y: 0 });
    expect(pointToCardPosition(rect, card, rect.left + 359, rect.top + 299)).toEqual({ x: 1, y: 1 });
  });

  it('a card of unknown size falls back to the plain fraction', () => {
    expect(pointToCardPosition(rect, { width: 0, height: 0 }, rect.left + 90, rect.top + 75)).toEqual({ x: 0.25, y: 0.25 });
  });
});
