import type { Alarm, Barrier } from '../../../shared/method';
import type { TallyEntry } from '../../../shared/voting';
import { useI18n } from '../i18n';
import { AlarmBadges, alarmsFor } from './AlarmBadge';

interface Props {
  ranked: TallyEntry[];
  barriers: Barrier[];
  alarms: Alarm[];
  large?: boolean;
  /** When `ranked` is one page of the results: the most votes and the total of all of them. */
  of?: { maxVotes: number; totalVotes: number };
  /** Shown after the title, e.g. "pagina 2 van 3". */
  pageLabel?: string;
}

/** The revealed vote: every barrier by votes, most first, with the number and a bar (0 votes included). */
export function ResultsList({ ranked, barriers, alarms, large, of, pageLabel }: Props) {
  const { t } = useI18n();
  const byId = new Map(barriers.map((b) => [b.id, b]));
  const rows = ranked.filter((r) => byId.has(r.barrierId));
  const max = Math.max(1, of?.maxVotes ?? 0, ...rows.map((r) => r.votes));
  const total = of?.totalVotes ?? rows.reduce((s, r) => s + r.votes, 0);
  return (
    <section className={`rb-panel rb-results${large ? ' rb-results--large' : ''}`} aria-labelledby="rb-results-title" data-testid="results">
      <h2 className="rb-panel__title" id="rb-results-title">
        {t('results.title')}
        {pageLabel && <span className="rb-screen-page__inline"> · {pageLabel}</span>}
      </h2>
      <p className="rb-results__total">{total === 1 ? t('results.totalOne') : t('results.total', { count: total })}</p>
      <ol className="rb-results__list">
        {rows.map((r) => {
          const barrier = byId.get(r.barrierId)!;
          return (
            <li key={r.barrierId} className="rb-results__row">
              <span className="rb-results__rank" aria-hidden="true">
                {r.rank}
              </span>
              <span className="rb-results__main">
                <span className="rb-results__text">{barrier.text}</span>
                <span className="rb-results__bar" aria-hidden="true">
                  <span className="rb-results__fill" style={{ width: `${(r.votes / max) * 100}%` }} />
                </span>
                <AlarmBadges alarms={alarmsFor(alarms, 'barrier', barrier.id)} large={large} />
              </span>
              <span className="rb-results__votes">
                <strong className="rb-results__number">{r.votes}</strong>{' '}
                <span className="rb-results__unit">{t(r.votes === 1 ? 'results.vote' : 'results.votes')}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
