import { useId, useState } from 'react';
import { OWNER_MAX } from '../../../../shared/method';
import { PROGRESS_NOTE_MAX, type OwnerLinkCreated, type ProposalFollowUp } from '../../../../shared/followUp';
import type { TrackedProposal } from '../../../../shared/knowledge';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n';
import '../../i18n/followUp';
import '../../styles/followUp.css';
import { HistoryList } from '../followUp/HistoryList';
import { formatDay } from './format';
import { failure, useApiData } from './useApiData';

/**
 * A proposal's follow-up in the tracker: assign the owner and hand out their
 * update link (shown once), revoke it, record a note, and read every change.
 */
export function FollowUpPanel({ proposal, onChanged }: { proposal: TrackedProposal; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const { state, reload } = useApiData<ProposalFollowUp>(open ? `/api/knowledge/proposals/${proposal.id}/follow-up` : null);
  const [owner, setOwner] = useState(proposal.owner);
  const [made, setMade] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { message, announce } = useAnnouncer();

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
      reload();
      onChanged();
    } catch (err) {
      setError(failure(err));
    }
  }

  const makeLink = () =>
    run(async () => {
      const created = await api<OwnerLinkCreated>(`/api/knowledge/proposals/${proposal.id}/owner-link`, { method: 'POST', body: { owner: owner.trim() || undefined } });
      setMade(location.origin + created.path);
      announce(t('fu.tracker.linkMade'));
    });
  const revoke = () =>
    run(async () => {
      await api(`/api/knowledge/proposals/${proposal.id}/owner-link`, { method: 'DELETE' });
      setMade(null);
      announce(t('fu.tracker.revoked'));
    });
  const saveNote = () =>
    run(async () => {
      if (!note.trim()) return;
      await api(`/api/knowledge/proposals/${proposal.id}/progress`, { method: 'POST', body: { note: note.trim() } });
      setNote('');
      announce(t('fu.owner.saved'));
    });

  const data = state.kind === 'ready' ? state.data : null;
  const link = data?.link;
  return (
    <details className="rb-fu-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('fu.tracker.followUp')}</summary>
      {open && (
        <div className="rb-fu-panel__body">
          <div className="rb-fu-link">
            <TextField label={t('fu.tracker.ownerLabel')} value={owner} onValue={setOwner} maxLength={OWNER_MAX} autoComplete="off" />
            <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void makeLink()}>
              {link && !link.revokedAt ? t('fu.tracker.newLink') : t('fu.tracker.makeLink')}
            </button>
          </div>
          {made && (
            <div className="rb-fu-link">
              <p className="rb-fu-sub">{t('fu.tracker.linkMade')}</p>
              <TextField label={t('fu.tracker.linkLabel', { owner: owner.trim() || proposal.owner })} value={made} onValue={() => {}} readOnly onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action rb-button"
                onClick={() => void navigator.clipboard?.writeText(made).then(() => announce(t('fu.tracker.copied')))}
              >
                {t('fu.tracker.copy')}
              </button>
            </div>
          )}
          {link && (
            <p>
              {link.revokedAt
                ? t('fu.tracker.linkRevoked', { date: formatDay(link.revokedAt, lang) })
                : t('fu.tracker.linkState', { owner: link.owner, date: formatDay(link.createdAt, lang), until: formatDay(link.expiresAt, lang) })}{' '}
              {!link.revokedAt && (
                <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void revoke()}>
                  {t('fu.tracker.revoke')}
                </button>
              )}
            </p>
          )}
          <TextArea label={t('fu.tracker.noteLabel')} value={note} onValue={setNote} maxLength={PROGRESS_NOTE_MAX} rows={2} />
          <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void saveNote()}>
            {t('fu.tracker.addNote')}
          </button>
          <ErrorAlert code={error} />
          <h3 id={`${uid}-h`}>{t('fu.history.title')}</h3>
          {data ? <HistoryList history={data.history} headingId={`${uid}-h`} /> : state.kind === 'error' ? <ErrorAlert code={state.code} /> : <p>{t('app.loading')}</p>}
          <LiveRegion message={message} />
        </div>
      )}
    </details>
  );
}
