import type { ReactNode } from 'react';
import type { CardView } from '../../../shared/board';
import type { RoundCardResult, RoundView } from '../../../shared/protocol';
import { quadrantOf, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import { Board } from '../board/Board';
import { RoundOverlay } from './RoundOverlay';
import { spreadKey } from './spread';

interface Props {
  round: RoundView;
  cards: CardView[];
  template: Template;
  large?: boolean;
  /** Show the board with the dots (default true). */
  showBoard?: boolean;
  /** Facilitator: an action per card ("Gemiddelde overnemen"). */
  action?: (result: RoundCardResult) => ReactNode;
}


/** After the reveal: everybody's dots, the mean and the spread per card; widest disagreement first. */
export function RoundResults({ round, cards, template, large, showBoard = true, action }: Props) {
  const { t } = useI18n();
  const results = round.results ?? [];
  const titles = new Map(cards.map((c) => [c.id, c.title]));
  const question = t(round.round?.mode === 'target' ? 'round.modeTarget' : 'round.modeNow');
  return (
    <section
      className={`rb-round-results ${large ? 'rb-round-results--large' : showBoard ? 'rb-panel' : ''}`}
      aria-labelledby="rb-round-results-title"
    >
      <h2 className="rb-panel__title" id="rb-round-results-title">
        {t('round.resultsTitle')}: {question}
      </h2>
      {showBoard && (
        <Board
          template={template}
          cards={[]}
          loaded
          readOnly
          large={large}
          trajectories={false}
          testId="round-results-board"
          label={t('round.resultsBoard')}
          overlay={(size) => <RoundOverlay results={results} size={size} large={large} />}
        />
      )}
      <div className="rb-round-results__side">
        <p className="rb-round-results__order">{t('round.byspread')}</p>
        <ol className="rb-round-results__list" data-testid="round-results">
          {results.map((r, i) => (
            <li key={r.cardId} className={`rb-round-results__row rb-hue-${i % 6}`}>
              <span className="rb-round-results__badge" aria-hidden="true">
                {i + 1}
              </span>
              <span className="rb-round-results__main">
                <strong>{titles.get(r.cardId) ?? t('round.unknownCard')}</strong>
                <span className="rb-round-results__facts">
                  {r.stats
                    ? t('round.stats', {
                        count: r.stats.count,
                        quadrant: quadrantOf(template, r.stats.mean).label,
                        spread: t(spreadKey(r.stats.spread)),
                        pct: Math.round(r.stats.spread * 100),
                      })
                    : t('round.noPlacements')}
                </span>
              </span>
              {action?.(r)}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
