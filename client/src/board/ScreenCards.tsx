import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { CardView } from '../../../shared/board';
import { layoutBoard, type BoardLayout, type Box, type LabelInput } from '../../../shared/labelLayout';
import { quadrantOf, type Position, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import { KindIcon } from './CardChip';
import { hyphenateNl } from './hyphenateNl';
import type { PlaneSize } from './usePlaneSize';

interface Props {
  /** Placed cards with where they are drawn. */
  items: { card: CardView; pos: Position }[];
  template: Template;
  size: PlaneSize;
  /** The stable number of every card (shared/boardLayout cardNumbers). */
  numbers: Map<string, number>;
  /** Reports which mode the layout chose, so the legend can be shown beside the board. */
  onMode?: (mode: BoardLayout['mode']) => void;
  /** The card whose trajectory the facilitator focused: its label stands out. */
  focusId?: string | null;
  /** The facilitator's board: labels and badges are buttons (choose, drag, arrow keys). */
  interactive?: CardControls;
}

/** What the facilitator's board does with a label (the same as with a card chip elsewhere). */
export interface CardControls {
  selectedId: string | null;
  movable: boolean;
  onClick: (card: CardView) => void;
  onKeyDown: (card: CardView, e: KeyboardEvent<HTMLButtonElement>) => void;
  pointer: (card: CardView) => {
    onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    onPointerMove: (e: PointerEvent<HTMLElement>) => void;
    onPointerUp: (e: PointerEvent<HTMLElement>) => void;
    onPointerCancel: (e: PointerEvent<HTMLElement>) => void;
  };
}

/** Radius of the true-position marker, px. */
const MARKER_RADIUS = 7;
/**
 * Size of a numbered badge, px: 36 (numbers up to 3 digits at 18 px) on a 1920×1080 screen,
 * down to 24 on a smaller plane (a 1280×720 beamer, the facilitator's laptop), so 60 badges
 * still fit clear of each other.
 */
const BADGE_MAX = 36;
const BADGE_MIN = 24;
const badgeSize = (planeWidth: number) => Math.max(BADGE_MIN, Math.min(BADGE_MAX, Math.round(planeWidth / 21)));
/** Room kept between a quadrant name and any label or badge, px (the layout adds its own gap). */
const NAME_MARGIN = 4;
/** Radius of a target ring on the screen and the facilitator's board (Trajectories), px, plus room for its number. */
const TARGET_RING = { large: 16, small: 10 };

/**
 * The cards on the shared screen at any density: a small marker at each card's true
 * position, and its label placed clear of the others (shared/boardLayout.ts), with a
 * leader line when it had to move. When the board is too dense for full labels, numbered
 * badges instead, and the legend beside the board (ScreenLegend) lists every card.
 * Labels are measured first (rendered hidden), then placed: titles wrap at word
 * boundaries and a label is as wide as its longest word, so no word is ever cut.
 */
export function ScreenCards({ items, template, size, numbers, onMode, focusId = null, interactive }: Props) {
  const { t } = useI18n();
  const measureRef = useRef<HTMLDivElement>(null);
  const compact = interactive !== undefined;
  const [sizes, setSizes] = useState<Map<string, { w: number; h: number }>>(new Map());
  // The plane inside its border: labels are positioned in it (size is the outer box).
  const [inner, setInner] = useState({ width: 0, height: 0 });
  // The quadrant names' boxes (they wrap, so measured): labels and badges never cover them.
  const [names, setNames] = useState<Box[]>([]);
  const titles = items.map((i) => `${i.card.id}:${i.card.title}:${i.card.kind}`).join('|');
  const quadrantNames = template.quadrants.map((q) => q.label).join('|');

  useLayoutEffect(() => {
    const box = measureRef.current;
    if (!box) return;
    const next = new Map<string, { w: number; h: number }>();
    for (const el of box.querySelectorAll<HTMLElement>('[data-measure-id]')) {
      next.set(el.dataset.measureId!, { w: Math.ceil(el.offsetWidth), h: Math.ceil(el.offsetHeight) });
    }
    setSizes(next);
    const planeEl = box.parentElement;
    if (planeEl) {
      setInner({ width: planeEl.clientWidth, height: planeEl.clientHeight });
      const origin = planeEl.getBoundingClientRect();
      const left = origin.left + planeEl.clientLeft;
      const top = origin.top + planeEl.clientTop;
      setNames(
        [...planeEl.querySelectorAll('.rb-quadrant__label')].map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.left - left - NAME_MARGIN, y: r.top - top - NAME_MARGIN, w: r.width + 2 * NAME_MARGIN, h: r.height + 2 * NAME_MARGIN };
        }),
      );
    }
    // The quadrant names are measured too: again when the template's names change.
  }, [titles, size.width, size.height, quadrantNames]);

  // Numbers once chosen stay while the cards and their label sizes stay the same: the legend that
  // numbers bring shrinks the board, and a smaller board must not flip back to labels (a loop).
  const latch = useRef({ key: '', numbers: false });
  const layout = useMemo(() => {
    const { width: w, height: h } = inner;
    if (w === 0 || h === 0) return null;
    const key = `${items.map(({ card, pos }) => `${card.id}@${pos.x},${pos.y}`).join('|')}#${[...sizes].map(([id, z]) => `${id}:${z.w}x${z.h}`).join('|')}`;
    const latched = latch.current.key === key && latch.current.numbers;
    const anchor = (p: Position) => ({ x: p.x * w, y: p.y * h });
    const labels: LabelInput[] = items.map(({ card, pos }) => ({ id: card.id, anchor: anchor(pos), ...(sizes.get(card.id) ?? { w: 200, h: 60 }) }));
    const badge = badgeSize(w);
    const badges: LabelInput[] = items.map(({ card, pos }) => ({ id: card.id, anchor: anchor(pos), w: badge, h: badge }));
    // Target rings (Koers) are drawn above the labels: labels keep off them (and off their numbers) when they can.
    const ring = compact ? TARGET_RING.small : TARGET_RING.large;
    const targets: Box[] = items.flatMap(({ card }) =>
      card.target ? [{ x: card.target.x * w - ring - 2, y: card.target.y * h - ring - 2, w: 2 * ring + 28, h: 2 * ring + 4 }] : [],
    );
    const result = layoutBoard({ plane: { w, h }, markerRadius: MARKER_RADIUS, labels, badges, obstacles: targets, keepOff: names, numbersOnly: latched });
    latch.current = { key, numbers: result.mode === 'numbers' };
    return result;
  }, [items, sizes, inner, names, compact]);

  const mode = layout?.mode ?? 'labels';
  useLayoutEffect(() => onMode?.(mode), [mode, onMode]);

  const kindOf = (card: CardView) => t(card.kind === 'domain' ? 'card.domain' : 'card.project');
  const nameOf = (card: CardView, pos: Position) => {
    const quadrant = quadrantOf(template, pos).label;
    return card.target
      ? t('board.cardNameTarget', { title: card.title, kind: kindOf(card), quadrant, target: quadrantOf(template, card.target).label })
      : t('board.cardName', { title: card.title, kind: kindOf(card), quadrant });
  };

  return (
    <>
      {/* Hidden copies, only to measure each label's size before placing it. */}
      <div className="rb-screen-cards__measure" ref={measureRef} aria-hidden="true">
        {items.map(({ card }) => (
          <div key={card.id} data-measure-id={card.id} className={`rb-screen-label rb-screen-label--${card.kind}`}>
            <LabelBody card={card} n={numbers.get(card.id) ?? 0} kind={kindOf(card)} />
          </div>
        ))}
      </div>
      {layout && (
        <svg className="rb-screen-cards__leaders" width={inner.width} height={inner.height} aria-hidden="true" focusable="false">
          {items.map(({ card, pos }, i) => {
            const p = layout.placements[i]!;
            if (!p.leader) return null;
            return (
              <g key={card.id}>
                <line x1={pos.x * inner.width} y1={pos.y * inner.height} x2={p.leaderEnd.x} y2={p.leaderEnd.y} className="rb-screen-cards__leader-halo" />
                <line x1={pos.x * inner.width} y1={pos.y * inner.height} x2={p.leaderEnd.x} y2={p.leaderEnd.y} className="rb-screen-cards__leader" />
              </g>
            );
          })}
        </svg>
      )}
      <ul
        className="rb-board__cards rb-screen-cards"
        aria-label={t('board.cards')}
        data-label-mode={mode}
        data-crowded={layout ? layout.crowded.toFixed(2) : undefined}
      >
        {items.map(({ card, pos }, i) => {
          const p = layout?.placements[i];
          const n = numbers.get(card.id) ?? 0;
          const marker = (
            <span
              className={`rb-screen-marker rb-screen-marker--${card.kind}`}
              style={{ left: `${pos.x * 100}%`, top: `${pos.y * 100}%` }}
              data-marker-id={card.id}
              aria-hidden="true"
            />
          );
          const style = !p
            ? { visibility: 'hidden' as const }
            : mode === 'labels'
              ? { left: `${p.box.x}px`, top: `${p.box.y}px` }
              : { left: `${p.box.x}px`, top: `${p.box.y}px`, width: `${p.box.w}px`, height: `${p.box.h}px`, fontSize: `${Math.round(p.box.w / 2)}px` };
          const labelled = mode === 'labels';
          const classes = [
            labelled ? `rb-screen-label rb-screen-label--${card.kind}` : `rb-screen-badge rb-screen-badge--${card.kind}`,
            card.id === focusId ? 'rb-screen-cards__focus' : '',
            interactive?.selectedId === card.id ? 'rb-screen-cards__selected' : '',
            interactive && !interactive.movable ? 'rb-screen-cards__static' : '',
          ]
            .filter(Boolean)
            .join(' ');
          // The number is visible on a label and on a badge alike, so it leads the name (WCAG 2.5.3, label in name).
          const name = `${n}. ${nameOf(card, pos)}`;
          const body = labelled ? <LabelBody card={card} n={n} kind={kindOf(card)} /> : n;
          return (
            <li key={card.id} className="rb-card-slot">
              {marker}
              {interactive ? (
                <button
                  type="button"
                  className={classes}
                  style={style}
                  data-card-id={card.id}
                  data-card-n={n}
                  aria-label={name}
                  aria-pressed={interactive.selectedId === card.id}
                  onClick={() => interactive.onClick(card)}
                  onKeyDown={(e) => interactive.onKeyDown(card, e)}
                  {...interactive.pointer(card)}
                >
                  {body}
                </button>
              ) : (
                <div className={classes} style={style} data-card-id={card.id} data-card-n={n} role="img" aria-label={name}>
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function LabelBody({ card, n, kind }: { card: CardView; n: number; kind: string }) {
  return (
    <>
      <span className="rb-screen-label__n" aria-hidden="true">
        {n}
      </span>{' '}
      {/* The space keeps "1 Klimaatbeleid" two words for assistive technology (the name says "1. Klimaatbeleid"). */}
      <KindIcon kind={card.kind} />
      <span className="rb-screen-label__text">
        {/* Breaks only at spaces and at Dutch hyphenation points (soft hyphens), never elsewhere in a word. */}
        <span className="rb-screen-label__title" lang="nl">
          {hyphenateNl(card.title)}
        </span>{' '}
        <span className="rb-card__kind">{kind}</span>
      </span>
    </>
  );
}

/** The complete legend beside a dense board: every card, its number, kind and quadrant. */
export function ScreenLegend({ cards, numbers }: { cards: CardView[]; numbers: Map<string, number> }) {
  const { t } = useI18n();
  return (
    <section className="rb-screen-legend" aria-labelledby="rb-screen-legend-title" data-testid="board-legend">
      <h3 id="rb-screen-legend-title" className="rb-screen-legend__title">
        {t('density.legend.title', { count: cards.length })}
      </h3>
      <ol className="rb-screen-legend__items">
        {cards.map((card) => (
          <li key={card.id} className="rb-screen-legend__item" data-legend-id={card.id}>
            <span className="rb-screen-legend__n">{numbers.get(card.id)}</span>
            <KindIcon kind={card.kind} />
            {/* Kind and quadrant are in each numbered badge's name on the board. */}
            <span lang="nl" className="rb-screen-legend__text">
              {hyphenateNl(card.title)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
