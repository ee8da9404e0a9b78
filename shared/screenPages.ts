/**
 * The shared screen's lists in pages that fit, and which page shows when.
 *
 * Pages are MEASURED, not estimated: the screen renders the whole list out of sight,
 * measures where every item starts and ends at its own viewport, and splits it with
 * `pagesFromMeasure` (client/src/views/screen/PagedList.tsx). It reports the page count
 * (`screen:measured`) so the cockpit can say "pagina 2 van 3" and page it.
 *
 * Automatic paging needs no timer on the server: the control state holds the page the
 * facilitator chose and the moment automatic paging counts from (`turnedAt`, server
 * clock), so the screen and the cockpit compute the same page with `shownPage`.
 */
import type { ScreenControl } from './control';

/** Automatic paging: the next page every 12 s, after the last back to the first. */
export const AUTO_PAGE_MS = 12_000;
/** A page chosen by hand stays this long before automatic paging goes on. */
export const HAND_PAGE_HOLD_MS = 30_000;
export const TOP_FOCUS = 5;

/** One list item as measured: where it starts and ends, in px from the top of the list's items. */
export interface MeasuredItem {
  top: number;
  bottom: number;
}

/**
 * Item indices split into pages: each page's items, from the first one's top to the last
 * one's bottom, plus `overhead` (the list's title above its items), fit `available` px.
 * An item taller than a page gets a page of its own. `caps` lowers how many items a page
 * may hold (the screen's safety net when a rendered page still overflowed).
 */
export function pagesFromMeasure(items: readonly MeasuredItem[], available: number, overhead: number, caps: ReadonlyMap<number, number> = new Map()): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let start = 0;
  for (const [i, item] of items.entries()) {
    const cap = caps.get(pages.length) ?? Infinity;
    if (page.length > 0 && (overhead + item.bottom - start > available || page.length >= cap)) {
      pages.push(page);
      page = [];
    }
    if (page.length === 0) start = item.top;
    page.push(i);
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** The page the facilitator asked for, never past the last. */
export function clampPage(requested: number, pageCount: number): number {
  return Math.max(0, Math.min(requested, pageCount - 1));
}

/** The page shown at `now` (server clock): the chosen one, plus one per AUTO_PAGE_MS while automatic paging is on. */
export function shownPage(screen: Pick<ScreenControl, 'page' | 'auto' | 'turnedAt'>, pageCount: number, now: number): number {
  const chosen = clampPage(screen.page, pageCount);
  if (!screen.auto || pageCount <= 1) return chosen;
  const steps = Math.max(0, Math.floor((now - screen.turnedAt) / AUTO_PAGE_MS));
  return (chosen + steps) % pageCount;
}

/** How long until the shown page next changes by itself (ms), or null when it does not. */
export function untilNextTurn(screen: Pick<ScreenControl, 'auto' | 'turnedAt'>, pageCount: number, now: number): number | null {
  if (!screen.auto || pageCount <= 1) return null;
  const elapsed = now - screen.turnedAt;
  if (elapsed < 0) return -elapsed + AUTO_PAGE_MS;
  return AUTO_PAGE_MS - (elapsed % AUTO_PAGE_MS);
}

/**
 * The `turnedAt` for a change made at `now`: turning automatic paging on counts from now;
 * a page chosen by hand holds HAND_PAGE_HOLD_MS before the next automatic step.
 */
export function turnedAtFor(byHand: boolean, now: number): number {
  return byHand ? now + HAND_PAGE_HOLD_MS - AUTO_PAGE_MS : now;
}
