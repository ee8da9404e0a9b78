import { lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { isPlaced, type CardView } from '../../../shared/board';
import { cardNumbers } from '../../../shared/boardLayout';
import type { Position, Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import { LiveRegion, useAnnouncer } from '../components/LiveAnnouncer';
import { keyTarget } from './boardKeys';
import { CardChip } from './CardChip';
import { BoardViewContext } from './boardView';
import { CardTray } from './CardTray';
// The shared screen's label layout is only the screen's: loaded lazily, so the phone does not download it.
const ScreenCards = lazy(() => import('./ScreenCards').then((m) => ({ default: m.ScreenCards })));
const ScreenLegend = lazy(() => import('./ScreenCards').then((m) => ({ default: m.ScreenLegend })));
import { pointToCardPosition, pointToUnit, roundPosition } from './geometry';
import { Quadrants } from './Quadrants';
import { SelectedCardPanel } from './lazyBoardParts';
import { TrajectoryList, Trajectories } from './Trajectories';
import { useCardAnnouncements } from './useCardAnnouncements';
import { useBoardZoom } from './useBoardZoom';
import { useDrag } from './useDrag';
import { ZoomControls, ZoomViewport } from './ZoomControls';
import { usePlaneSize, type PlaneSize } from './usePlaneSize';

/**
 * What a press, a tap on the board and the arrow keys do:
 * move the card (now), move its target (straks), or nothing (only choose it).
 */
export type BoardMode = 'move' | 'target' | 'view';

export interface BoardProps {
  template: Template;
  cards: CardView[];
  /** The first sync is done; before that the board may be incomplete. */
  loaded: boolean;
  /** Shared screen: large, no dragging, no selection, cards are not buttons. */
  readOnly?: boolean;
  large?: boolean;
  mode?: BoardMode;
  /** Pinch-zoom, pan and zoom buttons (the phone). */
  zoomable?: boolean;
  /** Bring this card into view (zoomed in on the board, or the tray); a new `seq` asks again. */
  focusRequest?: { id: string; seq: number } | null;
  /** Why cards cannot be moved now (mode 'view'); shown instead of the instructions. */
  notice?: string | null;
  /** Own instructions above the board (null: none); by default they follow the mode. */
  help?: string | null;
  onMove?: (id: string, pos: Position) => void;
  onTarget?: (id: string, pos: Position | null) => void;
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
  /** More actions for the chosen card (the facilitator's spotlight and remove). */
  selectedExtra?: (card: CardView) => ReactNode;
  /** Drawn over the board, under the cards (placement round results). */
  overlay?: (size: PlaneSize) => ReactNode;
  /** Draw the arrows from now to target (default true). */
  trajectories?: boolean;
  testId?: string;
  /** Accessible name of the board section, when it is not the main board. */
  label?: string;
  /** Lay the cards out as the shared screen does (markers, labels clear of each other, numbers when dense): the facilitator's board. */
  declutter?: boolean;
  /** Which cards' trajectories to draw (the facilitator's filter, shared/boardLayout shownTrajectories); default all. */
  trajectoryIds?: ReadonlySet<string> | null;
  /** The card whose trajectory is focused: its label stands out. */
  focusId?: string | null;
}

const noop = () => {};

/** The four-quadrant board with its cards: shared by facilitator, participant and shared screen. */
export function Board(boardProps: BoardProps) {
  const props = { ...useContext(BoardViewContext), ...boardProps };
  const { template, cards, loaded, readOnly, large, mode = 'move', notice, selectedId = null } = props;
  const { onMove = noop, onTarget = noop, onSelect = noop, selectedExtra, overlay, trajectories = true } = props;
  const { t, lang } = useI18n();
  const plane = useRef<HTMLDivElement>(null);
  const size = usePlaneSize(plane);
  const { message, announce } = useAnnouncer();
  useCardAnnouncements(cards, template, loaded, announce, t);
  const toggle = useCallback((id: string) => onSelect(selectedId === id ? null : id), [onSelect, selectedId]);
  const viewport = useRef<HTMLDivElement>(null);
  const zoomable = !!props.zoomable;
  const cancelDrag = useRef<() => void>(noop);
  const zoom = useBoardZoom(viewport, zoomable, () => cancelDrag.current());
  /**
   * A tap on a card. On the phone, with another card chosen (and the phase lets it move), the tap
   * places the chosen card there: a neighbour under the finger is never chosen instead (issue 14;
   * the phone chooses another card in its list). With a mouse (facilitator) a click still chooses.
   */
  const placeAt = useCallback(
    (clientX: number, clientY: number) => {
      if (!selectedId || !plane.current) return;
      // A target is drawn as a ring at its true point, and so is a card on a decluttered board (a
      // marker); a card chip on the phone is drawn around a moving anchor: put its middle under the finger.
      if (mode === 'target') return onTarget(selectedId, roundPosition(pointToUnit(plane.current, clientX, clientY)));
      if (props.declutter) return onMove(selectedId, roundPosition(pointToUnit(plane.current, clientX, clientY)));
      const chip = plane.current.querySelector(`[data-card-id="${CSS.escape(selectedId)}"]`) ?? document.querySelector(`[data-card-id="${CSS.escape(selectedId)}"]`);
      const size = chip?.getBoundingClientRect() ?? { width: 0, height: 0 };
      onMove(selectedId, roundPosition(pointToCardPosition(plane.current.getBoundingClientRect(), size, clientX, clientY)));
    },
    [selectedId, mode, onMove, onTarget, props.declutter],
  );
  const onCardTap = useCallback(
    (id: string, clientX: number, clientY: number) => {
      if (zoomable && selectedId && selectedId !== id && mode !== 'view') placeAt(clientX, clientY);
      else toggle(id);
    },
    [zoomable, selectedId, mode, placeAt, toggle],
  );
  const drag = useDrag(plane, onMove, onCardTap, mode === 'move');
  useEffect(() => {
    cancelDrag.current = drag.cancel;
  }, [drag.cancel]);
  const selected = readOnly ? undefined : cards.find((c) => c.id === selectedId);
  const placed = cards.filter(isPlaced);
  const numbers = useMemo(() => cardNumbers(cards), [cards]);
  // The shared screen lays labels out itself (ScreenCards); when it switches to numbers, the legend shows.
  const screen = (readOnly && large) || props.declutter === true;
  const { trajectoryIds } = props;
  const [labelMode, setLabelMode] = useState<'labels' | 'numbers'>('labels');
  const unplaced = cards.filter((c) => !isPlaced(c));
  // A card placed from the tray by keyboard leaves the tray: its focus follows it onto the board.
  const focusOnBoard = useRef<string | null>(null);
  useEffect(() => {
    const id = focusOnBoard.current;
    if (!id) return;
    const button = plane.current?.querySelector<HTMLElement>(`button[data-card-id="${id}"]`);
    if (button) {
      focusOnBoard.current = null;
      button.focus();
    }
  });

  const onCardKey = (card: CardView, e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Escape') {
      if (selectedId) {
        e.preventDefault();
        onSelect(null);
      }
      return;
    }
    if (mode === 'view') return;
    const from = mode === 'target' ? (card.target ?? card.pos) : card.pos;
    const others = cards.filter((c) => c.id !== card.id);
    const taken = mode === 'target' ? others.flatMap((c) => (c.target ? [c.target] : [])) : others.flatMap((c) => (c.pos ? [c.pos] : []));
    const pos = keyTarget(e, from, taken);
    if (!pos) return;
    e.preventDefault();
    if (mode === 'target') onTarget(card.id, roundPosition(pos));
    else {
      if (!card.pos) focusOnBoard.current = card.id;
      onMove(card.id, roundPosition(pos));
    }
    if (selectedId !== card.id) onSelect(card.id);
  };

  /** Keyboard (Enter, Space) and assistive technology; pointer taps are handled by useDrag. */
  const onCardClick = (card: CardView) => {
    if (!drag.isPointerClick()) toggle(card.id);
  };

  /** Tap-to-place: with a card chosen, a tap on the board moves it (or its target) there. */
  const onPlaneClick = (e: MouseEvent<HTMLDivElement>) => {
    if (readOnly || mode === 'view' || !selectedId || !plane.current) return;
    if (e.target instanceof Element && e.target.closest('[data-card-id]')) return;
    // The end of a pan with a mouse is a click too; it is not a tap on the board.
    if (zoom.justPanned()) return;
    placeAt(e.clientX, e.clientY);
  };

  // A card chosen in the list: zoom in on it on the board, or show it in the tray.
  const focusRequest = props.focusRequest;
  useEffect(() => {
    if (!focusRequest) return;
    const card = cards.find((c) => c.id === focusRequest.id);
    if (!card) return;
    if (card.pos && zoomable) zoom.centreOn(card.pos);
    const where = card.pos ? plane.current?.closest('.rb-board') : plane.current?.closest('section')?.querySelector('.rb-tray');
    where?.scrollIntoView({ block: card.pos ? 'center' : 'nearest' });
    // Only a new request moves the view; later changes of the cards do not.
  }, [focusRequest]);

  /** A card that gets the keyboard focus outside the zoomed view is brought into it. */
  const onCardFocus = (card: CardView) => {
    if (!zoomable || zoom.view.scale === 1 || !card.pos || !viewport.current) return;
    const button = plane.current?.querySelector(`[data-card-id="${card.id}"]`);
    const inner = viewport.current.getBoundingClientRect();
    const r = button?.getBoundingClientRect();
    if (r && (r.left < inner.left || r.right > inner.right || r.top < inner.top || r.bottom > inner.bottom)) zoom.centreOn(card.pos);
  };

  const shown = placed.map((card) => {
    const dragged = drag.active?.id === card.id ? drag.active.pos : null;
    return { card, pos: dragged ?? card.pos, dragging: dragged !== null };
  });
  const moving = shown.filter((s) => s.card.target && (!trajectoryIds || trajectoryIds.has(s.card.id)));
  const help =
    props.help !== undefined
      ? props.help
      : mode === 'view'
        ? notice
        : mode === 'target'
          ? t('board.targetInstructions')
          : t('board.instructions');
  const keys = mode === 'target' ? t('board.targetKeys') : t('board.keys');

  const { axes } = template;
  return (
    <section
      className={`rb-board-section${large ? ' rb-board-section--large' : ''}`}
      aria-label={props.label ?? t('board.label', { name: template.name[lang] })}
    >
      {!readOnly && help && (
        <p className={`rb-board-help${mode === 'view' ? ' rb-board-help--notice' : ''}`}>
          {help} {zoomable && mode !== 'view' && t('density.placeOnCard')} {mode !== 'view' && <span className="rb-board-help__keys">{keys}</span>}
        </p>
      )}
      <CardTray
        cards={unplaced}
        readOnly={readOnly}
        canPlace={mode === 'move'}
        selectedId={selectedId}
        onChoose={toggle}
        onKeyDown={onCardKey}
      />
      <div className={`rb-board-row${screen && labelMode === 'numbers' ? ' rb-board-row--legend' : ''}`}>
      <div className="rb-board" data-readonly={readOnly ? 'true' : undefined} data-mode={mode}>
        <p className="rb-axis rb-axis--top">
          <span aria-hidden="true">↑ </span>
          {axes.y.start[lang]}
        </p>
        <ZoomViewport enabled={zoomable} viewport={viewport} scale={zoom.view.scale} onSecondTouch={() => cancelDrag.current()}>
        <div
          ref={plane}
          data-testid={props.testId ?? 'board'}
          className={`rb-board__plane${selected && mode !== 'view' ? ' rb-board__plane--placing' : ''}${zoomable ? ' rb-board__plane--zoomable' : ''}`}
          style={
            zoomable
              ? {
                  width: `${zoom.view.scale * 100}%`,
                  height: `${zoom.view.scale * 100}%`,
                  transform: `translate(${zoom.view.x}px, ${zoom.view.y}px)`,
                }
              : undefined
          }
          onClick={onPlaneClick}
        >
          <Quadrants template={template} />
          {overlay?.(size)}
          {trajectories && (
            <Trajectories items={moving} size={size} large={large} numbers={numbers} layer="arrows" />
          )}
          {screen ? (
            <Suspense fallback={null}>
              <ScreenCards
                items={shown}
                template={template}
                size={size}
                numbers={numbers}
                onMode={setLabelMode}
                focusId={props.focusId}
                interactive={
                  readOnly
                    ? undefined
                    : { selectedId, movable: mode === 'move', onClick: onCardClick, onKeyDown: onCardKey, pointer: (c) => drag.handlers(c.id, c.pos!) }
                }
              />
            </Suspense>
          ) : (
          <ul className="rb-board__cards" aria-label={t('board.cards')}>
            {shown.map(({ card, pos, dragging }) => (
              <CardChip
                key={card.id}
                card={card}
                template={template}
                pos={pos}
                readOnly={readOnly}
                movable={mode === 'move'}
                selected={card.id === selectedId}
                dragging={dragging}
                onClick={() => onCardClick(card)}
                onKeyDown={(e) => onCardKey(card, e)}
                onFocus={zoomable ? () => onCardFocus(card) : undefined}
                pointer={readOnly ? undefined : drag.handlers(card.id, card.pos)}
              />
            ))}
          </ul>
          )}
          {trajectories && (
            <Trajectories items={moving} size={size} large={large} numbers={numbers} layer="targets" />
          )}
          {!loaded && (
            <p className="rb-board__loading" role="status">
              {t('board.loading')}
            </p>
          )}
        </div>
        </ZoomViewport>
        <div className="rb-axis-row">
          <p className="rb-axis rb-axis--left">
            <span aria-hidden="true">← </span>
            {axes.x.start[lang]}
          </p>
          <p className="rb-axis rb-axis--right">
            {axes.x.end[lang]}
            <span aria-hidden="true"> →</span>
          </p>
        </div>
        <p className="rb-axis rb-axis--bottom">
          <span aria-hidden="true">↓ </span>
          {axes.y.end[lang]}
        </p>
        {zoomable && <ZoomControls view={zoom.view} onIn={zoom.zoomIn} onOut={zoom.zoomOut} onFit={zoom.fit} />}
      </div>
      {screen && labelMode === 'numbers' && (
        <Suspense fallback={null}>
          <ScreenLegend cards={placed} numbers={numbers} />
        </Suspense>
      )}
      </div>
      {trajectories && <TrajectoryList cards={trajectoryIds ? cards.filter((c) => trajectoryIds.has(c.id)) : cards} template={template} />}
      {selected && (
        <SelectedCardPanel
          card={selected}
          template={template}
          mode={mode}
          notice={notice}
          onMove={onMove}
          onTarget={onTarget}
          onDone={() => onSelect(null)}
          others={cards}
          extra={selectedExtra?.(selected)}
        />
      )}
      <LiveRegion message={message} />
    </section>
  );
}
