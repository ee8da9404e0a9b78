import type { CardView } from '../../../../shared/board';
import type { Spotlight } from '../../../../shared/control';
import type { Alarm, Barrier, Proposal } from '../../../../shared/method';
import { useI18n } from '../../i18n';
import { ProposalForm } from '../../method/ProposalForm';
import { proposalAbout } from '../../method/ProposalMeta';
import type { Send } from '../../realtime/sendEvent';
import { ProposalRow } from './ProposalRow';

interface Props {
  proposals: Proposal[];
  barriers: Barrier[];
  alarms: Alarm[];
  cards: CardView[];
  spotlight: Spotlight;
  send: Send;
}

/** All proposals, editable, and the form to add one. */
export function ProposalAdmin({ proposals, barriers, alarms, cards, spotlight, send }: Props) {
  const { t } = useI18n();
  const barrierTexts = new Map(barriers.map((b) => [b.id, b.text]));
  const cardTitles = new Map(cards.map((c) => [c.id, c.title]));
  return (
    <section className="rb-panel rb-admin" aria-labelledby="rb-proposal-admin-title" id="voorstellen">
      <h2 className="rb-panel__title" id="rb-proposal-admin-title">
        {t('proposal.listTitle', { count: proposals.length })}
      </h2>
      {proposals.length === 0 && <p>{t('proposal.none')}</p>}
      <ul className="rb-items">
        {proposals.map((p) => (
          <ProposalRow
            key={p.id}
            proposal={p}
            about={proposalAbout(p, barrierTexts, cardTitles)}
            alarms={alarms}
            spotlight={spotlight}
            send={send}
          />
        ))}
      </ul>
      <ProposalForm send={send} barriers={barriers} cards={cards} />
    </section>
  );
}
