/** Dot voting rules. The server is the judge; these pure functions are its rules. */
export const VOTE_BUDGET_MIN = 1;
export const VOTE_BUDGET_MAX = 12;
export const DEFAULT_VOTE_BUDGET = 3;

/** Checked by `voteSettingsSchema` in shared/schemas/voting.ts. */
export interface VoteSettings {
  /** Votes per person, VOTE_BUDGET_MIN to VOTE_BUDGET_MAX. */
  budget: number;
  /** Most votes one person may put on one barrier; at most the budget. */
  capPerBarrier: number;
}

export const DEFAULT_VOTE_SETTINGS: VoteSettings = { budget: DEFAULT_VOTE_BUDGET, capPerBarrier: DEFAULT_VOTE_BUDGET };

export type CastVerdict = { ok: true } | { ok: false; code: 'BUDGET_EXHAUSTED' | 'CAP_REACHED' };

/** May this voter cast one more vote on this barrier? */
export function judgeCast(settings: VoteSettings, spentByVoter: number, onThisBarrierByVoter: number): CastVerdict {
  if (spentByVoter >= settings.budget) return { ok: false, code: 'BUDGET_EXHAUSTED' };
  if (onThisBarrierByVoter >= settings.capPerBarrier) return { ok: false, code: 'CAP_REACHED' };
  return { ok: true };
}

export function remainingVotes(settings: VoteSettings, spentByVoter: number): number {
  return Math.max(0, settings.budget - spentByVoter);
}

export interface TallyEntry {
  barrierId: string;
  votes: number;
  /** 1-based rank; equal votes share a rank. */
  rank: number;
}

/**
 * Ranked results. Every barrier is listed, also those without votes; equal
 * totals keep the order in which the barriers were given (oldest first).
 */
export function rankBarriers(barrierIdsInOrder: string[], votesPerBarrier: ReadonlyMap<string, number>): TallyEntry[] {
  const entries = barrierIdsInOrder.map((barrierId, order) => ({
    barrierId,
    votes: votesPerBarrier.get(barrierId) ?? 0,
    order,
  }));
  entries.sort((a, b) => b.votes - a.votes || a.order - b.order);
  let rank = 0;
  let previous = Number.NaN;
  return entries.map((e, i) => {
    if (e.votes !== previous) rank = i + 1;
    previous = e.votes;
    return { barrierId: e.barrierId, votes: e.votes, rank };
  });
}
