/**
 * Barriers (drempels), proposals (voorstellen), alarms and placement rounds:
 * records held by the server (not in the shared board document), because the
 * server must check them (a voted barrier exists), keep authors anonymous, and
 * keep placements private until the reveal. See docs/protocol.md. The event
 * payload schemas are in shared/schemas/method.ts.
 */
export const BARRIER_TEXT_MAX = 280;
export const PROPOSAL_TEXT_MAX = 600;
export const OWNER_MAX = 120;
export const HEADING_MAX = 80;
export const ALARM_REASON_MAX = 280;
export const MAX_LINKED_CARDS = 10;
export const MAX_ROUND_CARDS = 30;

export interface Barrier {
  id: string;
  text: string;
  cardIds: string[];
  /** Group heading given by the facilitator; empty when not grouped. */
  heading: string;
  /** Only in a named workshop; empty otherwise. */
  authorName: string;
  createdAt: number;
  /** The wordings of the barriers merged into this one, oldest first: kept, shown and exported. */
  variants: string[];
}

export const PROPOSAL_KINDS = ['versnellen', 'verdiepen'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ['open', 'in-uitvoering', 'gereed', 'vervallen'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface Proposal {
  id: string;
  barrierId: string | null;
  cardId: string | null;
  text: string;
  kind: ProposalKind;
  /** A name, a stuurgroep role or a department. */
  owner: string;
  /** ISO date (yyyy-mm-dd) or empty. */
  dueDate: string;
  status: ProposalStatus;
  authorName: string;
  createdAt: number;
}

export const ALARM_TARGETS = ['barrier', 'proposal'] as const;
export type AlarmTarget = (typeof ALARM_TARGETS)[number];
export const ALARM_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

export interface Alarm {
  id: string;
  targetType: AlarmTarget;
  targetId: string;
  reason: string;
  status: AlarmStatus;
  raisedByName: string;
  createdAt: number;
}

export const ROUND_MODES = ['now', 'target'] as const;
export type RoundMode = (typeof ROUND_MODES)[number];
export const ROUND_STATUSES = ['open', 'revealed', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface PlacementRound {
  id: string;
  cardIds: string[];
  mode: RoundMode;
  status: RoundStatus;
  createdAt: number;
}

// ------------------------------------------------------------ event payloads
// As the handlers receive them, after the schemas in shared/schemas/method.ts
// (trimmed, defaults filled in). Ids are lowercase letters and digits, 8 to 32
// (ID_PATTERN).

export interface BarrierAddPayload {
  text: string;
  /** At most MAX_LINKED_CARDS; empty when left out. */
  cardIds: string[];
}

/** Linked to a barrier, a card, or both (at least one). */
export interface ProposalAddPayload {
  barrierId: string | null;
  cardId: string | null;
  text: string;
  kind: ProposalKind;
  owner: string;
  /** ISO date (yyyy-mm-dd) or empty. */
  dueDate: string;
}

/** Only the given fields change. */
export interface ProposalUpdatePayload {
  id: string;
  text?: string;
  kind?: ProposalKind;
  owner?: string;
  dueDate?: string;
  status?: ProposalStatus;
}

export interface AlarmRaisePayload {
  targetType: AlarmTarget;
  targetId: string;
  reason: string;
}

/** One vote operation. `opId` is chosen by the client; a retry with the same opId counts once. */
export interface VoteOpPayload {
  /** Letters, digits, `_` and `-`, 8 to 64. */
  opId: string;
  barrierId: string;
}

export interface PlacementSetPayload {
  roundId: string;
  cardId: string;
  /** Fractions of the quadrant area, in [0, 1]. */
  x: number;
  y: number;
}

/** Per participant, per workshop: enough for a real session, not enough to flood it. */
export const MAX_BARRIERS_PER_PARTICIPANT = 50;
export const MAX_PROPOSALS_PER_PARTICIPANT = 50;
export const MAX_ALARMS_PER_PARTICIPANT = 20;
