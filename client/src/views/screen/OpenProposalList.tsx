import type { TrackedProposal } from '../../../../shared/knowledge';
import { useI18n } from '../../i18n';
import { OpenProposalItem } from '../facilitator/OpenProposalItem';

/**
 * On the shared screen when the facilitator puts them there ("Eerdere voorstellen op scherm"):
 * proposals from earlier workshops about the domains and projects on this board that are still open.
 */
export function OpenProposalList({ proposals }: { proposals: TrackedProposal[] }) {
  const { t } = useI18n();
  return (
    <section className="rb-panel rb-proposals rb-proposals--large" aria-labelledby="rb-open-proposals-title" data-testid="screen-open-proposals">
      <h2 className="rb-panel__title" id="rb-open-proposals-title">
        {t('lasting.open.title')}
      </h2>
      <ul className="rb-items">
        {proposals.map((p) => (
          <OpenProposalItem key={p.id} proposal={p} />
        ))}
      </ul>
    </section>
  );
}
