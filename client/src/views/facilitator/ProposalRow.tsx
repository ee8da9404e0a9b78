import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Spotlight } from '../../../../shared/control';
import { OWNER_MAX, PROPOSAL_STATUSES, type Alarm, type Proposal, type ProposalStatus } from '../../../../shared/method';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AlarmBadges, alarmsFor } from '../../method/AlarmBadge';
import { AlarmButton } from '../../method/AlarmButton';
import { ProposalMeta } from '../../method/ProposalMeta';
import { STATUS_KEYS } from '../../method/proposalText';
import type { Send } from '../../realtime/sendEvent';
import { SpotlightButton } from './SpotlightButton';

interface Props {
  proposal: Proposal;
  about: string | null;
  alarms: Alarm[];
  spotlight: Spotlight;
  send: Send;
}

function isStatus(v: string): v is ProposalStatus {
  return (PROPOSAL_STATUSES as readonly string[]).includes(v);
}

/** One proposal for the facilitator: status, owner and due date can be changed in place. */
export function ProposalRow({ proposal: p, about, alarms, spotlight, send }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [owner, setOwner] = useState(p.owner);
  const [due, setDue] = useState(p.dueDate);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => setOwner(p.owner), [p.owner]);
  useEffect(() => setDue(p.dueDate), [p.dueDate]);

  const report = (result: { ok: boolean; code?: string }, done: string) => {
    setError(result.ok ? null : (result.code ?? 'INTERNAL'));
    setNote(result.ok ? done : '');
  };

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    report(await send('proposal:update', { id: p.id, owner: owner.trim(), dueDate: due }), t('proposal.saved'));
  }

  return (
    <li className="rb-item rb-admin-row" data-proposal-id={p.id}>
      <p className="rb-item__text">{p.text}</p>
      <ProposalMeta proposal={p} about={about} editable />
      <AlarmBadges alarms={alarmsFor(alarms, 'proposal', p.id)} />
      <div className="rb-field rb-field--inline">
        <label className="rb-field__label" htmlFor={`${id}-status`}>
          {t('proposal.status')}
        </label>
        <select
          id={`${id}-status`}
          className="utrecht-select rb-input"
          value={p.status}
          onChange={async (e) => {
            const value = e.target.value;
            if (isStatus(value)) report(await send('proposal:update', { id: p.id, status: value }), t('proposal.saved'));
          }}
        >
          {PROPOSAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEYS[s])}
            </option>
          ))}
        </select>
      </div>
      <form className="rb-admin-row__tools" onSubmit={save}>
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-owner`}>
            {t('proposal.owner')}
          </label>
          <input id={`${id}-owner`} className="utrecht-textbox utrecht-textbox--html-input rb-input" value={owner} maxLength={OWNER_MAX} onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-due`}>
            {t('proposal.due')}
          </label>
          <input id={`${id}-due`} className="utrecht-textbox utrecht-textbox--html-input rb-input" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small">
          {t('proposal.save')}
        </button>
      </form>
      <div className="rb-actions">
        <SpotlightButton send={send} current={spotlight} type="proposal" id={p.id} text={p.text} onError={setError} />
        <AlarmButton send={send} targetType="proposal" targetId={p.id} targetText={p.text} />
        <ConfirmButton
          label={t('item.remove')}
          question={t('proposal.removeQuestion')}
          confirmLabel={t('confirm.remove')}
          onConfirm={async () => report(await send('item:remove', { type: 'proposal', id: p.id }), '')}
        />
      </div>
      <ErrorAlert code={error} />
      <p className="rb-form-note" role="status">
        {note}
      </p>
    </li>
  );
}
