/**
 * The shared screen's lists in pages that fit, as a pure rule the screen and the
 * cockpit share: the screen shows page `control.screen.page` and the cockpit says
 * "pagina 2 van 3" and pages it, without the screen having to report back.
 *
 * The screen scales its type with the viewport (root font size min(1.25vw, 2.22vh)),
 * so a 1920×1080 projector shows the same pages as a 1280×720 one, 1.5 times larger.
 * Heights are estimated at 1280×720 (16 px rem) from the length of each text.
 */
export type ScreenSlot = 'wide' | 'half';

/** Usable list height on the stage at 1280×720, in px, below the list's title and the page line. */
export const SCREEN_LIST_HEIGHT_PX = 470;

/** Characters per line of item text (26 px type): the whole stage, or one of two columns. */
const CHARS_PER_LINE: Record<ScreenSlot, number> = { wide: 44, half: 20 };
const LINE_PX = 36;
/** Padding, border and gap around one item; a line of meta (linked cards, alarms, votes). */
const ITEM_PX = 26;
const META_PX = 30;

export interface ScreenItem {
  text: string;
  /** Lines of smaller text under the item (a heading, linked cards, an alarm badge, a vote bar). */
  metaLines: number;
  /** Narrower text than the slot's (a result row: rank and votes beside the text), as a share of it. */
  widthShare?: number;
}

/** The estimated height of one item, in px at 1280×720. */
export function itemHeight(item: ScreenItem, slot: ScreenSlot): number {
  // Words wrap whole: count a line per CHARS_PER_LINE plus a bit for a long word at a line's end.
  const perLine = Math.max(8, Math.floor(CHARS_PER_LINE[slot] * (item.widthShare ?? 1)));
  const lines = Math.max(1, Math.ceil((item.text.length * 1.1) / perLine));
  return ITEM_PX + lines * LINE_PX + item.metaLines * META_PX;
}

/** Items split into pages that each fit `height`; an item taller than a page gets a page of its own. */
export function paginate<T>(items: readonly T[], measure: (item: T) => ScreenItem, slot: ScreenSlot, height = SCREEN_LIST_HEIGHT_PX): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const h = itemHeight(measure(item), slot);
    if (page.length > 0 && used + h > height) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += h;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** The page the screen shows for a requested page number: never past the last. */
export function shownPage(requested: number, pageCount: number): number {
  return Math.max(0, Math.min(requested, pageCount - 1));
}

export const TOP_FOCUS = 5;
