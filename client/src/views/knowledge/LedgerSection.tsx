import { useId, useState } from 'react';
import type { Ledger, LedgerBarrier, LedgerGroup } from '../../../../shared/knowledge';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n } from '../../i18n';
import { formatDay } from './format';
import { failure, useApiData } from './useApiData';

/** /kenniscentrum/drempels: barriers linked across workshops with their votes over time, and look-alikes to link. */
export function LedgerSection() {
  const { t } = useI18n();
  useDocumentTitle(`${t('kc.nav.ledger')} – ${t('kc.title')}`);
  const uid = useId();
  const { state, reload } = useApiData<Ledger>('/api/knowledge/barriers');
  const { message, announce } = useAnnouncer();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(request: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    try {
      await request();
      announce(done);
      reload();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;
  const ledger = state.kind === 'ready' ? state.data : { groups: [], suggestions: [] };

  const unlink = (b: LedgerBarrier) =>
    void act(() => api('/api/knowledge/barriers/unlink', { method: 'POST', body: { barrierId: b.barrierId } }), t('kc.ledger.unlinked'));
  const link = (a: LedgerBarrier, b: LedgerBarrier) =>
    void act(
      () => api('/api/knowledge/barriers/link', { method: 'POST', body: { barrierIds: [a.barrierId, b.barrierId] } }),
      t('kc.ledger.linked'),
    );

  return (
    <>
      <h1>{t('kc.nav.ledger')}</h1>
      <p className="rb-kc-intro">{t('kc.ledger.intro')}</p>
      {state.kind === 'error' && <ErrorAlert code={state.code} />}
      <ErrorAlert code={error} />

      <section className="rb-kc-section" aria-labelledby={`${uid}-groups`}>
        <h2 id={`${uid}-groups`}>{t('kc.ledger.groupsTitle', { count: ledger.groups.length })}</h2>
        {ledger.groups.length === 0 ? (
          <p>{t('kc.ledger.noGroups')}</p>
        ) : (
          ledger.groups.map((g) => <GroupTable key={g.ledgerId} group={g} busy={busy} onUnlink={unlink} />)
        )}
      </section>

      <section className="rb-kc-section" aria-labelledby={`${uid}-suggestions`}>
        <h2 id={`${uid}-suggestions`}>{t('kc.ledger.suggestionsTitle', { count: ledger.suggestions.length })}</h2>
        {ledger.suggestions.length === 0 ? (
          <p>{t('kc.ledger.noSuggestions')}</p>
        ) : (
          <>
            <p>{t('kc.ledger.suggestionsIntro')}</p>
            <ul className="rb-kc-suggestions" data-testid="ledger-suggestions">
              {ledger.suggestions.map((s) => (
                <li key={`${s.a.barrierId}-${s.b.barrierId}`} className="rb-kc-suggestion">
                  <div className="rb-kc-suggestion__pair">
                    {[s.a, s.b].map((b) => (
                      <p key={b.barrierId}>
                        <strong>{b.text}</strong>{' '}
                        <span className="rb-kc-muted">
                          ({b.workshopTitle}, <BarrierReportLink barrier={b} />)
                        </span>
                      </p>
                    ))}
                  </div>
                  <p className="rb-kc-suggestion__score">{t('kc.ledger.similar', { pct: Math.round(s.similarity * 100) })}</p>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--primary-action rb-button rb-button--small"
                    disabled={busy}
                    aria-label={t('kc.ledger.linkNamed', { a: s.a.text, b: s.b.text })}
                    onClick={() => link(s.a, s.b)}
                  >
                    {t('kc.ledger.link')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <LiveRegion message={message} />
    </>
  );
}

function BarrierReportLink({ barrier }: { barrier: LedgerBarrier }) {
  const { lang } = useI18n();
  return <Link href={`/rapport/${barrier.workshopId}#item-${barrier.barrierId}`}>{formatDay(barrier.workshopCreatedAt, lang)}</Link>;
}

/** One recurring barrier: its votes per workshop (number and bar), oldest first, and the total. */
function GroupTable({ group, busy, onUnlink }: { group: LedgerGroup; busy: boolean; onUnlink: (b: LedgerBarrier) => void }) {
  const { t, lang } = useI18n();
  const uid = useId();
  const max = Math.max(1, ...group.barriers.map((b) => b.votes));
  const first = group.barriers[0];
  return (
    <article className="rb-panel rb-kc-group" aria-labelledby={`${uid}-title`} data-testid="ledger-group">
      <h3 id={`${uid}-title`}>{first?.text}</h3>
      <div className="rb-kc-table-wrap" role="region" aria-labelledby={`${uid}-title`} tabIndex={0}>
        <table className="utrecht-table rb-kc-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t('kc.col.workshop')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('kc.col.date')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('kc.col.barrier')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('kc.col.votes')}</th>
              <th className="utrecht-table__header-cell" scope="col">
                <span className="rb-sr-only">{t('kc.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {group.barriers.map((b) => (
              <tr className="utrecht-table__row" key={b.barrierId}>
                <th scope="row" className="utrecht-table__header-cell rb-kc-rowhead">
                  <Link href={`/rapport/${b.workshopId}#item-${b.barrierId}`}>{b.workshopTitle}</Link>
                </th>
                <td className="utrecht-table__cell rb-kc-nowrap">{formatDay(b.workshopCreatedAt, lang)}</td>
                <td className="utrecht-table__cell">{b.text}</td>
                <td className="utrecht-table__cell">
                  <span className="rb-kc-bar">
                    <span className="rb-kc-bar__track" aria-hidden="true">
                      <span className="rb-kc-bar__fill" style={{ inlineSize: `${(b.votes / max) * 100}%` }} />
                    </span>
                    <span className="rb-kc-bar__value">{b.votes}</span>
                  </span>
                </td>
                <td className="utrecht-table__cell">
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                    disabled={busy}
                    aria-label={t('kc.ledger.unlinkNamed', { text: b.text, workshop: b.workshopTitle })}
                    onClick={() => onUnlink(b)}
                  >
                    {t('kc.ledger.unlink')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row">
              <td colSpan={5} className="utrecht-table__cell rb-kc-total">
                {group.totalVotes === 1 ? t('kc.ledger.totalOne') : t('kc.ledger.total', { count: group.totalVotes })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </article>
  );
}
