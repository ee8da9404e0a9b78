import { describe, expect, it } from 'vitest';
import { AUTO_PAGE_MS, HAND_PAGE_HOLD_MS, clampPage, pagesFromMeasure, shownPage, turnedAtFor, untilNextTurn } from '../../shared/screenPages';

/** Items of the given heights, 10 px apart, as the screen measures them. */
function stack(heights: number[]) {
  let y = 0;
  return heights.map((h) => {
    const item = { top: y, bottom: y + h };
    y += h + 10;
    return item;
  });
}

describe('the shared screen pages its lists by measured heights', () => {
  it('keeps every item, in order, on exactly one page, and no page over the height', () => {
    const heights = Array.from({ length: 25 }, (_, i) => 40 + ((i * 37) % 160));
    const items = stack(heights);
    const pages = pagesFromMeasure(items, 500, 60);
    expect(pages.flat()).toEqual(heights.map((_, i) => i));
    for (const page of pages) {
      const used = 60 + items[page[page.length - 1]!]!.bottom - items[page[0]!]!.top;
      expect(used).toBeLessThanOrEqual(500);
    }
    expect(pages.length).toBeGreaterThan(1);
    // Full: the next item would not have fitted.
    for (const [p, page] of pages.slice(0, -1).entries()) {
      const next = pages[p + 1]![0]!;
      expect(60 + items[next]!.bottom - items[page[0]!]!.top).toBeGreaterThan(500);
    }
  });

  it('gives an item taller than a page a page of its own, and an empty list one empty page', () => {
    expect(pagesFromMeasure(stack([900, 900]), 500, 0)).toEqual([[0], [1]]);
    expect(pagesFromMeasure([], 500, 0)).toEqual([[]]);
  });

  it('holds fewer items on a page with a cap, never none', () => {
    expect(pagesFromMeasure(stack([10, 10, 10, 10]), 500, 0, new Map([[0, 1]]))).toEqual([[0], [1, 2, 3]]);
    expect(pagesFromMeasure(stack([10, 10]), 500, 0, new Map([[0, 0]]))).toEqual([[0], [1]]);
  });

  it('never shows a page past the last', () => {
    expect(clampPage(5, 3)).toBe(2);
    expect(clampPage(0, 1)).toBe(0);
  });
});

describe('automatic paging', () => {
  const at = 1_000_000;
  it('shows the chosen page while it is off', () => {
    expect(shownPage({ page: 1, auto: false, turnedAt: at }, 3, at + 10 * AUTO_PAGE_MS)).toBe(1);
    expect(untilNextTurn({ auto: false, turnedAt: at }, 3, at)).toBeNull();
  });

  it('turns a page every 12 s, after the last back to the first', () => {
    const screen = { page: 1, auto: true, turnedAt: at };
    expect(shownPage(screen, 3, at)).toBe(1);
    expect(shownPage(screen, 3, at + AUTO_PAGE_MS - 1)).toBe(1);
    expect(shownPage(screen, 3, at + AUTO_PAGE_MS)).toBe(2);
    expect(shownPage(screen, 3, at + 2 * AUTO_PAGE_MS)).toBe(0);
    expect(untilNextTurn(screen, 3, at + 2000)).toBe(AUTO_PAGE_MS - 2000);
    // One page: nothing to turn.
    expect(shownPage(screen, 1, at + 5 * AUTO_PAGE_MS)).toBe(0);
    expect(untilNextTurn(screen, 1, at)).toBeNull();
  });

  it('holds a page chosen by hand for 30 s before turning on', () => {
    const screen = { page: 0, auto: true, turnedAt: turnedAtFor(true, at) };
    expect(shownPage(screen, 3, at + HAND_PAGE_HOLD_MS - 1)).toBe(0);
    expect(shownPage(screen, 3, at + HAND_PAGE_HOLD_MS)).toBe(1);
    expect(untilNextTurn(screen, 3, at)).toBe(HAND_PAGE_HOLD_MS);
    expect(turnedAtFor(false, at)).toBe(at);
  });
});
