import { useId } from 'react';
import type { CardView } from '../../../shared/board';
import {
  QUADRANT_CORNERS,
  cornerCentre,
  cornerOf,
  quadrantOf,
  type Position,
  type QuadrantCorner,
  type Template,
} from '../../../shared/template';
import { useI18n } from '../i18n';
import { KindIcon } from './CardChip';

interface Props {
  card: CardView;
  template: Template;
  onMove: (id: string, pos: Position) => void;
  onDone: () => void;
}

function isCorner(v: string): v is QuadrantCorner {
  return (QUADRANT_CORNERS as readonly string[]).includes(v);
}

/** Details of the chosen card, with a non-dragging way to move it to another quadrant. */
export function SelectedCardPanel({ card, template, onMove, onDone }: Props) {
  const { t } = useI18n();
  const id = useId();
  const corner = cornerOf(card);
  const quadrant = quadrantOf(template, card).label;
  return (
    <section className="rb-selected" aria-labelledby={`${id}-title`} data-testid="selected-card">
      <h3 className="rb-selected__heading" id={`${id}-title`}>
        {t('board.selectedTitle')}
      </h3>
      <p className="rb-selected__card">
        <KindIcon kind={card.kind} />
        <strong>{card.title}</strong>
        <span className="rb-selected__kind">({t(card.kind === 'domain' ? 'card.domain' : 'card.project')})</span>
      </p>
      <p>{t('board.selectedIn', { quadrant })}</p>
      <p className="rb-selected__hint">{t('board.tapHint')}</p>
      <div className="rb-field">
        <label className="rb-field__label" htmlFor={`${id}-move`}>
          {t('board.moveTo')}
        </label>
        <select
          id={`${id}-move`}
          className="rb-input rb-select"
          value={corner}
          onChange={(e) => {
            const value = e.target.value;
            if (isCorner(value)) onMove(card.id, cornerCentre(value));
          }}
        >
          {QUADRANT_CORNERS.map((c) => (
            <option key={c} value={c}>
              {template.quadrants.find((q) => q.corner === c)?.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="rb-button rb-button--secondary" onClick={onDone}>
        {t('board.done')}
      </button>
    </section>
  );
}
