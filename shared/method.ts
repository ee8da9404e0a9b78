import { z } from 'zod';

/**
 * Barriers (drempels), proposals (voorstellen), alarms and placement rounds:
 * records held by the server (not in the shared board document), because the
 * server must check them (a voted barrier exists), keep authors anonymous, and
 * keep placements private until the reveal. See docs/protocol.md.
 */
export const BARRIER_TEXT_MAX = 280;
export const PROPOSAL_TEXT_MAX = 600;
export const OWNER_MAX = 120;
export const HEADING_MAX = 80;
export const ALARM_REASON_MAX = 280;
export const MAX_LINKED_CARDS = 10;
export const MAX_ROUND_CARDS = 30;

const id = z.string().regex(/^[a-z0-9]{8,32}$/);
export const idSchema = id;

export interface Barrier {
  id: string;
  text: string;
  cardIds: string[];
  /** Group heading given by the facilitator; empty when not grouped. */
  heading: string;
  /** Only in a named workshop; empty otherwise. */
  authorName: string;
  createdAt: number;
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

const isoDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);

// ------------------------------------------------------------ event payloads

export const barrierAddPayload = z.object({
  text: z.string().trim().min(1).max(BARRIER_TEXT_MAX),
  cardIds: z.array(id).max(MAX_LINKED_CARDS).default([]),
});

export const proposalAddPayload = z
  .object({
    barrierId: id.nullable().default(null),
    cardId: id.nullable().default(null),
    text: z.string().trim().min(1).max(PROPOSAL_TEXT_MAX),
    kind: z.enum(PROPOSAL_KINDS),
    owner: z.string().trim().max(OWNER_MAX).default(''),
    dueDate: isoDate.default(''),
  })
  .refine((p) => p.barrierId !== null || p.cardId !== null, { message: 'link a barrier or a card', path: ['barrierId'] });

export const proposalUpdatePayload = z.object({
  id,
  text: z.string().trim().min(1).max(PROPOSAL_TEXT_MAX).optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
  owner: z.string().trim().max(OWNER_MAX).optional(),
  dueDate: isoDate.optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
});

export const alarmRaisePayload = z.object({
  targetType: z.enum(ALARM_TARGETS),
  targetId: id,
  reason: z.string().trim().min(1).max(ALARM_REASON_MAX),
});

/** One vote operation. `opId` is chosen by the client; a retry with the same opId counts once. */
export const voteOpPayload = z.object({
  opId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  barrierId: id,
});

export const placementSetPayload = z.object({
  roundId: id,
  cardId: id,
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

/** Per participant, per workshop: enough for a real session, not enough to flood it. */
export const MAX_BARRIERS_PER_PARTICIPANT = 50;
export const MAX_PROPOSALS_PER_PARTICIPANT = 50;
export const MAX_ALARMS_PER_PARTICIPANT = 20;
