import type { CardView } from '../../../../shared/board';
import { cardNumbers } from '../../../../shared/boardLayout';
import { shownTrajectories } from '../../../../shared/trajectoryFilter';
import type { ControlState } from '../../../../shared/control';
import type { Phase } from '../../../../shared/phases';
import type { Template } from '../../../../shared/template';
import { useI18n } from '../../i18n';
import { Board } from '../../board/Board';
import { BarrierList } from '../../method/BarrierList';
import { ProposalList } from '../../method/ProposalList';
import { ResultsList } from '../../method/ResultsList';
import { RoundResults } from '../../method/RoundResults';
import type { WorkshopSocket } from '../../realtime/useWorkshopSocket';
import { screenPlan } from './screenContent';

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
 * result), or the proposals, one page at a time so nothing falls off the bottom;
 * the facilitator pages from the cockpit. In the closing phase the board stands
 * beside the outcome.
 */
export function ScreenStage({ socket, phase, control, cards, loaded, template }: Props) {
  const { t } = useI18n();
  const { barriers, proposals, alarms, tally, round } = socket;
  const cardTitles = new Map(cards.map((c) => [c.id, c.title]));
  const plan = screenPlan({ phase, control, barriers, proposals, tally, round });
  const of = {
    maxVotes: Math.max(0, ...plan.allRanked.map((r) => r.votes)),
    totalVotes: plan.allRanked.reduce((s, r) => s + r.votes, 0),
  };
  // The facilitator's trajectory filter: the same arrows as on the cockpit's board (TrajectoryNote says so).
  const trajectoryIds = shownTrajectories(cards, control.trajectories);
  const focusId = control.trajectories.show === 'card' ? control.trajectories.cardId : null;
  const boardProps = { template, cards, loaded, trajectoryIds, focusId };
  const pageLine =
    plan.pageCount > 1 ? (
      <p className="rb-screen-page" data-testid="screen-page" data-page={plan.page + 1} data-pages={plan.pageCount}>
        {t('cockpit.page', { page: plan.page + 1, count: plan.pageCount })}
      </p>
    ) : null;

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
    case 'barriers':
      return (
        <div className="rb-screen__lists" data-testid="screen-list" data-list="barriers">
          {pageLine}
          <BarrierList barriers={plan.barriers} alarms={alarms} cardTitles={cardTitles} large />
        </div>
      );
    case 'results':
      return (
        <div className="rb-screen__lists" data-testid="screen-list" data-list="results">
          {pageLine}
          {control.screen.focus === 'top5' && <p className="rb-screen-page">{t('cockpit.screen.top5Shown', { count: plan.allRanked.length })}</p>}
          <ResultsList ranked={plan.ranked} barriers={barriers} alarms={alarms} large of={of} />
        </div>
      );
    case 'proposals':
      return (
        <div className={`rb-screen__lists${plan.ranked.length > 0 ? ' rb-screen__lists--two' : ''}`} data-testid="screen-list" data-list="proposals">
          {plan.ranked.length > 0 && <ResultsList ranked={plan.ranked} barriers={barriers} alarms={alarms} large of={of} />}
          <div>
            {pageLine}
            <ProposalList proposals={plan.proposals} barriers={barriers} alarms={alarms} cardTitles={cardTitles} large />
          </div>
        </div>
      );
    case 'closing':
      return (
        <div className="rb-screen__closing" data-testid="screen-list" data-list="closing">
          <div className="rb-screen__closing-board">
            <Board {...boardProps} readOnly large />
          </div>
          <div className="rb-screen__closing-outcome">
            {plan.ranked.length > 0 && <ResultsList ranked={plan.ranked} barriers={barriers} alarms={alarms} large of={of} />}
            {pageLine}
            <ProposalList proposals={plan.proposals} barriers={barriers} alarms={alarms} cardTitles={cardTitles} large />
          </div>
        </div>
      );
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
