import type { KeyboardEvent } from 'react';
import type { CardView } from '../../../shared/board';
import { useI18n } from '../i18n';
import { KindIcon } from './CardChip';

interface Props {
  /** The unplaced cards, oldest first. */
  cards: CardView[];
  /** Shared screen: plain text, nothing to choose. */
  readOnly?: boolean;
  /** Cards can be placed now (mode 'move'); otherwise they can only be chosen and read. */
  canPlace?: boolean;
  selectedId?: string | null;
  onChoose?: (id: string) => void;
  onKeyDown?: (card: CardView, e: KeyboardEvent<HTMLButtonElement>) => void;
}

/**
 * The tray: cards that were added but are not on the board yet. They count in no
 * quadrant until someone places them; so new cards never stack in the middle.
 */
export function CardTray({ cards, readOnly, canPlace, selectedId, onChoose, onKeyDown }: Props) {
  const { t } = useI18n();
  if (cards.length === 0) return null;
  const kindOf = (card: CardView) => t(card.kind === 'domain' ? 'card.domain' : 'card.project');
  const hint = readOnly ? t('density.tray.hintScreen') : canPlace ? t('density.tray.hint') : t('density.tray.hintView');
  return (
    <section className="rb-tray" aria-labelledby="rb-tray-title" data-testid="card-tray">
      <h3 id="rb-tray-title" className="rb-tray__title">
        {t('density.tray.title', { count: cards.length })}
      </h3>
      <p className="rb-tray__hint">{hint}</p>
      <ul className="rb-tray__items">
        {cards.map((card) => (
          <li key={card.id} className="rb-tray__item">
            {readOnly ? (
              <span className={`rb-tray__card rb-tray__card--${card.kind}`} data-card-id={card.id}>
                <KindIcon kind={card.kind} />
                <span lang="nl">{card.title}</span>
              </span>
            ) : (
              <button
                type="button"
                className={`rb-tray__card rb-tray__card--${card.kind}${card.id === selectedId ? ' rb-tray__card--selected' : ''}`}
                data-card-id={card.id}
                data-unplaced="true"
                aria-pressed={card.id === selectedId}
                aria-label={t('density.unplacedName', { title: card.title, kind: kindOf(card) })}
                onClick={() => onChoose?.(card.id)}
                onKeyDown={(e) => onKeyDown?.(card, e)}
              >
                <KindIcon kind={card.kind} />
                <span>{card.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
