import type { ProposalKind, ProposalStatus } from './method';

/**
 * After the workshop (Regisserend Lochem §6–8): an action owner without an
 * account reports progress on one proposal through a personal update link, and
 * every change to a proposal is kept as a dated history entry. These are the
 * shapes of the REST answers (docs/api.md); the body schemas are in
 * shared/schemas/followUp.ts.
 */

export const PROGRESS_NOTE_MAX = 600;
export const DUE_REASON_MAX = 280;

/**
 * Who made a change: the owner through the link, an account with the facilitator role, or an
 * account with only the member role (stuurgroep, action group): server/auth/capabilities.ts.
 */
export const PROGRESS_ACTORS = ['owner', 'facilitator', 'stuurgroep'] as const;
export type ProgressActor = (typeof PROGRESS_ACTORS)[number];

/** One dated change to a proposal. Fields left unchanged are null. */
export interface ProgressEntry {
  id: number;
  proposalId: string;
  at: number;
  actor: ProgressActor;
  /** The account's name, or the proposal's owner for the owner link. */
  actorName: string;
  status: ProposalStatus | null;
  note: string;
  dueDate: string | null;
  dueReason: string;
  owner: string | null;
}

/** The state of a proposal's update link, as a facilitator sees it (never the token). */
export interface OwnerLinkState {
  owner: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** Answer to creating a link: the only moment the token is ever shown. */
export interface OwnerLinkCreated extends OwnerLinkState {
  /** Absolute path with the token in the fragment, e.g. /actie#a.xxxx (never sent to a server). */
  path: string;
}

/** What the action owner sees through the link: the action point and its context. */
export interface OwnerAction {
  proposal: {
    id: string;
    text: string;
    kind: ProposalKind;
    owner: string;
    dueDate: string;
    status: ProposalStatus;
  };
  workshop: { title: string; createdAt: number };
  /** Title of the linked card, or empty. */
  cardTitle: string;
  /** Text of the linked barrier, or empty. */
  barrierText: string;
  /** Reasons of confirmed alarms on this proposal or its barrier. */
  alarms: string[];
  /** Oldest first. */
  history: ProgressEntry[];
  expiresAt: number;
}

/** A history answer for the tracker. */
export interface ProposalFollowUp {
  history: ProgressEntry[];
  link: OwnerLinkState | null;
}

/** Progress as a body: what changed, with a note; a new due date needs a reason. */
export interface ProgressBody {
  status?: ProposalStatus;
  note: string;
  dueDate?: string;
  dueReason: string;
}
