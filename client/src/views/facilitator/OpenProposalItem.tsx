import type { TrackedProposal } from '../../../../shared/knowledge';
import { useI18n } from '../../i18n';
import { ProposalFacts } from '../../method/ProposalMeta';
import { KIND_KEYS, formatDate } from '../../method/proposalText';
import { formatDay } from './restOutcome';

/**
 * One open proposal from an earlier workshop, as the cockpit and the shared screen show it:
 * its words, overdue in words (never by colour alone), what it is about, and where it came from.
 */
export function OpenProposalItem({ proposal: p }: { proposal: TrackedProposal }) {
  const { t, lang } = useI18n();
  return (
    <li className="rb-item">
      <p className="rb-item__text">{p.text}</p>
      {p.overdue && <p className="rb-overdue">{t('lasting.open.overdue', { date: formatDate(p.dueDate, lang) })}</p>}
      <dl className="rb-meta">
        <div>
          <dt>{t('proposal.kind')}</dt>
          <dd>{t(KIND_KEYS[p.kind])}</dd>
        </div>
        {(p.cardTitle || p.barrierText) && (
          <div>
            <dt>{p.barrierText ? t('proposal.aboutBarrier') : t('proposal.aboutCard')}</dt>
            <dd>{p.barrierText || p.cardTitle}</dd>
          </div>
        )}
        <ProposalFacts proposal={p} />
        <div>
          <dt>{t('lasting.open.from')}</dt>
          <dd>
            {p.workshopTitle} ({formatDay(p.workshopCreatedAt, lang)})
          </dd>
        </div>
      </dl>
    </li>
  );
}
