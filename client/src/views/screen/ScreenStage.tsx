import type { CardView } from '../../../../shared/board';
import { cardNumbers } from '../../../../shared/boardLayout';
import { shownTrajectories } from '../../../../shared/trajectoryFilter';
import type { ControlState } from '../../../../shared/control';
import type { Phase } from '../../../../shared/phases';
import type { Proposal } from '../../../../shared/method';
import type { Template } from '../../../../shared/template';
import type { TallyEntry } from '../../../../shared/voting';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { Board } from '../../board/Board';
import { BarrierList } from '../../method/BarrierList';
import { ProposalList } from '../../method/ProposalList';
import { ResultsList } from '../../method/ResultsList';
import { RoundResults } from '../../method/RoundResults';
import type { WorkshopSocket } from '../../realtime/useWorkshopSocket';
import { AlarmList } from './AlarmList';
import { OpenProposalList } from './OpenProposalList';
import { PagedList } from './PagedList';
import { screenPlan } from './screenContent';
import { useShownPage } from './useShownPage';
import { useOpenProposals } from './useOpenProposals';

/** One entry of the closing outcome: a result row or a proposal. */
type OutcomeItem = { result: TallyEntry } | { proposal: Proposal };

interface Props {
  socket: WorkshopSocket;
  phase: Phase | undefined;
  control: Pick<ControlState, 'screen' | 'trajectories'>;
  cards: CardView[];
  loaded: boolean;
  template: Template;
}

/**
 * The large main area of the shared screen: the board, the barriers (or their
 * result), or the proposals, one page at a time so nothing falls off the bottom.
 * The screen measures its pages (PagedList) and tells the cockpit how many there
 * are; the facilitator pages from the cockpit, or lets the screen page by itself.
 * In the closing phase the board stands beside the outcome.
 */
export function ScreenStage({ socket, phase, control, cards, loaded, template }: Props) {
  const { t } = useI18n();
  const { barriers, proposals, alarms, tally, round, send, clockOffset } = socket;
  const cardTitles = new Map(cards.map((c) => [c.id, c.title]));
  const openProposals = useOpenProposals(send, control.screen.focus === 'open' && socket.connected);
  const plan = screenPlan({ phase, control, barriers, proposals, alarms, tally, round, openProposals });
  const [measured, setMeasured] = useState({ list: '', pages: 1 });
  const pageCount = measured.list === plan.listKey ? measured.pages : 1;
  const page = useShownPage(control.screen, pageCount, clockOffset);
  const onPages = useCallback((pages: number) => setMeasured({ list: plan.listKey, pages }), [plan.listKey]);
  // Tell the cockpit how many pages this screen measured, when the server does not have it yet.
  const [screenId] = useState(() => Math.random().toString(36).slice(2, 12) || 'screen');
  const reported = control.screen;
  const known = reported.list === measured.list && reported.measuredBy.some((m) => m.screen === screenId && m.pages === measured.pages);
  useEffect(() => {
    if (!plan.paged || measured.list !== plan.listKey || known) return;
    void send('screen:measured', { list: measured.list, pages: measured.pages, screen: screenId });
  }, [plan.paged, plan.listKey, measured, known, screenId, send]);

  const of = {
    maxVotes: Math.max(0, ...plan.allRanked.map((r) => r.votes)),
    totalVotes: plan.allRanked.reduce((s, r) => s + r.votes, 0),
  };
  // The facilitator's trajectory filter: the same arrows as on the cockpit's board (TrajectoryNote says so).
  const trajectoryIds = shownTrajectories(cards, control.trajectories);
  const focusId = control.trajectories.show === 'card' ? control.trajectories.cardId : null;
  const boardProps = { template, cards, loaded, trajectoryIds, focusId };
  // Heights depend on the items and on what they show beside them: alarms, linked barriers and cards.
  const looks = JSON.stringify([alarms, barriers.map((b) => [b.id, b.text]), [...cardTitles]]);
  const paged = <T,>(items: readonly T[], itemSelector: string, render: (items: T[]) => ReactNode) => (
    <PagedList
      key={plan.listKey}
      items={items}
      itemSelector={itemSelector}
      page={page}
      onPages={onPages}
      render={render}
      measureKey={`${JSON.stringify(items)}|${looks}`}
    />
  );
  // A page's title counts every item of the list ("Voorstellen (12)" above "pagina 2 van 4"), not the page's.
  const proposalList = (items: Proposal[]) => (
    <ProposalList proposals={items} total={plan.proposals.length} barriers={barriers} alarms={alarms} cardTitles={cardTitles} large />
  );

  switch (plan.stage) {
    case 'round':
      return round ? <RoundResults round={round} cards={cards} template={template} large /> : null;
    case 'board':
      return (
        <>
          {round?.round?.status === 'open' && (
            <p className="rb-screen__banner" role="status">
              {t('round.screenOpen', { count: round.round.cardIds.length })}
            </p>
          )}
          <Board {...boardProps} readOnly large />
        </>
      );
    case 'alarms':
      return (
        <div className="rb-screen__lists" data-testid="screen-list" data-list="alarms">
          {paged(plan.alarms, '.rb-item', (items) => (
            <AlarmList alarms={items} total={plan.alarms.length} barriers={barriers} proposals={proposals} />
          ))}
        </div>
      );
    case 'open':
      return (
        <div className="rb-screen__lists" data-testid="screen-list" data-list="open">
          {paged(plan.open, '.rb-item', (items) => <OpenProposalList proposals={items} />)}
        </div>
      );
    case 'barriers':
      return (
        <div className="rb-screen__lists" data-testid="screen-list" data-list="barriers">
          {paged(plan.barriers, '.rb-item', (items) => (
            <BarrierList barriers={items} total={plan.barriers.length} alarms={alarms} cardTitles={cardTitles} large />
          ))}
        </div>
      );
    case 'results':
      return (
        <div className="rb-screen__lists" data-testid="screen-list" data-list="results">
          {control.screen.focus === 'top5' && <p className="rb-screen-page">{t('cockpit.screen.top5Shown', { count: plan.allRanked.length })}</p>}
          {paged(plan.ranked, '.rb-results__row', (items) => (
            <ResultsList ranked={items} barriers={barriers} alarms={alarms} large of={of} />
          ))}
        </div>
      );
    case 'proposals':
      return (
        <div className="rb-screen__lists" data-testid="screen-list" data-list="proposals">
          {paged(plan.proposals, '.rb-item', proposalList)}
        </div>
      );
    case 'closing': {
      // The outcome pages as one list: the top results, then the proposals.
      const outcome: OutcomeItem[] = [...plan.ranked.map((r) => ({ result: r })), ...plan.proposals.map((p) => ({ proposal: p }))];
      return (
        <div className="rb-screen__closing" data-testid="screen-list" data-list="closing">
          <div className="rb-screen__closing-board">
            <Board {...boardProps} readOnly large />
          </div>
          <div className="rb-screen__closing-outcome">
            {paged(outcome, '.rb-results__row, .rb-items > .rb-item', (items) => {
              const ranked = items.flatMap((i) => ('result' in i ? [i.result] : []));
              const shown = items.flatMap((i) => ('proposal' in i ? [i.proposal] : []));
              return (
                <>
                  {ranked.length > 0 && <ResultsList ranked={ranked} barriers={barriers} alarms={alarms} large of={of} />}
                  {(shown.length > 0 || items.length === 0) && proposalList(shown)}
                </>
              );
            })}
          </div>
        </div>
      );
    }
  }
}

/**
 * What the boards show when the facilitator filtered the Koers arrows ("only the 5 largest
 * shifts", "only the arrow of 4. Omgevingsvisie"): beside the stage, so the board keeps its height.
 */
export function TrajectoryNote({ control, cards }: { control: Pick<ControlState, 'trajectories'>; cards: CardView[] }) {
  const { t } = useI18n();
  const focus = control.trajectories;
  if (focus.show === 'all') return null;
  const shown = shownTrajectories(cards, focus);
  const withTarget = cards.filter((c) => c.pos && c.target).length;
  const focused = focus.show === 'card' ? cards.find((c) => c.id === focus.cardId) : undefined;
  const text = focused
    ? t('trajectories.shown.card', { n: cardNumbers(cards).get(focused.id) ?? 0, title: focused.title })
    : focus.show === 'largest' && withTarget > shown.size
      ? t('trajectories.shown.largest', { count: shown.size, total: withTarget })
      : null;
  if (!text) return null;
  return (
    <p className="rb-screen-page rb-screen__trajectories" data-testid="trajectory-note">
      {text}
    </p>
  );
}
