import { useId, useState, type FormEvent } from 'react';
import type { Comparison, HistoryPoint, Movement, RegisterDetail } from '../../../../shared/knowledge';
import { quadrantOf } from '../../../../shared/template';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n, type Translate } from '../../i18n';
import { spreadKey } from '../../method/spread';
import { formatDay, formatUnit } from './format';
import { PositionHistory } from './PositionHistory';
import { KIND_LABEL } from './RegisterSection';
import { useApiData } from './useApiData';

/** /kenniscentrum/register/:id: one domain or project, where it stood in each workshop, and what moved between two. */
export function RegisterEntrySection({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const uid = useId();
  const { state } = useApiData<RegisterDetail>(`/api/register/${id}`);
  const detail = state.kind === 'ready' ? state.data : null;
  useDocumentTitle(detail ? `${detail.entry.title} – ${t('kc.nav.register')}` : t('kc.nav.register'));

  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;
  if (!detail) {
    return (
      <>
        <h1>{t('kc.nav.register')}</h1>
        {state.kind === 'error' && <ErrorAlert code={state.code} />}
      </>
    );
  }
  const { entry, history } = detail;
  const kind = t(KIND_LABEL[entry.kind]);

  return (
    <>
      <p className="rb-back">
        <Link href="/kenniscentrum/register">
          <span aria-hidden="true">← </span>
          {t('kc.nav.register')}
        </Link>
      </p>
      <h1>{entry.title}</h1>
      <p className="rb-kc-meta">{entry.department ? t('kc.entry.kindDepartment', { kind, department: entry.department }) : kind}</p>
      {entry.description && <p className="rb-kc-intro">{entry.description}</p>}

      <section className="rb-panel" aria-labelledby={`${uid}-history`}>
        <h2 className="rb-panel__title" id={`${uid}-history`}>
          {t('kc.entry.historyTitle')}
        </h2>
        {history.length === 0 ? (
          <p>{t('kc.entry.noHistory')}</p>
        ) : (
          <div className="rb-kc-history-layout">
            <PositionHistory title={entry.title} kind={entry.kind} history={history} />
            <div className="rb-kc-table-wrap" role="region" aria-labelledby={`${uid}-caption`} tabIndex={0}>
              <table className="utrecht-table rb-kc-table" data-testid="history-table">
                <caption id={`${uid}-caption`} className="utrecht-table__caption rb-kc-caption rb-kc-caption--small">
                  {t('kc.entry.tableCaption')}
                </caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell rb-kc-num">
                      {t('kc.col.number')}
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.workshop')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.date')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.nowTarget')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.place')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.round')}</th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {history.map((h, i) => (
                    <tr className="utrecht-table__row" key={`${h.workshopId}-${h.cardId}`}>
                      <td className="utrecht-table__cell rb-kc-num">{i + 1}</td>
                      <th scope="row" className="utrecht-table__header-cell rb-kc-rowhead">
                        <Link href={`/rapport/${h.workshopId}#item-${h.cardId}`}>{h.workshopTitle}</Link>
                      </th>
                      <td className="utrecht-table__cell rb-kc-nowrap">{formatDay(h.workshopCreatedAt, lang)}</td>
                      <td className="utrecht-table__cell">
                        {quadrantOf(h.template, h.now).label} → {h.target ? quadrantOf(h.template, h.target).label : t('board.noTarget')}
                      </td>
                      <td className="utrecht-table__cell rb-kc-nowrap">
                        {t('kc.entry.place', { x: formatUnit(h.now.x, lang), y: formatUnit(h.now.y, lang) })}
                        {h.target && (
                          <>
                            {' → '}
                            {t('kc.entry.place', { x: formatUnit(h.target.x, lang), y: formatUnit(h.target.y, lang) })}
                          </>
                        )}
                      </td>
                      <td className="utrecht-table__cell">{roundFacts(h, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>

      <CompareSection entryId={entry.id} title={entry.title} history={history} />
    </>
  );
}

function roundFacts(h: HistoryPoint, t: Translate): string {
  if (h.rounds.length === 0) return t('kc.entry.noRound');
  return h.rounds
    .map((r) => {
      const facts = r.stats
        ? t('round.stats', {
            count: r.stats.count,
            quadrant: quadrantOf(h.template, r.stats.mean).label,
            spread: t(spreadKey(r.stats.spread)),
            pct: Math.round(r.stats.spread * 100),
          })
        : t('round.noPlacements');
      return t(r.mode === 'target' ? 'kc.entry.roundTarget' : 'kc.entry.roundNow', { facts });
    })
    .join(' ');
}

function movedText(m: Movement, t: Translate): string {
  if (m.moved === null) return t(m.from ? 'kc.compare.onlyFrom' : 'kc.compare.onlyTo');
  const pct = Math.round(m.moved * 100);
  const distance = pct === 0 ? t('kc.compare.notMoved') : t('kc.compare.moved', { pct });
  return `${distance}, ${t(m.quadrantChanged ? 'kc.compare.otherQuadrant' : 'kc.compare.sameQuadrant')}`;
}

/** "Wat is er verschoven sinds de vorige keer?": two workshops of this entry's history, compared. */
function CompareSection({ entryId, title, history }: { entryId: string; title: string; history: HistoryPoint[] }) {
  const { t, lang } = useI18n();
  const uid = useId();
  // One option per workshop, oldest first (an entry may be on a board twice).
  const workshops = [...new Map(history.map((h) => [h.workshopId, h])).values()];
  const last = workshops.at(-1)?.workshopId ?? '';
  const before = workshops.at(-2)?.workshopId ?? '';
  const [from, setFrom] = useState(before);
  const [to, setTo] = useState(last);
  const [pair, setPair] = useState<{ from: string; to: string } | null>(before && last ? { from: before, to: last } : null);
  const [formError, setFormError] = useState<string | null>(null);
  const { state } = useApiData<Comparison>(pair ? `/api/knowledge/compare?from=${pair.from}&to=${pair.to}` : null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (from === to) {
      setFormError(t('kc.compare.same'));
      return;
    }
    setFormError(null);
    setPair({ from, to });
  }

  const option = (h: HistoryPoint) => (
    <option key={h.workshopId} value={h.workshopId}>
      {h.workshopTitle} ({formatDay(h.workshopCreatedAt, lang)})
    </option>
  );
  const cmp = state.kind === 'ready' && pair && state.data.from.id === pair.from && state.data.to.id === pair.to ? state.data : null;
  const mine = cmp?.movements.find((m) => m.registerId === entryId) ?? null;
  const others = cmp?.movements.filter((m) => m.registerId !== entryId) ?? [];

  return (
    <section className="rb-panel rb-kc-compare" aria-labelledby={`${uid}-title`}>
      <h2 className="rb-panel__title" id={`${uid}-title`}>
        {t('kc.compare.title')}
      </h2>
      {workshops.length < 2 ? (
        <p>{t('kc.compare.needTwo')}</p>
      ) : (
        <>
          <form className="rb-kc-filters" onSubmit={submit} noValidate>
            <div className="rb-field">
              <label className="rb-field__label" htmlFor={`${uid}-from`}>
                {t('kc.compare.from')}
              </label>
              <select id={`${uid}-from`} className="utrecht-select rb-input" value={from} onChange={(e) => setFrom(e.target.value)}>
                {workshops.map(option)}
              </select>
            </div>
            <div className="rb-field">
              <label className="rb-field__label" htmlFor={`${uid}-to`}>
                {t('kc.compare.to')}
              </label>
              <select id={`${uid}-to`} className="utrecht-select rb-input" value={to} onChange={(e) => setTo(e.target.value)}>
                {workshops.map(option)}
              </select>
            </div>
            <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button">
              {t('kc.compare.submit')}
            </button>
          </form>
          {formError && (
            <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
              {formError}
            </p>
          )}
          {state.kind === 'error' && <ErrorAlert code={state.code} />}
          <div aria-busy={pair !== null && !cmp}>
            {pair && !cmp && state.kind !== 'error' && <p className="rb-loading">{t('app.loading')}</p>}
            {cmp && (
              <>
                <div className="rb-kc-highlight" data-testid="compare-this">
                  <h3>
                    {t('kc.compare.this')}: {title}
                  </h3>
                  {mine && (
                    <p>
                      {t('kc.compare.fromTo', {
                        from: mine.from?.quadrant ?? t('kc.compare.absent'),
                        to: mine.to?.quadrant ?? t('kc.compare.absent'),
                      })}
                      . {movedText(mine, t)}.
                    </p>
                  )}
                </div>
                <h3>{t('kc.compare.others')}</h3>
                {others.length === 0 ? (
                  <p>{t('kc.compare.nothingElse')}</p>
                ) : (
                  <div className="rb-kc-table-wrap" role="region" aria-label={t('kc.compare.others')} tabIndex={0}>
                    <table className="utrecht-table rb-kc-table" data-testid="compare-table">
                      <thead className="utrecht-table__header">
                        <tr className="utrecht-table__row">
                          <th className="utrecht-table__header-cell" scope="col">{t('kc.col.name')}</th>
                          <th className="utrecht-table__header-cell" scope="col">{t('kc.col.before')}</th>
                          <th className="utrecht-table__header-cell" scope="col">{t('kc.col.after')}</th>
                          <th className="utrecht-table__header-cell" scope="col">{t('kc.col.moved')}</th>
                        </tr>
                      </thead>
                      <tbody className="utrecht-table__body">
                        {others.map((m) => (
                          <tr className="utrecht-table__row" key={m.registerId}>
                            <th scope="row" className="utrecht-table__header-cell rb-kc-rowhead">
                              <Link href={`/kenniscentrum/register/${m.registerId}`}>{m.title}</Link>
                            </th>
                            <td className="utrecht-table__cell">{m.from?.quadrant ?? t('kc.compare.absent')}</td>
                            <td className="utrecht-table__cell">{m.to?.quadrant ?? t('kc.compare.absent')}</td>
                            <td className="utrecht-table__cell">{movedText(m, t)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
