import { describe, expect, it } from 'vitest';
import { SCREEN_LIST_HEIGHT_PX, itemHeight, paginate, shownPage } from '../../shared/screenPages';

const item = (n: number) => ({ text: 'x'.repeat(n), metaLines: 0 });

describe('the shared screen pages its lists', () => {
  it('keeps every item, in order, on exactly one page, and no page over the height', () => {
    const items = Array.from({ length: 25 }, (_, i) => ({ id: i, len: 20 + ((i * 37) % 260) }));
    const pages = paginate(items, (x) => item(x.len), 'wide');
    expect(pages.flat().map((x) => x.id)).toEqual(items.map((x) => x.id));
    for (const page of pages) {
      const h = page.reduce((s, x) => s + itemHeight(item(x.len), 'wide'), 0);
      expect(page.length === 1 || h <= SCREEN_LIST_HEIGHT_PX).toBe(true);
    }
    expect(pages.length).toBeGreaterThan(1);
  });

  it('gives an item taller than a page a page of its own, and an empty list one empty page', () => {
    expect(paginate([1, 2], () => item(5000), 'wide')).toEqual([[1], [2]]);
    expect(paginate([], () => item(1), 'wide')).toEqual([[]]);
  });

  it('narrower slots hold less per page', () => {
    const items = Array.from({ length: 10 }, () => 120);
    expect(paginate(items, (n) => item(n), 'half').length).toBeGreaterThan(paginate(items, (n) => item(n), 'wide').length);
  });

  it('never shows a page past the last', () => {
    expect(shownPage(5, 3)).toBe(2);
    expect(shownPage(0, 1)).toBe(0);
  });
});
