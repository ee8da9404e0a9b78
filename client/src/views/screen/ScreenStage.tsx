import type { CardView } from '../../../../shared/board';
import type { Phase } from '../../../../shared/phases';
import type { Template } from '../../../../shared/template';
import { useI18n } from '../../i18n';
import { Board } from '../../board/Board';
import { BarrierList } from '../../method/BarrierList';
import { ProposalList } from '../../method/ProposalList';
import { ResultsList } from '../../method/ResultsList';
import { RoundResults } from '../../method/RoundResults';
import type { WorkshopSocket } from '../../realtime/useWorkshopSocket';

interface Props {
  socket: WorkshopSocket;
  phase: Phase | undefined;
  cards: CardView[];
  loaded: boolean;
  template: Template;
}

type Stage = 'board' | 'barriers' | 'proposals';

/** What the room looks at in this phase: the board, the barriers, or the proposals. */
function stageOf(phase: Phase | undefined): Stage {
  if (!phase) return 'board';
  const p = phase.permissions;
  if (p.includes('addProposals') || phase.kind === 'voorstellen' || phase.kind === 'afronden') return 'proposals';
  if (p.includes('addBarriers') || p.includes('vote') || phase.kind === 'drempels' || phase.kind === 'stemmen') return 'barriers';
  return 'board';
}

/** The large main area of the shared screen. */
export function ScreenStage({ socket, phase, cards, loaded, template }: Props) {
  const { t } = useI18n();
  const { barriers, proposals, alarms, tally, round } = socket;
  const cardTitles = new Map(cards.map((c) => [c.id, c.title]));
  const ranked = tally?.revealed ? (tally.ranked ?? []) : null;
  const results = ranked && <ResultsList ranked={ranked} barriers={barriers} alarms={alarms} large />;

  if (round?.round?.status === 'revealed') {
    return <RoundResults round={round} cards={cards} template={template} large />;
  }
  const stage = round?.round?.status === 'open' ? 'board' : stageOf(phase);
  if (stage === 'board') {
    return (
      <>
        {round?.round?.status === 'open' && (
          <p className="rb-screen__banner" role="status">
            {t('round.screenOpen', { count: round.round.cardIds.length })}
          </p>
        )}
        <Board template={template} cards={cards} loaded={loaded} readOnly large />
      </>
    );
  }
  if (stage === 'barriers') {
    return (
      <div className="rb-screen__lists">
        {results ?? <BarrierList barriers={barriers} alarms={alarms} cardTitles={cardTitles} large />}
      </div>
    );
  }
  return (
    <div className="rb-screen__lists rb-screen__lists--two">
      {results}
      <ProposalList proposals={proposals} barriers={barriers} alarms={alarms} cardTitles={cardTitles} large />
    </div>
  );
}
