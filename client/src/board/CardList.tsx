import type { CardView } from '../../../shared/board';
import { quadrantOf, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import { positionVars } from '../i18n/format';
import { KindIcon } from './CardChip';

/** All cards as plain text: readable without the board, in the order they were added. */
export function CardList({ cards, template }: { cards: CardView[]; template: Template }) {
  const { t, lang } = useI18n();
  return (
    <section className="rb-panel rb-card-list" aria-labelledby="rb-card-list-title">
      <h2 id="rb-card-list-title" className="rb-panel__title">
        {t('card.listTitle', { count: cards.length })}
      </h2>
      {cards.length === 0 ? (
        <p>{t('card.listEmpty')}</p>
      ) : (
        <ul className="rb-card-list__items">
          {cards.map((card) => (
            <li key={card.id} className="rb-card-list__item">
              <KindIcon kind={card.kind} />
              <span>
                <span className="rb-card-list__title">{card.title}</span>
                <span className="rb-card-list__meta">
                  {card.pos
                    ? t('card.listItem', {
                        kind: t(card.kind === 'domain' ? 'card.domain' : 'card.project'),
                        quadrant: quadrantOf(template, card.pos).label,
                        ...positionVars(card.pos, lang),
                      })
                    : t('density.listItemUnplaced', { kind: t(card.kind === 'domain' ? 'card.domain' : 'card.project') })}
                  {card.target && (
                    <>
                      {' '}
                      <span aria-hidden="true">→</span> {t('card.listTarget', { quadrant: quadrantOf(template, card.target).label })}
                    </>
                  )}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
