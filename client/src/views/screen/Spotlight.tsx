import type { ReactNode } from 'react';
import type { CardView } from '../../../../shared/board';
import type { Spotlight as SpotlightRef } from '../../../../shared/control';
import type { Alarm, Barrier, Proposal } from '../../../../shared/method';
import type { TallyView } from '../../../../shared/protocol';
import { quadrantOf, type Template } from '../../../../shared/template';
import { useI18n } from '../../i18n';
import { positionVars } from '../../i18n/format';
import { KindIcon } from '../../board/CardChip';
import { AlarmBadges, alarmsFor } from '../../method/AlarmBadge';
import { linkedTitles } from '../../method/barrierGroups';
import { ProposalMeta, proposalAbout } from '../../method/ProposalMeta';

interface Props {
  spotlight: NonNullable<SpotlightRef>;
  cards: CardView[];
  barriers: Barrier[];
  proposals: Proposal[];
  alarms: Alarm[];
  tally: TallyView | null;
  template: Template;
}

/** The one thing the facilitator points at, big on the shared screen. */
export function Spotlight({ spotlight, cards, barriers, proposals, alarms, tally, template }: Props) {
  const { t, lang } = useI18n();
  const cardTitles = new Map(cards.map((c) => [c.id, c.title]));
  let body: ReactNode = null;

  if (spotlight.type === 'card') {
    const card = cards.find((c) => c.id === spotlight.id);
    if (card) {
      body = (
        <>
          <p className="rb-spotlight__text">
            <KindIcon kind={card.kind} /> {card.title}
          </p>
          <p className="rb-spotlight__meta">
            {t(card.kind === 'domain' ? 'card.domain' : 'card.project')} · {card.pos
              ? t('board.selectedIn', { quadrant: quadrantOf(template, card.pos).label, ...positionVars(card.pos, lang) })
              : t('density.unplaced')}
            {card.target && <> · {t('board.selectedTarget', { quadrant: quadrantOf(template, card.target).label })}</>}
          </p>
        </>
      );
    }
  } else if (spotlight.type === 'barrier') {
    const b = barriers.find((x) => x.id === spotlight.id);
    if (b) {
      const linked = linkedTitles(b.cardIds, cardTitles);
      const votes = tally?.revealed ? tally.ranked?.find((r) => r.barrierId === b.id)?.votes : undefined;
      body = (
        <>
          {b.heading && <p className="rb-spotlight__meta">{b.heading}</p>}
          <p className="rb-spotlight__text">{b.text}</p>
          {linked.length > 0 && <p className="rb-spotlight__meta">{t('barrier.linked', { cards: linked.join(', ') })}</p>}
          {votes !== undefined && (
            <p className="rb-spotlight__meta">
              <strong>{votes}</strong> {t(votes === 1 ? 'results.vote' : 'results.votes')}
            </p>
          )}
          <AlarmBadges alarms={alarmsFor(alarms, 'barrier', b.id)} large />
        </>
      );
    }
  } else {
    const p = proposals.find((x) => x.id === spotlight.id);
    if (p) {
      body = (
        <>
          <p className="rb-spotlight__text">{p.text}</p>
          <ProposalMeta proposal={p} about={proposalAbout(p, new Map(barriers.map((b) => [b.id, b.text])), cardTitles)} />
          <AlarmBadges alarms={alarmsFor(alarms, 'proposal', p.id)} large />
        </>
      );
    }
  }
  if (!body) return null;

  const kind = t(spotlight.type === 'card' ? 'spotlight.card' : spotlight.type === 'barrier' ? 'spotlight.barrier' : 'spotlight.proposal');
  return (
    <section className="rb-spotlight" data-testid="spotlight" aria-labelledby="rb-spotlight-title">
      <h2 className="rb-spotlight__title" id="rb-spotlight-title">
        <svg className="rb-spotlight__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7.1L12 17.3 5.8 21l1.6-7.1L2 9.2l7.1-.6z" fill="currentColor" />
        </svg>
        {t('spotlight.title')}: {kind}
      </h2>
      {body}
    </section>
  );
}
