import { useEffect, useId, useState, type FormEvent } from 'react';
import { DUE_REASON_MAX, PROGRESS_NOTE_MAX, type OwnerAction } from '../../../shared/followUp';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/method';
import { ErrorAlert } from '../components/ErrorAlert';
import { LiveRegion, useAnnouncer } from '../components/LiveAnnouncer';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useI18n } from '../i18n';
import '../i18n/followUp';
import { KIND_KEYS, STATUS_KEYS, formatDate } from '../method/proposalText';
import { formatDay } from './knowledge/format';
import { HistoryList } from './followUp/HistoryList';
import '../styles/followUp.css';

const TOKEN_KEY = 'regiebord.ownerToken';

/**
 * The token arrives in the fragment (/actie#a.…), which browsers never send to
 * a server. It is taken out of the address bar at once (not on screen, not in
 * a shared screenshot) and kept for this tab only, so a reload still works.
 */
function takeOwnerToken(): string {
  const fromHash = location.hash.slice(1);
  if (fromHash) {
    history.replaceState(history.state, '', location.pathname + location.search);
    try {
      sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Private mode: works until the page is reloaded.
    }
    return fromHash;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The owner routes take the token as a bearer header; nothing else does. */
async function ownerApi<T>(token: string, path: string, body?: unknown): Promise<{ status: number; data: T | null; code: string | null }> {
  try {
    const res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'omit',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as (T & { error?: { code?: string } }) | null;
    return { status: res.status, data: res.ok ? json : null, code: res.ok ? null : (json?.error?.code ?? 'INTERNAL') };
  } catch {
    return { status: 0, data: null, code: 'NETWORK' };
  }
}

/** /actie#<token>: an action owner without an account sees the action point and reports progress. */
export default function Owner() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('fu.owner.title'));
  const uid = useId();
  const [token] = useState(takeOwnerToken);
  const [action, setAction] = useState<OwnerAction | null>(null);
  const [refused, setRefused] = useState(!token);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<ProposalStatus>('open');
  const [note, setNote] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [dueReason, setDueReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { message, announce } = useAnnouncer();

  function show(a: OwnerAction) {
    setAction(a);
    setStatus(a.proposal.status);
  }

  useEffect(() => {
    if (!token) return;
    void ownerApi<OwnerAction>(token, '/api/owner/action').then((r) => {
      if (r.data) show(r.data);
      else if (r.status === 401 || r.status === 404) setRefused(true);
      else setError(r.code);
    });
  }, [token]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!action) return;
    const changedStatus = status !== action.proposal.status;
    if (dueDate && !dueReason.trim()) return setFormError(t('fu.owner.dueReasonNeeded'));
    if (!changedStatus && !note.trim() && !dueDate) return setFormError(t('fu.owner.nothing'));
    setFormError(null);
    setBusy(true);
    const body = { ...(changedStatus ? { status } : {}), note: note.trim(), ...(dueDate ? { dueDate, dueReason: dueReason.trim() } : {}) };
    const r = await ownerApi<{ action: OwnerAction }>(token, '/api/owner/progress', body);
    setBusy(false);
    if (r.data) {
      show(r.data.action);
      setNote('');
      setDueDate('');
      setDueReason('');
      announce(t('fu.owner.saved'));
    } else if (r.status === 401) setRefused(true);
    else setError(r.code);
  }

  if (refused) {
    return (
      <div className="rb-page rb-page--narrow">
        <h1>{t('fu.owner.title')}</h1>
        <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
          {t('fu.owner.noLink')}
        </p>
      </div>
    );
  }
  if (!action) return error ? <ErrorAlert code={error} /> : <p className="rb-loading">{t('app.loading')}</p>;
  const p = action.proposal;

  return (
    <div className="rb-page rb-page--narrow rb-fu-owner">
      <h1>{t('fu.owner.title')}</h1>
      <p>{t('fu.owner.intro')}</p>
      <section className="rb-fu-card" aria-labelledby={`${uid}-action`}>
        <h2 id={`${uid}-action`} className="rb-fu-action">
          <span className="rb-fu-tag">{t(KIND_KEYS[p.kind])}</span> {p.text}
        </h2>
        <dl className="rb-fu-facts">
          <dt>{t('proposal.owner')}</dt>
          <dd>{p.owner || t('proposal.noOwner')}</dd>
          <dt>{t('proposal.status')}</dt>
          <dd>{t(STATUS_KEYS[p.status])}</dd>
          <dt>{t('proposal.due')}</dt>
          <dd>{p.dueDate ? formatDate(p.dueDate, lang) : t('proposal.noDate')}</dd>
        </dl>
        <h3>{t('fu.owner.context')}</h3>
        <dl className="rb-fu-facts">
          <dt>{t('fu.owner.workshop')}</dt>
          <dd>
            {action.workshop.title} ({formatDay(action.workshop.createdAt, lang)})
          </dd>
          {action.cardTitle && (
            <>
              <dt>{t('fu.owner.card')}</dt>
              <dd>{action.cardTitle}</dd>
            </>
          )}
          {action.barrierText && (
            <>
              <dt>{t('fu.owner.barrier')}</dt>
              <dd>{action.barrierText}</dd>
            </>
          )}
          {action.alarms.length > 0 && (
            <>
              <dt>{t('fu.owner.alarms')}</dt>
              <dd>
                <ul className="rb-fu-plain-list">
                  {action.alarms.map((a, i) => (
                    <li key={i}>
                      <span aria-hidden="true">! </span>
                      {a}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby={`${uid}-form`}>
        <h2 id={`${uid}-form`}>{t('fu.owner.formTitle')}</h2>
        <form className="rb-form" onSubmit={submit} aria-busy={busy} noValidate>
          <fieldset className="rb-fu-statuses">
            <legend>{t('fu.owner.status')}</legend>
            {PROPOSAL_STATUSES.map((s) => (
              <label key={s} className="rb-fu-radio">
                <input type="radio" name={`${uid}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
                {t(STATUS_KEYS[s])}
              </label>
            ))}
          </fieldset>
          <TextArea label={t('fu.owner.note')} hint={t('fu.owner.noteHint')} value={note} onValue={setNote} maxLength={PROGRESS_NOTE_MAX} rows={4} />
          <TextField label={t('fu.owner.newDue')} type="date" value={dueDate} onValue={setDueDate} />
          {dueDate && <TextField label={t('fu.owner.dueReason')} value={dueReason} onValue={setDueReason} maxLength={DUE_REASON_MAX} required />}
          {formError && (
            <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
              {formError}
            </p>
          )}
          <ErrorAlert code={error} />
          <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={busy}>
            {busy ? t('form.busy') : t('fu.owner.submit')}
          </button>
        </form>
      </section>

      <section aria-labelledby={`${uid}-history`}>
        <h2 id={`${uid}-history`}>{t('fu.history.title')}</h2>
        <HistoryList history={action.history} headingId={`${uid}-history`} />
      </section>
      <p className="rb-fu-sub">{t('fu.owner.validUntil', { date: formatDay(action.expiresAt, lang) })}</p>
      <LiveRegion message={message} />
    </div>
  );
}
