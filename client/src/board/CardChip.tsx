import type { FocusEvent, KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import type { CardView } from '../../../shared/board';
import { quadrantOf, type Position, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';

export interface CardChipProps {
  card: CardView;
  template: Template;
  /** Where to draw it (differs from the card while it is dragged). */
  pos: Position;
  readOnly?: boolean;
  /** Can be dragged; otherwise a press only chooses the card. */
  movable?: boolean;
  selected?: boolean;
  dragging?: boolean;
  onClick?: (e: MouseEvent<HTMLButtonElement>) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLButtonElement>) => void;
  /** The phone's zoomed board brings a focused card into view. */
  onFocus?: (e: FocusEvent<HTMLButtonElement>) => void;
  pointer?: {
    onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    onPointerMove: (e: PointerEvent<HTMLElement>) => void;
    onPointerUp: (e: PointerEvent<HTMLElement>) => void;
    onPointerCancel: (e: PointerEvent<HTMLElement>) => void;
  };
}

/** The shape tells the kind apart without colour: a circle for a domain, a square for a project. */
export function KindIcon({ kind }: { kind: CardView['kind'] }) {
  return <span className={`rb-kind-icon rb-kind-icon--${kind}`} aria-hidden="true" />;
}

/** One card on the board: a button when the board can be edited, plain text on the shared screen. */
export function CardChip(props: CardChipProps) {
  const { card, template, pos, readOnly, movable = true, selected, dragging, onClick, onKeyDown, onFocus, pointer } = props;
  const { t } = useI18n();
  const kind = t(card.kind === 'domain' ? 'card.domain' : 'card.project');
  const quadrant = quadrantOf(template, pos).label;
  const name = card.target
    ? t('board.cardNameTarget', { title: card.title, kind, quadrant, target: quadrantOf(template, card.target).label })
    : t('board.cardName', { title: card.title, kind, quadrant });
  const classes = [
    'rb-card',
    `rb-card--${card.kind}`,
    readOnly || !movable ? 'rb-card--static' : '',
    selected ? 'rb-card--selected' : '',
    dragging ? 'rb-card--dragging' : '',
  ].join(' ');
  // The anchor inside the card moves with the position, so a card at 0 or 1 stays on the board
  // and its middle is always on the same side of the centre lines as its position.
  const style = {
    left: `${pos.x * 100}%`,
    top: `${pos.y * 100}%`,
    transform: `translate(${-pos.x * 100}%, ${-pos.y * 100}%)`,
  };
  const body = (
    <>
      <KindIcon kind={card.kind} />
      <span className="rb-card__text">
        <span className="rb-card__title">{card.title}</span>
        {/* A space between the lines, so the visible text reads "title kind" (as in the name). */}{' '}
        <span className="rb-card__kind">{kind}</span>
      </span>
    </>
  );

  if (readOnly) {
    return (
      <li className="rb-card-slot">
        {/* One image-like object with one name: title, kind and quadrant (as on the buttons). */}
        <div className={classes} style={style} data-card-id={card.id} role="img" aria-label={name}>
          {body}
        </div>
      </li>
    );
  }

  return (
    <li className="rb-card-slot">
      <button
        type="button"
        className={classes}
        style={style}
        data-card-id={card.id}
        aria-label={name}
        aria-pressed={selected ?? false}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        {...pointer}
      >
        {body}
      </button>
    </li>
  );
}
