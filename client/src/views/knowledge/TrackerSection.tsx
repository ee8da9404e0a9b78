import { useEffect, useId, useState } from 'react';
import { OWNER_MAX, PROPOSAL_STATUSES, type ProposalStatus } from '../../../../shared/method';
import type { TrackedProposal } from '../../../../shared/knowledge';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { TextField } from '../../components/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n } from '../../i18n';
import { KIND_KEYS, STATUS_KEYS, formatDate } from '../../method/proposalText';
import { FollowUpPanel } from './FollowUpPanel';
import { isoDay } from './format';
import { failure, useApiData } from './useApiData';

/** /kenniscentrum/voorstellen: every proposal of every workshop, filtered; the status can be changed here. */
export function TrackerSection() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t('kc.nav.tracker')} – ${t('kc.title')}`);
  const uid = useId();
  const [owner, setOwner] = useState('');
  const [appliedOwner, setAppliedOwner] = useState('');
  const [status, setStatus] = useState<ProposalStatus | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [saved, setSaved] = useState<Record<string, ProposalStatus>>({});
  const [error, setError] = useState<string | null>(null);
  const { message, announce } = useAnnouncer();

  // Typing the owner filters after a short pause, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setAppliedOwner(owner.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [owner]);

  const params = new URLSearchParams({ today: isoDay(Date.now()) });
  if (appliedOwner) params.set('owner', appliedOwner);
  if (status) params.set('status', status);
  if (overdue) params.set('overdue', 'true');
  const { state, reload } = useApiData<{ proposals: TrackedProposal[] }>(`/api/knowledge/proposals?${params}`);

  async function changeStatus(p: TrackedProposal, next: ProposalStatus) {
    setError(null);
    const before = saved[p.id] ?? p.status;
    setSaved((s) => ({ ...s, [p.id]: next }));
    try {
      await api(`/api/knowledge/proposals/${p.id}`, { method: 'PATCH', body: { status: next } });
      announce(t('kc.tracker.saved', { status: t(STATUS_KEYS[next]) }));
    } catch (err) {
      setSaved((s) => ({ ...s, [p.id]: before }));
      setError(failure(err));
    }
  }

  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;
  const proposals = state.kind === 'ready' ? state.data.proposals : [];

  return (
    <>
      <h1>{t('kc.nav.tracker')}</h1>
      <p className="rb-kc-intro">{t('kc.tracker.intro')}</p>
      {state.kind === 'error' && <ErrorAlert code={state.code} />}

      <form className="rb-kc-filters" aria-label={t('kc.workshops.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('proposal.owner')} type="search" value={owner} onValue={setOwner} maxLength={OWNER_MAX} autoComplete="off" />
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${uid}-status`}>
            {t('proposal.status')}
          </label>
          <select
            id={`${uid}-status`}
            className="utrecht-select rb-input"
            value={status}
            onChange={(e) => setStatus(e.target.value as ProposalStatus | '')}
          >
            <option value="">{t('kc.all')}</option>
            {PROPOSAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </div>
        <label className="rb-kc-check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t('kc.tracker.overdue')}
        </label>
      </form>

      <p className="rb-kc-count" role="status">
        {proposals.length === 1 ? t('kc.tracker.countOne') : t('kc.tracker.count', { count: proposals.length })}
      </p>
      <ErrorAlert code={error} />

      {proposals.length === 0 ? (
        <p>{t('kc.tracker.none')}</p>
      ) : (
        <div className="rb-kc-table-wrap" role="region" aria-labelledby={`${uid}-caption`} tabIndex={0}>
          <table className="utrecht-table rb-kc-table" data-testid="tracker-table">
            <caption id={`${uid}-caption`} className="utrecht-table__caption rb-sr-only">
              {t('kc.nav.tracker')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.proposal')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.workshop')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('proposal.owner')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.due')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('proposal.status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.alarms')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.late')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {proposals.map((p) => {
                const current = saved[p.id] ?? p.status;
                return (
                  <tr className="utrecht-table__row" key={p.id} data-proposal-id={p.id}>
                    <th scope="row" className="utrecht-table__header-cell rb-kc-rowhead">
                      <span className="rb-kc-tag">{t(KIND_KEYS[p.kind])}</span> {p.text}
                      {(p.barrierText || p.cardTitle) && (
                        <span className="rb-kc-sub">
                          {p.barrierText && `${t('proposal.aboutBarrier')}: ${p.barrierText}`}
                          {p.barrierText && p.cardTitle && '; '}
                          {p.cardTitle && `${t('proposal.aboutCard')}: ${p.cardTitle}`}
                        </span>
                      )}
                      <FollowUpPanel proposal={p} onChanged={reload} />
                    </th>
                    <td className="utrecht-table__cell">
                      <Link href={`/rapport/${p.workshopId}#item-${p.id}`}>{p.workshopTitle}</Link>
                    </td>
                    <td className="utrecht-table__cell">{p.owner || t('proposal.noOwner')}</td>
                    <td className="utrecht-table__cell rb-kc-nowrap">{p.dueDate ? formatDate(p.dueDate, lang) : t('proposal.noDate')}</td>
                    <td className="utrecht-table__cell">
                      <label className="rb-sr-only" htmlFor={`${uid}-s-${p.id}`}>
                        {t('kc.tracker.statusFor', { text: p.text })}
                      </label>
                      <select
                        id={`${uid}-s-${p.id}`}
                        className="utrecht-select rb-input rb-kc-select--small"
                        value={current}
                        onChange={(e) => void changeStatus(p, e.target.value as ProposalStatus)}
                      >
                        {PROPOSAL_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(STATUS_KEYS[s])}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="utrecht-table__cell">
                      {p.alarms.length === 0 ? (
                        t('kc.none')
                      ) : (
                        <ul className="rb-kc-plain-list">
                          {p.alarms.map((reason, i) => (
                            <li key={i}>
                              <span className="rb-kc-alarm" aria-hidden="true">
                                !
                              </span>{' '}
                              {t('alarm.word')}: {reason}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="utrecht-table__cell">
                      {p.overdue ? (
                        <strong className="rb-kc-late rb-kc-nowrap">
                          <span aria-hidden="true">! </span>
                          {t('kc.tracker.late')}
                        </strong>
                      ) : (
                        t('kc.no')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LiveRegion message={message} />
    </>
  );
}
