import type { ControlState } from '../../shared/control';
import type { VoteSettings } from '../../shared/voting';
import type {
  Alarm,
  AlarmStatus,
  Barrier,
  PlacementRound,
  Proposal,
  RoundStatus,
} from '../../shared/method';

/** Stored barrier, with the fields only the server sees. */
export interface BarrierRecord extends Barrier {
  workshopId: string;
  authorId: string;
  /** Set when merged into another barrier; merged barriers are hidden, their votes moved. */
  mergedInto: string | null;
}

export interface ProposalRecord extends Proposal {
  workshopId: string;
  authorId: string;
}

export interface AlarmRecord extends Alarm {
  workshopId: string;
  raisedBy: string;
}

export interface PlacementRecord {
  participantId: string;
  cardId: string;
  x: number;
  y: number;
}

export type VoteOutcome =
  | { ok: true; remaining: number; duplicate: boolean }
  | { ok: false; code: 'NOT_FOUND' | 'BUDGET_EXHAUSTED' | 'CAP_REACHED' | 'NO_VOTE_TO_RETRACT' };

export interface VoteTotals {
  /** Votes per (live) barrier. */
  perBarrier: Map<string, number>;
  /** How many different people have voted. */
  voters: number;
  total: number;
}

/**
 * Storage for the workshop method: control state, barriers, votes,
 * proposals, alarms and placement rounds. Every method that checks and
 * writes does so in one transaction (exactly-once votes rely on it).
 */
export interface MethodStore {
  loadControl(workshopId: string): Promise<ControlState | undefined>;
  saveControl(workshopId: string, state: ControlState): Promise<void>;

  addBarrier(b: BarrierRecord): Promise<void>;
  /** Live barriers (not removed, not merged), oldest first. */
  listBarriers(workshopId: string): Promise<BarrierRecord[]>;
  findBarrier(workshopId: string, id: string): Promise<BarrierRecord | undefined>;
  removeBarrier(workshopId: string, id: string): Promise<boolean>;
  /** Moves the source's votes and card links to the target; hides the source. */
  mergeBarriers(workshopId: string, sourceId: string, targetId: string): Promise<boolean>;
  setBarrierHeading(workshopId: string, ids: string[], heading: string): Promise<number>;
  countBarriersBy(workshopId: string, authorId: string): Promise<number>;
  countProposalsBy(workshopId: string, authorId: string): Promise<number>;
  countAlarmsBy(workshopId: string, raisedBy: string): Promise<number>;

  castVote(workshopId: string, voterId: string, opId: string, barrierId: string, settings: VoteSettings): Promise<VoteOutcome>;
  retractVote(workshopId: string, voterId: string, opId: string, barrierId: string, settings: VoteSettings): Promise<VoteOutcome>;
  voteTotals(workshopId: string): Promise<VoteTotals>;
  votesOf(workshopId: string, voterId: string): Promise<Map<string, number>>;
  /** Importing a workshop: one vote per voter id, without budget checks (the totals were checked when cast). */
  importVotes(workshopId: string, barrierId: string, voterIds: string[], createdAt: number): Promise<void>;

  addProposal(p: ProposalRecord): Promise<void>;
  listProposals(workshopId: string): Promise<ProposalRecord[]>;
  findProposal(workshopId: string, id: string): Promise<ProposalRecord | undefined>;
  updateProposal(workshopId: string, id: string, fields: Partial<Pick<Proposal, 'text' | 'kind' | 'owner' | 'dueDate' | 'status'>>): Promise<boolean>;
  removeProposal(workshopId: string, id: string): Promise<boolean>;

  addAlarm(a: AlarmRecord): Promise<void>;
  listAlarms(workshopId: string): Promise<AlarmRecord[]>;
  setAlarmStatus(workshopId: string, id: string, status: AlarmStatus): Promise<boolean>;

  createRound(workshopId: string, round: PlacementRound): Promise<void>;
  /** Every round of the workshop, oldest first. */
  listRounds(workshopId: string): Promise<PlacementRound[]>;
  /** The newest round that is not closed. */
  activeRound(workshopId: string): Promise<PlacementRound | undefined>;
  findRound(workshopId: string, id: string): Promise<PlacementRound | undefined>;
  setRoundStatus(workshopId: string, id: string, status: RoundStatus): Promise<boolean>;
  setPlacement(roundId: string, p: PlacementRecord): Promise<void>;
  placementsOf(roundId: string): Promise<PlacementRecord[]>;

  removeParticipant(workshopId: string, participantId: string): Promise<boolean>;
  listParticipants(workshopId: string): Promise<{ id: string; name: string; removed: boolean }[]>;
}
