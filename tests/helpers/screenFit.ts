import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * A projector is not scrolled (issue 19): every element of the shared screen that is drawn
 * (non-zero size, visible, not inside a visually hidden text for screen readers) lies wholly
 * inside the viewport, and inside its column (the stage or the side, which clip what passes
 * their edge), 1 px allowed for rounding. Returns how many elements were checked.
 */
export async function expectScreenInsideViewport(page: Page, what: string): Promise<number> {
  const { checked, outside, viewport } = await page.evaluate(() => {
    const root = document.querySelector('.rb-screen');
    if (!root) return { checked: 0, outside: ['no .rb-screen on the page'], viewport: '' };
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    // Text for screen readers only: clipped to nothing, its boxes are never drawn.
    const unseen = [...root.querySelectorAll<HTMLElement>('*')].filter((el) => {
      const s = getComputedStyle(el);
      return (s.clip !== 'auto' && s.clip !== '') || s.clipPath !== 'none';
    });
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    let count = 0;
    const out: string[] = [];
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (unseen.some((u) => u.contains(el))) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      count++;
      if (r.left < -1 || r.top < -1 || r.right > width + 1 || r.bottom > height + 1) {
        out.push(`${describe(el)} at ${[r.left, r.top, r.right, r.bottom].map(Math.round).join(',')}`);
        continue;
      }
      // The stage and the side clip what passes their edge (overflow: hidden): inside the viewport
      // is not enough there, it must lie inside its column. (The board's plane is checked so; what
      // lies on it is drawn at its true position, a marker on the edge half over the border.)
      const column = el.parentElement?.closest('.rb-screen__stage, .rb-screen__side');
      if (column && !el.parentElement?.closest('.rb-board__plane')) {
        const c = column.getBoundingClientRect();
        if (r.left < c.left - 1 || r.top < c.top - 1 || r.right > c.right + 1 || r.bottom > c.bottom + 1) {
          out.push(`${describe(el)} at ${[r.left, r.top, r.right, r.bottom].map(Math.round).join(',')}, past its column ${[c.left, c.top, c.right, c.bottom].map(Math.round).join(',')}`);
        }
      }
    }
    return { checked: count, outside: out, viewport: `${width}×${height}` };
  });
  console.log(`[fit] ${what} ${viewport}: ${checked} elements checked, ${outside.length} past the viewport's edge`);
  // What was cut, to look at: a screenshot in the temp directory.
  if (outside.length) await page.screenshot({ path: path.join(os.tmpdir(), `screen-fit-${what.replace(/\W+/g, '-')}-${viewport}.png`) });
  expect(checked, `${what}: elements to check`).toBeGreaterThan(20);
  expect(outside, `${what} ${viewport}: past the viewport's edge`).toEqual([]);
  return checked;
}
