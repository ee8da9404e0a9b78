import type { Proposal } from '../../../shared/method';
import { useI18n } from '../i18n';
import { KIND_KEYS, STATUS_KEYS, formatDate } from './proposalText';

interface Props {
  proposal: Proposal;
  /** What it belongs to: the barrier's text or the card's title. */
  about: string | null;
  /** Leave out the fields the facilitator edits in place. */
  editable?: boolean;
}

/**
 * Owner, due date and status as description-list rows (inside a <dl>): the same words on the
 * phone, in the facilitator's lists, in the report and in the Welkom review.
 */
export function ProposalFacts({ proposal: p }: { proposal: Pick<Proposal, 'owner' | 'dueDate' | 'status'> }) {
  const { t, lang } = useI18n();
  return (
    <>
      <div>
        <dt>{t('proposal.ownerShort')}</dt>
        <dd>{p.owner || t('proposal.noOwner')}</dd>
      </div>
      <div>
        <dt>{t('proposal.dueShort')}</dt>
        <dd>{p.dueDate ? formatDate(p.dueDate, lang) : t('proposal.noDate')}</dd>
      </div>
      <div>
        <dt>{t('proposal.statusShort')}</dt>
        <dd>{t(STATUS_KEYS[p.status])}</dd>
      </div>
    </>
  );
}

/** The facts of a proposal as a short description list: kind, what it is about, owner, date, status. */
export function ProposalMeta({ proposal: p, about, editable }: Props) {
  const { t } = useI18n();
  return (
    <dl className="rb-meta">
      <div>
        <dt>{t('proposal.kind')}</dt>
        <dd>
          <span className={`rb-tag rb-tag--${p.kind}`}>
            <span aria-hidden="true">{p.kind === 'versnellen' ? '»' : '↧'} </span>
            {t(KIND_KEYS[p.kind])}
          </span>
        </dd>
      </div>
      {about && (
        <div className="rb-meta__about">
          <dt>{p.barrierId ? t('proposal.aboutBarrier') : t('proposal.aboutCard')}</dt>
          <dd>{about}</dd>
        </div>
      )}
      {!editable && <ProposalFacts proposal={p} />}
      {p.authorName && (
        <div>
          <dt>{t('item.authorShort')}</dt>
          <dd>{p.authorName}</dd>
        </div>
      )}
    </dl>
  );
}

/** What a proposal belongs to, in words. */
export function proposalAbout(p: Proposal, barrierTexts: ReadonlyMap<string, string>, cardTitles: ReadonlyMap<string, string>): string | null {
  if (p.barrierId) return barrierTexts.get(p.barrierId) ?? null;
  if (p.cardId) return cardTitles.get(p.cardId) ?? null;
  return null;
}
