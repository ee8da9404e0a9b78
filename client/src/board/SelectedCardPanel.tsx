import { useId, type ReactNode } from 'react';
import type { CardView } from '../../../shared/board';
import { freeSpotIn } from '../../../shared/boardLayout';
import {
  QUADRANT_CORNERS,
  cornerOf,
  quadrantOf,
  type Position,
  type QuadrantCorner,
  type Template,
} from '../../../shared/template';
import { useI18n } from '../i18n';
import { positionVars } from '../i18n/format';
import type { BoardMode } from './Board';
import { KindIcon } from './CardChip';

interface Props {
  card: CardView;
  template: Template;
  mode: BoardMode;
  notice?: string | null;
  onMove: (id: string, pos: Position) => void;
  onTarget: (id: string, pos: Position | null) => void;
  onDone: () => void;
  /** The other cards, so "put in quadrant" picks a free spot instead of stacking. */
  others: CardView[];
  extra?: ReactNode;
}

const NO_TARGET = 'none';

function isCorner(v: string): v is QuadrantCorner {
  return (QUADRANT_CORNERS as readonly string[]).includes(v);
}

/** Details of the chosen card, with a non-dragging way to move it (or its target) to another quadrant. */
export function SelectedCardPanel({ card, template, mode, notice, onMove, onTarget, onDone, extra, others }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const placedOthers = others.flatMap((c) => (c.pos && c.id !== card.id ? [c.pos] : []));
  const targetsOfOthers = others.flatMap((c) => (c.target && c.id !== card.id ? [c.target] : []));
  const target = card.target ? quadrantOf(template, card.target).label : null;
  const options = QUADRANT_CORNERS.map((c) => (
    <option key={c} value={c}>
      {template.quadrants.find((q) => q.corner === c)?.label}
    </option>
  ));
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
      {card.department && <p>{t('card.departmentShown', { department: card.department })}</p>}
      {card.description && <p className="rb-selected__description">{card.description}</p>}
      <p>
        {card.pos
          ? t('board.selectedIn', { quadrant: quadrantOf(template, card.pos).label, ...positionVars(card.pos, lang) })
          : t('density.selectedUnplaced')}
      </p>
      {target && <p>{t('board.selectedTarget', { quadrant: target })}</p>}
      {mode === 'view' && notice && <p className="rb-selected__hint">{notice}</p>}
      {mode === 'move' && (
        <>
          <p className="rb-selected__hint">{t('board.tapHint')}</p>
          <div className="rb-field">
            <label className="rb-field__label" htmlFor={`${id}-move`}>
              {card.pos ? t('board.moveTo') : t('density.placeIn')}
            </label>
            <select
              id={`${id}-move`}
              className="utrecht-select rb-input"
              value={card.pos ? cornerOf(card.pos) : NO_TARGET}
              onChange={(e) => {
                const value = e.target.value;
                if (isCorner(value)) onMove(card.id, freeSpotIn(value, placedOthers));
              }}
            >
              {!card.pos && (
                <option value={NO_TARGET} disabled>
                  {t('density.chooseQuadrant')}
                </option>
              )}
              {options}
            </select>
          </div>
        </>
      )}
      {mode === 'target' && (
        <>
          <p className="rb-selected__hint">{t('board.targetTapHint')}</p>
          <div className="rb-field">
            <label className="rb-field__label" htmlFor={`${id}-target`}>
              {t('board.targetTo')}
            </label>
            <select
              id={`${id}-target`}
              className="utrecht-select rb-input"
              value={card.target ? cornerOf(card.target) : NO_TARGET}
              onChange={(e) => {
                const value = e.target.value;
                if (value === NO_TARGET) onTarget(card.id, null);
                else if (isCorner(value)) onTarget(card.id, freeSpotIn(value, targetsOfOthers));
              }}
            >
              <option value={NO_TARGET}>{t('board.noTarget')}</option>
              {options}
            </select>
          </div>
        </>
      )}
      <div className="rb-actions">
        {extra}
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={onDone}>
          {t('board.done')}
        </button>
      </div>
    </section>
  );
}
