import { lazy, Suspense, useMemo } from 'react';
import { currentPhase } from '../../../../shared/control';
import type { Template } from '../../../../shared/template';
import { useI18n } from '../../i18n';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PhaseHeader } from '../../method/PhaseHeader';
import { useMethodAnnouncements } from '../../method/useMethodAnnouncements';
import type { BoardDoc } from '../../realtime/useBoardDoc';
import type { WorkshopSocket } from '../../realtime/useWorkshopSocket';
import { BoardPeek, PhoneBoard, isBoardPhase } from './PhoneBoard';

// The tools of later phases load when their phase comes: the first paint of a phone (the board
// phase) stays within the phone bundle's budget. The service worker still keeps them for offline use.
const BarrierForm = lazy(() => import('../../method/BarrierForm').then((m) => ({ default: m.BarrierForm })));
const BarrierList = lazy(() => import('../../method/BarrierList').then((m) => ({ default: m.BarrierList })));
const ProposalForm = lazy(() => import('../../method/ProposalForm').then((m) => ({ default: m.ProposalForm })));
const ProposalList = lazy(() => import('../../method/ProposalList').then((m) => ({ default: m.ProposalList })));
const ResultsList = lazy(() => import('../../method/ResultsList').then((m) => ({ default: m.ResultsList })));
const RoundPlacement = lazy(() => import('../../method/RoundPlacement').then((m) => ({ default: m.RoundPlacement })));
const RoundResults = lazy(() => import('../../method/RoundResults').then((m) => ({ default: m.RoundResults })));
const VoteList = lazy(() => import('../../method/VoteList').then((m) => ({ default: m.VoteList })));

interface Props {
  socket: WorkshopSocket;
  board: BoardDoc;
  template: Template;
  /** Where this phone keeps the ids of the cards it added ("Mijn kaarten"). */
  myCardsKey: string;
}

/** The phone during the workshop: what to do now, and only the tools this phase needs. */
export function PhoneWorkshop({ socket, board, template, myCardsKey }: Props) {
  const { t } = useI18n();
  const { control, barriers, proposals, alarms, tally, round, myVotes, send, vote } = socket;
  const { message, announce } = useAnnouncer();
  useMethodAnnouncements(socket, announce);
  const cardTitles = useMemo(() => new Map(board.cards.map((c) => [c.id, c.title])), [board.cards]);

  if (!control) {
    return (
      <p className="rb-loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const phase = currentPhase(control);
  const perms = phase?.permissions ?? [];
  // A closed workshop is read-only: everything can be seen, nothing offered to change.
  const finished = !!control.finishedAt;
  const locked = control.locked || finished;
  const roundOpen = !finished && round?.round?.status === 'open';
  const roundRevealed = round?.round?.status === 'revealed';
  const voting = !finished && perms.includes('vote');
  const alarmSend = finished ? undefined : send;
  const addingBarriers = perms.includes('addBarriers');
  const addingProposals = perms.includes('addProposals');
  const boardPhase = isBoardPhase(phase);
  // While a placement round is open it is the one thing to do; the phase's tools wait.
  const tools = !roundOpen;
  const ranked = tally?.revealed ? (tally.ranked ?? []) : null;
  // Proposals are for the top barriers: the most voted first, when the result is known.
  const rankedBarriers = ranked
    ? [...barriers].sort(
        (a, b) =>
          (ranked.find((r) => r.barrierId === a.id)?.rank ?? 1e9) - (ranked.find((r) => r.barrierId === b.id)?.rank ?? 1e9),
      )
    : barriers;

  return (
    <div className="rb-phone">
      <PhaseHeader control={control} clockOffset={socket.clockOffset} showLock />
      {/* The server undid a change on the board: say why (keyed, so a repeat is announced again). */}
      {socket.boardRefusal && <ErrorAlert key={socket.boardRefusal.at} code={socket.boardRefusal.code} />}
      <Suspense
        fallback={
          <p className="rb-loading" role="status">
            {t('app.loading')}
          </p>
        }
      >
      {roundOpen && round && (
        <RoundPlacement key={round.round!.id} round={round} cards={board.cards} template={template} send={send} locked={locked} />
      )}
      {roundRevealed && round && <RoundResults round={round} cards={board.cards} template={template} />}
      {tools && boardPhase && <PhoneBoard template={template} board={board} phase={phase} locked={locked} finished={finished} myCardsKey={myCardsKey} />}
      {tools && addingBarriers && !locked && <BarrierForm send={send} cards={board.cards} />}
      {tools && voting && (
        <VoteList
          barriers={barriers}
          alarms={alarms}
          cardTitles={cardTitles}
          myVotes={myVotes}
          cap={control.settings.vote.capPerBarrier}
          enabled={!locked}
          closed={control.votingClosed}
          vote={vote}
          send={send}
        />
      )}
      {tools && addingProposals && !locked && <ProposalForm send={send} barriers={rankedBarriers} cards={board.cards} />}
      {tools && ranked && <ResultsList ranked={ranked} barriers={barriers} alarms={alarms} />}
      {tools && (addingProposals || proposals.length > 0) && (
        <ProposalList proposals={proposals} barriers={barriers} alarms={alarms} cardTitles={cardTitles} send={alarmSend} />
      )}
      {tools && !voting && (addingBarriers || barriers.length > 0) && (
        <BarrierList barriers={barriers} alarms={alarms} cardTitles={cardTitles} send={alarmSend} />
      )}
      {tools && !boardPhase && <BoardPeek template={template} board={board} />}
      </Suspense>
      <LiveRegion message={message} />
    </div>
  );
}
