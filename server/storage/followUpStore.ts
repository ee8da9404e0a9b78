import type { ProgressActor, ProgressEntry } from '../../shared/followUp';
import type { ProposalStatus } from '../../shared/method';
import type { ReportSelection } from '../../shared/progressReport';

export interface OwnerLinkRecord {
  tokenHash: string;
  proposalId: string;
  workshopId: string;
  owner: string;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A change to record: the proposal's fields that change, and the history entry that says so. */
export interface ProgressChange {
  workshopId: string;
  proposalId: string;
  at: number;
  actor: ProgressActor;
  actorName: string;
  status?: ProposalStatus | undefined;
  note: string;
  dueDate?: string | undefined;
  dueReason: string;
  owner?: string | undefined;
}

/** A history entry with the workshop it belongs to (for the feed and the council report). */
export interface ProgressRow extends ProgressEntry {
  workshopId: string;
}

/** A published progress page for the organisation (intranet). */
export interface ProgressPageRecord {
  id: string;
  /** SHA-256 of the unguessable link's token; null for the page for every signed-in employee. */
  tokenHash: string | null;
  audience: 'link' | 'employees';
  selection: ReportSelection;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
}

/**
 * After the workshop: action owners' update links and the dated history of
 * every change to a proposal. Both go with their workshop (cascade on delete).
 */
export interface FollowUpStore {
  createLink(link: OwnerLinkRecord): Promise<void>;
  findLink(tokenHash: string): Promise<OwnerLinkRecord | undefined>;
  /** The newest link of a proposal, revoked or not. */
  latestLink(proposalId: string): Promise<OwnerLinkRecord | undefined>;
  /** The retention date stored for a workshop (null: the default period applies). */
  retentionOf(workshopId: string): Promise<number | null>;
  /** Revokes every live link of a proposal; returns how many. */
  revokeLinks(proposalId: string, at: number): Promise<number>;

  /**
   * Changes the proposal and appends the history entry in one transaction.
   * False when the proposal does not exist (or was removed).
   */
  recordProgress(change: ProgressChange): Promise<ProgressEntry | undefined>;
  /** Oldest first. */
  history(proposalId: string): Promise<ProgressEntry[]>;
  /** Every entry with `from <= at < to`, oldest first. */
  progressBetween(from: number, to: number): Promise<ProgressRow[]>;

  createProgressPage(page: ProgressPageRecord): Promise<void>;
  progressPages(): Promise<ProgressPageRecord[]>;
  findProgressPageByToken(tokenHash: string): Promise<ProgressPageRecord | undefined>;
  revokeProgressPage(id: string, at: number): Promise<boolean>;
}
