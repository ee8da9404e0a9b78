import { z } from 'zod';
import { templateSchema, type Template } from './template';
import type { ErrorBody } from './errors';
import { SPOTLIGHT_TYPES, TIMER_MAX_MS, spotlightSchema, type ControlState } from './control';
import { phaseListSchema } from './phases';
import { VOTE_BUDGET_MAX, VOTE_BUDGET_MIN } from './voting';
import {
  HEADING_MAX,
  MAX_ROUND_CARDS,
  ROUND_MODES,
  alarmRaisePayload,
  barrierAddPayload,
  idSchema,
  placementSetPayload,
  proposalAddPayload,
  proposalUpdatePayload,
  voteOpPayload,
  type Alarm,
  type Barrier,
  type PlacementRound,
  type Proposal,
} from './method';
import type { PlacementStats } from './placement';
import type { TallyEntry } from './voting';

/**
 * The contract between client and server: every REST body and every socket.io
 * event is described here once, as a zod schema. Types come from the schemas.
 * The server validates at the boundary; see docs/api.md and docs/protocol.md.
 */
export const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------- REST bodies

const email = z.string().trim().toLowerCase().email().max(200);
const password = z.string().min(10).max(200);
const personName = z.string().trim().min(1).max(80);

export const setupBody = z.object({ name: personName, email, password });
export const loginBody = z.object({ email, password: z.string().min(1).max(200) });
export const inviteBody = z.object({ email });
export const acceptInviteBody = z.object({
  token: z.string().min(20).max(200),
  name: personName,
  password,
});

export const WORKSHOP_TITLE_MAX = 120;
export const createWorkshopBody = z.object({
  title: z.string().trim().min(1).max(WORKSHOP_TITLE_MAX),
  /** A template id from the built-in list, or a whole template (edited copy). */
  template: z.union([z.string().max(40), templateSchema]).optional(),
});

export const JOIN_CODE_PATTERN = /^[0-9]{8}$/;
export const DISPLAY_NAME_MAX = 40;
export const joinBody = z.object({
  /** Spaces are allowed when typing ("1234 5678"); they are removed here. */
  code: z
    .string()
    .max(20)
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(JOIN_CODE_PATTERN)),
  /** Empty means anonymous. */
  name: z.string().trim().max(DISPLAY_NAME_MAX).default(''),
});

export type SetupBody = z.infer<typeof setupBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type CreateWorkshopBody = z.infer<typeof createWorkshopBody>;
export type JoinBody = z.input<typeof joinBody>;

// -------------------------------------------------------------- REST answers

export interface AccountInfo {
  id: string;
  name: string;
  email: string;
}

export interface WorkshopSummary {
  id: string;
  title: string;
  joinCode: string;
  templateId: string;
  createdAt: number;
  ownerName: string;
}

export interface WorkshopDetail extends WorkshopSummary {
  template: Template;
  /** Read-only credential for the shared screen; put in the URL fragment only. */
  screenToken: string;
}

export interface JoinResult {
  workshopId: string;
  participantId: string;
  token: string;
}

export interface ApiError {
  error: ErrorBody;
}

// ------------------------------------------------------------------ socket.io

export const ROLES = ['facilitator', 'participant', 'screen'] as const;
export type Role = (typeof ROLES)[number];

/** What a client sends in `io(url, {auth})`. Facilitators use their cookie instead of a token. */
export const socketAuth = z.object({
  protocolVersion: z.number().int(),
  workshopId: z.string().regex(/^[a-z0-9]{8,32}$/),
  token: z.string().min(20).max(200).optional(),
});
export type SocketAuth = z.infer<typeof socketAuth>;

export interface PresenceEntry {
  participantId: string;
  name: string;
}

export interface Presence {
  /** Participants with at least one open connection. */
  count: number;
  /** Named list, only sent to the facilitator. */
  participants?: PresenceEntry[];
}

export interface WorkshopState {
  protocolVersion: number;
  workshop: {
    id: string;
    title: string;
    joinCode: string;
    template: Template;
  };
  you: {
    role: Role;
    participantId?: string;
    name?: string;
  };
  presence: Presence;
}

const empty = z.object({}).strict();
const TIMER_MAX_SECONDS = TIMER_MAX_MS / 1000;

/**
 * Client → server events: name → payload schema. Every event is sent with an
 * ack and answered `{ok: true, ...result}` or `{ok: false, error}`.
 * Who may send what is in EVENT_ROLES; the current phase and the board lock
 * are checked by the handlers.
 */
export const clientEvents = {
  'participant:rename': z.object({ name: z.string().trim().max(DISPLAY_NAME_MAX) }),

  // Facilitator controls
  'phase:go': z.object({ phaseId: z.string().max(40) }),
  'phases:set': z.object({ phases: phaseListSchema }),
  'board:lock': z.object({ locked: z.boolean() }),
  'results:reveal': z.object({ revealed: z.boolean() }),
  'spotlight:set': z.object({ spotlight: spotlightSchema }),
  'timer:control': z.discriminatedUnion('action', [
    z.object({ action: z.literal('start'), seconds: z.number().int().min(1).max(TIMER_MAX_SECONDS) }),
    z.object({ action: z.literal('adjust'), seconds: z.number().int().min(-TIMER_MAX_SECONDS).max(TIMER_MAX_SECONDS) }),
    z.object({ action: z.literal('pause') }),
    z.object({ action: z.literal('resume') }),
    z.object({ action: z.literal('reset') }),
  ]),
  'settings:update': z.object({
    named: z.boolean().optional(),
    voteBudget: z.number().int().min(VOTE_BUDGET_MIN).max(VOTE_BUDGET_MAX).optional(),
    voteCap: z.number().int().min(1).max(VOTE_BUDGET_MAX).optional(),
  }),
  'item:remove': z.object({ type: z.enum(SPOTLIGHT_TYPES), id: idSchema }),
  'participant:remove': z.object({ participantId: idSchema }),
  'barrier:merge': z.object({ sourceId: idSchema, targetId: idSchema }),
  'barrier:group': z.object({ barrierIds: z.array(idSchema).min(1).max(100), heading: z.string().trim().max(HEADING_MAX) }),
  'alarm:decide': z.object({ alarmId: idSchema, status: z.enum(['confirmed', 'dismissed']) }),
  'proposal:update': proposalUpdatePayload,
  'round:start': z.object({ cardIds: z.array(idSchema).min(1).max(MAX_ROUND_CARDS), mode: z.enum(ROUND_MODES) }),
  'round:reveal': z.object({ roundId: idSchema }),
  'round:close': z.object({ roundId: idSchema }),
  'round:adopt': z.object({ roundId: idSchema, cardId: idSchema }),

  // Participants (and, where it makes sense, the facilitator)
  'barrier:add': barrierAddPayload,
  'vote:cast': voteOpPayload,
  'vote:retract': voteOpPayload,
  'proposal:add': proposalAddPayload,
  'alarm:raise': alarmRaisePayload,
  'placement:set': placementSetPayload,
  /** Ask the server to send this client's views again (after a reconnect). */
  'sync:request': empty,
} as const;
export type ClientEventName = keyof typeof clientEvents;
export type ClientEventPayload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]>;

type Anyone = 'facilitator' | 'participant';
/** Who may send each event. Everything else is answered NOT_ALLOWED. */
export const EVENT_ROLES: Record<ClientEventName, readonly Role[]> = {
  'participant:rename': ['participant'],
  'phase:go': ['facilitator'],
  'phases:set': ['facilitator'],
  'board:lock': ['facilitator'],
  'results:reveal': ['facilitator'],
  'spotlight:set': ['facilitator'],
  'timer:control': ['facilitator'],
  'settings:update': ['facilitator'],
  'item:remove': ['facilitator'],
  'participant:remove': ['facilitator'],
  'barrier:merge': ['facilitator'],
  'barrier:group': ['facilitator'],
  'alarm:decide': ['facilitator'],
  'proposal:update': ['facilitator'],
  'round:start': ['facilitator'],
  'round:reveal': ['facilitator'],
  'round:close': ['facilitator'],
  'round:adopt': ['facilitator'],
  'barrier:add': ['facilitator', 'participant'] satisfies Anyone[],
  'vote:cast': ['participant'],
  'vote:retract': ['participant'],
  'proposal:add': ['facilitator', 'participant'] satisfies Anyone[],
  'alarm:raise': ['facilitator', 'participant'] satisfies Anyone[],
  'placement:set': ['participant'],
  'sync:request': ['facilitator', 'participant', 'screen'],
};

type Nothing = Record<string, never>;
/** Answer values per event, when the answer is ok. */
export interface ClientEventResults {
  'participant:rename': { name: string };
  'phase:go': Nothing;
  'phases:set': Nothing;
  'board:lock': Nothing;
  'results:reveal': Nothing;
  'spotlight:set': Nothing;
  'timer:control': Nothing;
  'settings:update': Nothing;
  'item:remove': Nothing;
  'participant:remove': Nothing;
  'barrier:merge': Nothing;
  'barrier:group': { updated: number };
  'alarm:decide': Nothing;
  'proposal:update': Nothing;
  'round:start': { roundId: string };
  'round:reveal': Nothing;
  'round:close': Nothing;
  'round:adopt': Nothing;
  'barrier:add': { id: string };
  'vote:cast': { remaining: number };
  'vote:retract': { remaining: number };
  'proposal:add': { id: string };
  'alarm:raise': { id: string };
  'placement:set': Nothing;
  'sync:request': Nothing;
}

export type AckResult<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type Ack<T> = (result: AckResult<T>) => void;

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientEventPayload<E>, ack: Ack<ClientEventResults[E]>) => void;
};

// ------------------------------------------------------------- server views

/** The control state plus the server's clock, so timers show the same time everywhere. */
export interface ControlView extends ControlState {
  serverNow: number;
}

/** Vote results. Before the reveal, participants and the screen get `{revealed: false}` only. */
export interface TallyView {
  revealed: boolean;
  /** Facilitator always; others only after the reveal. Every live barrier, also those with 0 votes. */
  ranked?: TallyEntry[];
  /** How many people have voted (facilitator only). */
  voters?: number;
  total?: number;
}

/** A participant's own voting state. */
export interface MyVotesView {
  budget: number;
  remaining: number;
  /** Votes this participant has on each barrier. */
  perBarrier: Record<string, number>;
}

export interface RoundCardResult {
  cardId: string;
  /** Every placement, anonymous. */
  dots: { x: number; y: number }[];
  stats: PlacementStats | null;
}

export interface RoundView {
  round: PlacementRound | null;
  /** This participant's own placements in the open round. */
  mine?: Record<string, { x: number; y: number }>;
  /** Facilitator, before the reveal: how many placed each card. */
  placedCounts?: Record<string, number>;
  /** After the reveal, for everyone: cards by spread, widest first. */
  results?: RoundCardResult[];
}

export interface ServerToClientEvents {
  state: (state: WorkshopState) => void;
  presence: (presence: Presence) => void;
  control: (control: ControlView) => void;
  barriers: (barriers: Barrier[]) => void;
  tally: (tally: TallyView) => void;
  'my-votes': (votes: MyVotesView) => void;
  proposals: (proposals: Proposal[]) => void;
  alarms: (alarms: Alarm[]) => void;
  round: (round: RoundView) => void;
  /** A change this client made to the board was undone by the server, and why. */
  'board:refused': (reason: ErrorBody) => void;
  /** The server is closing this client for good (for example: removed participant). */
  'session:ended': (reason: ErrorBody) => void;
}
