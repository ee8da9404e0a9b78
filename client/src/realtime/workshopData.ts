import type { Alarm, Barrier, Proposal } from '../../../shared/method';
import type {
  ControlView,
  MyVotesView,
  Presence,
  RoundView,
  TallyView,
  WorkshopState,
} from '../../../shared/protocol';

/** Everything the server has told this client about the workshop, newest first-hand. */
export interface WorkshopData {
  state: WorkshopState | null;
  presence: Presence | null;
  control: ControlView | null;
  /** serverNow − Date.now() at the moment the last control view arrived, in ms. */
  clockOffset: number;
  barriers: Barrier[];
  tally: TallyView | null;
  myVotes: MyVotesView | null;
  proposals: Proposal[];
  alarms: Alarm[];
  round: RoundView | null;
  /** The last time the server undid a board change of mine, and why. */
  boardRefusal: { code: string; at: number } | null;
}

export const EMPTY_DATA: WorkshopData = {
  state: null,
  presence: null,
  control: null,
  clockOffset: 0,
  barriers: [],
  tally: null,
  myVotes: null,
  proposals: [],
  alarms: [],
  round: null,
  boardRefusal: null,
};

export type DataAction =
  | { type: 'set'; patch: Partial<WorkshopData> }
  | { type: 'reset' };

export function dataReducer(data: WorkshopData, action: DataAction): WorkshopData {
  switch (action.type) {
    case 'set':
      return { ...data, ...action.patch };
    case 'reset':
      return EMPTY_DATA;
  }
}

/**
 * Votes still to give, counted from my votes per barrier: answers that arrive
 * out of order (two quick taps) cannot make it jump back.
 */
export function votesLeft(mine: MyVotesView | null): number {
  if (!mine) return 0;
  const spent = Object.values(mine.perBarrier).reduce((s, n) => s + n, 0);
  return Math.max(0, mine.budget - spent);
}
