import { useCallback, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { CardView } from '../../../shared/board';
import { QUADRANT_CORNERS, cornerCentre, type Position, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import { LiveRegion, useAnnouncer } from '../components/LiveAnnouncer';
import { CardChip } from './CardChip';
import { KEY_STEP, KEY_STEP_LARGE, pointToUnit, roundPosition } from './geometry';
import { Quadrants } from './Quadrants';
import { SelectedCardPanel } from './SelectedCardPanel';
import { useCardAnnouncements } from './useCardAnnouncements';
import { useDrag } from './useDrag';

export interface BoardProps {
  template: Template;
  cards: CardView[];
  /** The first sync is done; before that the board may be incomplete. */
  loaded: boolean;
  /** Shared screen: large, no dragging, no selection, cards are not buttons. */
  readOnly?: boolean;
  large?: boolean;
  onMove?: (id: string, pos: Position) => void;
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
}

const noop = () => {};

/** Where a key sends a card, or null when the key is not ours. */
function keyTarget(e: KeyboardEvent, card: CardView): Position | null {
  const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
  switch (e.key) {
    case 'ArrowLeft':
      return { x: card.x - step, y: card.y };
    case 'ArrowRight':
      return { x: card.x + step, y: card.y };
    case 'ArrowUp':
      return { x: card.x, y: card.y - step };
    case 'ArrowDown':
      return { x: card.x, y: card.y + step };
    case '1':
    case '2':
    case '3':
    case '4':
      return cornerCentre(QUADRANT_CORNERS[Number(e.key) - 1]!);
    default:
      return null;
  }
}

/** The four-quadrant board with its cards: shared by facilitator, participant and shared screen. */
export function Board({ template, cards, loaded, readOnly, large, onMove = noop, selectedId = null, onSelect = noop }: BoardProps) {
  const { t, lang } = useI18n();
  const plane = useRef<HTMLDivElement>(null);
  const { message, announce } = useAnnouncer();
  useCardAnnouncements(cards, template, loaded, announce, t);
  const toggle = useCallback((id: string) => onSelect(selectedId === id ? null : id), [onSelect, selectedId]);
  const drag = useDrag(plane, onMove, toggle);
  const selected = readOnly ? undefined : cards.find((c) => c.id === selectedId);

  const onCardKey = useCallback(
    (card: CardView, e: KeyboardEvent<HTMLButtonElement>) => {
      if (e.key === 'Escape') {
        if (selectedId) {
          e.preventDefault();
          onSelect(null);
        }
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const pos = keyTarget(e, card);
      if (!pos) return;
      e.preventDefault();
      onMove(card.id, roundPosition(pos));
      if (selectedId !== card.id) onSelect(card.id);
    },
    [onMove, onSelect, selectedId],
  );

  /** Keyboard (Enter, Space) and assistive technology; pointer taps are handled by useDrag. */
  const onCardClick = (card: CardView) => {
    if (!drag.isPointerClick(card.id)) toggle(card.id);
  };

  /** Tap-to-place: with a card chosen, a tap on the board moves it there. */
  const onPlaneClick = (e: MouseEvent<HTMLDivElement>) => {
    if (readOnly || !selectedId || !plane.current) return;
    if (e.target instanceof Element && e.target.closest('[data-card-id]')) return;
    onMove(selectedId, roundPosition(pointToUnit(plane.current, e.clientX, e.clientY)));
  };

  const { axes } = template;
  return (
    <section
      className={`rb-board-section${large ? ' rb-board-section--large' : ''}`}
      aria-label={t('board.label', { name: template.name[lang] })}
    >
      {!readOnly && (
        <p className="rb-board-help">
          {t('board.instructions')} <span className="rb-board-help__keys">{t('board.keys')}</span>
        </p>
      )}
      <div className="rb-board" data-readonly={readOnly ? 'true' : undefined}>
        <p className="rb-axis rb-axis--top">
          <span aria-hidden="true">↑ </span>
          {axes.y.start[lang]}
        </p>
        <div
          ref={plane}
          data-testid="board"
          className={`rb-board__plane${selected ? ' rb-board__plane--placing' : ''}`}
          onClick={onPlaneClick}
        >
          <Quadrants template={template} />
          <ul className="rb-board__cards" aria-label={t('board.cards')}>
            {cards.map((card) => {
              const dragged = drag.active?.id === card.id ? drag.active.pos : null;
              const pos = dragged ?? card;
              return (
                <CardChip
                  key={card.id}
                  card={card}
                  template={template}
                  pos={pos}
                  readOnly={readOnly}
                  selected={card.id === selectedId}
                  dragging={dragged !== null}
                  onClick={() => onCardClick(card)}
                  onKeyDown={(e) => onCardKey(card, e)}
                  pointer={readOnly ? undefined : drag.handlers(card.id, card)}
                />
              );
            })}
          </ul>
          {!loaded && (
            <p className="rb-board__loading" role="status">
              {t('board.loading')}
            </p>
          )}
        </div>
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
      </div>
      {selected && <SelectedCardPanel card={selected} template={template} onMove={onMove} onDone={() => onSelect(null)} />}
      <LiveRegion message={message} />
    </section>
  );
}
