import { useId, useState } from 'react';
import type { CardView } from '../../../shared/board';
import { QUADRANT_CORNERS, cornerOf, quadrantOf, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import { positionVars } from '../i18n/format';
import { TextField } from '../components/TextField';
import { KindIcon } from './CardChip';

interface Props {
  cards: CardView[];
  template: Template;
  /** The card chosen on the board. */
  selectedId?: string | null;
  /** Choose a card (or, for the chosen one, let it go); without it the list is text only. */
  onChoose?: (id: string) => void;
  /** Cards added on this device: listed first, as "Mijn kaarten". */
  mine?: ReadonlySet<string>;
}

/** For searching: lower case, without accents ("coöperatie" is found by "cooperatie"). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

interface Group {
  key: string;
  title: string;
  cards: CardView[];
}

/**
 * Every card as a button, so a card hidden under others on a small board can still be chosen:
 * a search field, this device's own cards first, then the cards per quadrant and the unplaced
 * ones. Choosing a card chooses it on the board (the board zooms in on it).
 */
export function CardList({ cards, template, selectedId = null, onChoose, mine }: Props) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const id = useId();
  const wanted = fold(query.trim());
  // Alphabetical within each group: a title is found where a reader looks for it.
  const found = (wanted ? cards.filter((c) => fold(`${c.title} ${c.department}`).includes(wanted)) : cards)
    .slice()
    .sort((a, b) => a.title.localeCompare(b.title, lang));

  const own = found.filter((c) => mine?.has(c.id));
  const rest = found.filter((c) => !mine?.has(c.id));
  const groups: Group[] = [];
  if (own.length) groups.push({ key: 'mine', title: t('density.list.mine', { count: own.length }), cards: own });
  for (const corner of QUADRANT_CORNERS) {
    const inQuadrant = rest.filter((c) => c.pos && cornerOf(c.pos) === corner);
    const quadrant = template.quadrants.find((q) => q.corner === corner)!;
    if (inQuadrant.length) groups.push({ key: corner, title: t('density.list.group', { quadrant: quadrant.label, count: inQuadrant.length }), cards: inQuadrant });
  }
  const unplaced = rest.filter((c) => !c.pos);
  if (unplaced.length) groups.push({ key: 'unplaced', title: t('density.list.group', { quadrant: t('density.unplaced'), count: unplaced.length }), cards: unplaced });

  const kindOf = (card: CardView) => t(card.kind === 'domain' ? 'card.domain' : 'card.project');
  const meta = (card: CardView) => (
    <span className="rb-card-list__meta">
      {card.pos
        ? t('card.listItem', { kind: kindOf(card), quadrant: quadrantOf(template, card.pos).label, ...positionVars(card.pos, lang) })
        : t('density.listItemUnplaced', { kind: kindOf(card) })}
      {card.target && (
        <>
          {' '}
          <span aria-hidden="true">→</span> {t('card.listTarget', { quadrant: quadrantOf(template, card.target).label })}
        </>
      )}
    </span>
  );

  return (
    <section className="rb-panel rb-card-list" aria-labelledby={`${id}-title`} data-testid="card-list">
      <h2 id={`${id}-title`} className="rb-panel__title">
        {t('card.listTitle', { count: cards.length })}
      </h2>
      {cards.length === 0 ? (
        <p>{t('card.listEmpty')}</p>
      ) : (
        <>
          <TextField
            className="rb-card-list__search"
            type="search"
            label={t('density.list.search')}
            hint={t('density.list.searchHint')}
            value={query}
            onValue={setQuery}
            autoComplete="off"
            enterKeyHint="search"
          />
          {/* Polite: typing is not interrupted, the count is heard when it settles. */}
          <p className="rb-card-list__count" role="status">
            {wanted ? (found.length ? t('density.list.found', { count: found.length, total: cards.length }) : t('density.list.none', { query: query.trim() })) : ''}
          </p>
          {groups.map((group) => (
            <div key={group.key} className="rb-card-list__group">
              <h3 id={`${id}-${group.key}`} className="rb-card-list__group-title">
                {group.title}
              </h3>
              <ul className="rb-card-list__items" aria-labelledby={`${id}-${group.key}`}>
                {group.cards.map((card) => (
                  <li key={card.id} className="rb-card-list__item">
                    {onChoose ? (
                      <button
                        type="button"
                        className={`rb-card-list__choose${card.id === selectedId ? ' rb-card-list__choose--selected' : ''}`}
                        data-list-card-id={card.id}
                        aria-pressed={card.id === selectedId}
                        onClick={() => onChoose(card.id)}
                      >
                        <KindIcon kind={card.kind} />
                        <span>
                          <span className="rb-card-list__title">{card.title}</span>
                          {meta(card)}
                        </span>
                      </button>
                    ) : (
                      <>
                        <KindIcon kind={card.kind} />
                        <span>
                          <span className="rb-card-list__title">{card.title}</span>
                          {meta(card)}
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
