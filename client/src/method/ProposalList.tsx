import type { Alarm, Barrier, Proposal } from '../../../shared/method';
import { useI18n } from '../i18n';
import type { Send } from '../realtime/sendEvent';
import { AlarmBadges, alarmsFor } from './AlarmBadge';
import { AlarmButton } from './AlarmButton';
import { ProposalMeta, proposalAbout } from './ProposalMeta';

interface Props {
  proposals: Proposal[];
  barriers: Barrier[];
  alarms: Alarm[];
  cardTitles: ReadonlyMap<string, string>;
  /** Given: every proposal gets an "Alarm slaan" button. */
  send?: Send;
  large?: boolean;
  /** When `proposals` is one page of them (the shared screen): how many there are in all, for the title. */
  total?: number;
}

/** All proposals with owner, due date and status (phone and shared screen). */
export function ProposalList({ proposals, barriers, alarms, cardTitles, send, large, total }: Props) {
  const { t } = useI18n();
  const barrierTexts = new Map(barriers.map((b) => [b.id, b.text]));
  return (
    <section className={`rb-panel rb-proposals${large ? ' rb-proposals--large' : ''}`} aria-labelledby="rb-proposals-title">
      <h2 className="rb-panel__title" id="rb-proposals-title">
        {t('proposal.listTitle', { count: total ?? proposals.length })}
      </h2>
      {proposals.length === 0 && <p>{t('proposal.none')}</p>}
      <ul className="rb-items">
        {proposals.map((p) => (
          <li key={p.id} className="rb-item">
            <p className="rb-item__text">{p.text}</p>
            <ProposalMeta proposal={p} about={proposalAbout(p, barrierTexts, cardTitles)} />
            <AlarmBadges alarms={alarmsFor(alarms, 'proposal', p.id)} large={large} />
            {send && <AlarmButton send={send} targetType="proposal" targetId={p.id} targetText={p.text} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
