import type { TrackedProposal } from '../../../../shared/knowledge';
import { useI18n } from '../../i18n';
import { ProposalFacts } from '../../method/ProposalMeta';
import { KIND_KEYS, formatDate } from '../../method/proposalText';
import { formatDay } from '../facilitator/restOutcome';

/**
 * On the shared screen in the Welkom step: proposals from earlier workshops about the
 * domains and projects on this board that are still open, to look back on first.
 * Overdue ones say so in words, never by colour alone.
 */
export function OpenProposalList({ proposals }: { proposals: TrackedProposal[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="rb-panel rb-proposals rb-proposals--large" aria-labelledby="rb-open-proposals-title" data-testid="screen-open-proposals">
      <h2 className="rb-panel__title" id="rb-open-proposals-title">
        {t('lasting.open.title')}
      </h2>
      <ul className="rb-items">
        {proposals.map((p) => (
          <li key={p.id} className="rb-item">
            <p className="rb-item__text">{p.text}</p>
            {p.overdue && <p className="rb-overdue">{t('lasting.open.overdue', { date: formatDate(p.dueDate, lang) })}</p>}
            <dl className="rb-meta">
              <div>
                <dt>{t('proposal.kind')}</dt>
                <dd>{t(KIND_KEYS[p.kind])}</dd>
              </div>
              <ProposalFacts proposal={p} />
              <div>
                <dt>{t('lasting.open.from')}</dt>
                <dd>
                  {p.workshopTitle} ({formatDay(p.workshopCreatedAt, lang)})
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
