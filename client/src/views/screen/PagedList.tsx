import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { pagesFromMeasure, type MeasuredItem } from '../../../../shared/screenPages';
import { useI18n } from '../../i18n';

interface Props<T> {
  items: readonly T[];
  /** The list component for some of the items (a whole section: title and items). */
  render: (items: T[]) => ReactNode;
  /** Selects one item element inside what `render` returns. */
  itemSelector: string;
  /** The 0-based page to show (clamped to the pages measured). */
  page: number;
  /** The number of pages measured, each time it changes. */
  onPages: (pages: number) => void;
  /** Changes whenever what the items look like may change (their data, alarms, linked texts): measure again. */
  measureKey: string;
}

/**
 * A list on the shared screen, one page at a time, with pages MEASURED at the screen's own
 * size: the whole list is rendered out of sight at the same width (only for that moment), every item's top and
 * bottom read, and the list split where the next item would pass the bottom of the stage.
 * If a rendered page still overflows (a group heading repeated on it, say), that page holds
 * fewer items; one item taller than the whole stage (a 280-character barrier with a long alarm
 * at 1280×720) gets a page of its own, shown smaller (CSS zoom) so it is never cut off.
 * Measured again when the items or the window change.
 */
export function PagedList<T>({ items, render, itemSelector, page, onPages, measureKey }: Props<T>) {
  const { t } = useI18n();
  const slotRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number[][]>([items.map((_, i) => i)]);
  // Per page: below 1 when its one item is taller than the whole stage (shown smaller, never cut).
  const [zooms, setZooms] = useState<number[]>([]);
  const [caps, setCaps] = useState<ReadonlyMap<number, number>>(new Map());
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  const [layout, setLayout] = useState(0);
  const shown = Math.max(0, Math.min(page, pages.length - 1));
  // The hidden copy exists only until it is measured (the same layout pass, before paint), so the
  // page never holds every item twice for assistive technology, find-in-page or tests.
  const wanted = `${measureKey}|${size}|${layout}|${JSON.stringify([...caps])}`;
  const [measuredFor, setMeasuredFor] = useState<string | null>(null);
  const measuring = measuredFor !== wanted;

  // Measured again when the window changes, and when the list's box or the stage changes size
  // without it (the type scaling with the window, the board beside it laid out, fonts loaded).
  useEffect(() => {
    const onResize = () => {
      setCaps(new Map());
      setSize(`${window.innerWidth}x${window.innerHeight}`);
    };
    window.addEventListener('resize', onResize);
    const slot = slotRef.current;
    const stage = slot?.closest('.rb-screen__stage');
    const boxes = new Map<Element, string>();
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const box = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
        if (boxes.get(entry.target) !== box) changed = boxes.has(entry.target) || changed;
        boxes.set(entry.target, box);
      }
      if (changed) setLayout((n) => n + 1);
    });
    if (slot?.parentElement) observer.observe(slot.parentElement);
    if (stage) observer.observe(stage);
    return () => {
      window.removeEventListener('resize', onResize);
      observer.disconnect();
    };
  }, []);

  // After each render: measure the hidden copy if there is one, else check the page shown.
  useLayoutEffect(() => {
    const slot = slotRef.current;
    const copy = measureRef.current;
    if (!slot) return;
    const bottom = stageBottom(slot);
    if (!copy) {
      // The safety net: a shown page that still passes the bottom holds fewer items
      // (one item alone is made smaller by its zoom instead).
      const shownItems = [...slot.querySelectorAll(itemSelector)];
      const fits = shownItems.findIndex((el) => el.getBoundingClientRect().bottom > bottom + 0.5);
      if (fits > 0) setCaps(new Map(caps).set(shown, fits));
      return;
    }
    // The copy is for measuring only: its ids would repeat the visible list's.
    for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
    const available = bottom - slot.getBoundingClientRect().top;
    const origin = copy.getBoundingClientRect();
    const measured: MeasuredItem[] = [...copy.querySelectorAll(itemSelector)].map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top - origin.top, bottom: r.bottom - origin.top };
    });
    // Above the first item (title, total) and below the last (the panel's padding) is on every page.
    const overhead = measured.length > 0 ? measured[0]!.top + (origin.height - measured[measured.length - 1]!.bottom) : 0;
    const next = pagesFromMeasure(measured, available, overhead, caps);
    const nextZooms = next.map((page) => {
      const first = measured[page[0] ?? -1];
      const last = measured[page[page.length - 1] ?? -1];
      if (!first || !last) return 1;
      const needed = overhead + last.bottom - first.top;
      return needed > available ? Math.max(MIN_ZOOM, Math.floor((available / needed) * 100) / 100) : 1;
    });
    if (JSON.stringify(next) !== JSON.stringify(pages)) setPages(next);
    if (JSON.stringify(nextZooms) !== JSON.stringify(zooms)) setZooms(nextZooms);
    setMeasuredFor(wanted);
  });

  useEffect(() => onPages(pages.length), [pages.length, onPages]);
  // Other items: the old safety caps say nothing about them.
  useEffect(() => setCaps(new Map()), [items.length]);

  const pageItems = (pages[shown] ?? []).flatMap((i) => (i < items.length ? [items[i]!] : []));
  return (
    <div className="rb-paged" data-size={size} data-items={items.length}>
      <p
        className={`rb-screen-page${pages.length > 1 ? '' : ' rb-screen-page--one'}`}
        data-testid="screen-page"
        data-page={shown + 1}
        data-pages={pages.length}
        aria-live="polite"
      >
        {/* One page: the line keeps its place (the pages are measured below it), empty. */}
        {pages.length > 1 ? t('cockpit.page', { page: shown + 1, count: pages.length }) : '\u00a0'}
      </p>
      <div ref={slotRef} data-testid="screen-page-items" style={(zooms[shown] ?? 1) < 1 ? { zoom: zooms[shown] } : undefined}>
        {render(pageItems)}
      </div>
      {measuring && (
        <div ref={measureRef} className="rb-paged__measure" aria-hidden="true" inert>
          {render([...items])}
        </div>
      )}
    </div>
  );
}

/** An item taller than the stage is shown at most this much smaller; below it, it would be unreadable. */
const MIN_ZOOM = 0.6;

/** The lowest a list may reach: the bottom of the screen's stage, inside the window. */
function stageBottom(el: HTMLElement): number {
  const stage = el.closest('.rb-screen__stage');
  if (!stage) return window.innerHeight;
  const style = getComputedStyle(stage);
  return Math.min(window.innerHeight, stage.getBoundingClientRect().bottom - parseFloat(style.paddingBottom || '0'));
}
