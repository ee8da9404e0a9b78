import type { Template } from './template';
import type { ErrorBody } from './errors';
import type { ControlState, ScreenFocus, Spotlight, SpotlightType, TimerAction, TrajectoryFocus } from './control';
import type { TrackedProposal } from './knowledge';
import type { Phase } from './phases';
import type {
  Alarm,
  AlarmRaisePayload,
  Barrier,
  BarrierAddPayload,
  PlacementRound,
  PlacementSetPayload,
  Proposal,
  ProposalAddPayload,
  ProposalUpdatePayload,
  RoundMode,
  VoteOpPayload,
} from './method';
import type { PlacementStats } from './placement';
import type { TallyEntry } from './voting';

/**
 * The contract between client and server: every REST body and every socket.io
 * event is described here once, as a TypeScript type. The zod schemas the server
 * validates with at the boundary are in shared/schemas/protocol.ts, which proves
 * at compile time that they match these types. This module imports no zod, so
 * the client (and the phone's bundle) can use it. See docs/api.md and
 * docs/protocol.md.
 */
/** 3: cards may be unplaced (no `pos`; docs/board-document.md). */
export const PROTOCOL_VERSION = 3;

// ---------------------------------------------------------------- REST bodies
// As the handlers receive them, after the schemas (emails trimmed and lowercased).

export interface SetupBody {
  name: string;
  email: string;
  password: string;
}

export interface LoginBody {
  email: string;
  password: string;
}

export interface InviteBody {
  email: string;
}

export interface AcceptInviteBody {
  token: string;
  name: string;
  password: string;
}

export const WORKSHOP_TITLE_MAX = 120;

export interface CreateWorkshopBody {
  title: string;
  /** A template id from the built-in list, or a whole template (edited copy). */
  template?: string | Template;
}

export const JOIN_CODE_PATTERN = /^[0-9]{8}$/;
export const DISPLAY_NAME_MAX = 40;

/** What a client sends to POST /api/join. */
export interface JoinBody {
  /** Spaces are allowed when typing ("1234 5678"); the server removes them. */
  code: string;
  /** Empty or left out means anonymous. */
  name?: string;
}

// -------------------------------------------------------------- REST answers

/** facilitator: runs workshops; member (action group, stuurgroep): reads the knowledge centre; admin: manages accounts. */
export const ACCOUNT_ROLE_NAMES = ['facilitator', 'member', 'admin'] as const;
export type AccountRoleName = (typeof ACCOUNT_ROLE_NAMES)[number];

export interface AccountInfo {
  id: string;
  name: string;
  email: string;
  roles: AccountRoleName[];
}

/**
 * Where a sign-in may send the browser back to (?terug=): our own pages for accounts (facilitator,
 * knowledge centre, report), with their query and item anchor; never another site.
 */
export const RETURN_PATH = /^\/(begeleider|kenniscentrum|rapport)(\/[a-z0-9/]*)?(\?[A-Za-z0-9=&%+._~-]*)?(#[a-z0-9-]*)?$/;

/** GET /api/auth/oidc: what the login page offers. */
export interface SignInOptions {
  /** Single sign-on with the organisation's identity provider is configured. */
  enabled: boolean;
  /** For the button "Inloggen met <organisationName>" (OIDC_ORGANISATION_NAME). */
  organisationName: string;
  /** Password accounts are on (LOCAL_ACCOUNTS). */
  localAccounts: boolean;
}

/** One row of the administrator's account list (GET /api/accounts). */
export interface AccountListItem extends AccountInfo {
  /** 'provider': signs in through OpenID Connect, its roles come from the provider's groups. */
  managedBy: 'local' | 'provider';
  disabled: boolean;
  createdAt: number;
}

/** PATCH /api/accounts/:id (administrators): a local account's roles, and switching any account off or on. */
export interface UpdateAccountBody {
  roles?: AccountRoleName[];
  disabled?: boolean;
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
export interface SocketAuth {
  protocolVersion: number;
  workshopId: string;
  token?: string;
}

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

/**
 * Client → server events: name → payload, as the handler receives it (after
 * `clientEvents` in shared/schemas/protocol.ts: trimmed, defaults filled in). Every event
 * is sent with an ack and answered `{ok: true, ...result}` or `{ok: false, error}`.
 * Who may send what is in EVENT_ROLES; the current phase and the board lock
 * are checked by the handlers.
 */
export interface ClientEventPayloads {
  'participant:rename': { name: string };

  // Facilitator controls
  'phase:go': { phaseId: string };
  'phases:set': { phases: Phase[] };
  'board:lock': { locked: boolean };
  'results:reveal': { revealed: boolean };
  /** Close voting (no casting or retracting), or reopen it. Revealing the results also closes it. */
  'voting:close': { closed: boolean };
  /** The page of the shared screen's list, whether results show only the top five, and automatic paging. */
  'screen:set': { page?: number; focus?: ScreenFocus; auto?: boolean };
  /** The shared screen's measured page count of the list it shows (`list` names the list; `screen`: a random id per screen). */
  'screen:measured': { list: string; pages: number; screen: string };
  'spotlight:set': { spotlight: Spotlight };
  /** Which Koers arrows the boards show: all, the largest shifts, or one card's. */
  'trajectories:set': { trajectories: TrajectoryFocus };
  'timer:control': TimerAction;
  'settings:update': { named?: boolean; voteBudget?: number; voteCap?: number };
  'item:remove': { type: SpotlightType; id: string };
  'participant:remove': { participantId: string };
  'barrier:merge': { sourceId: string; targetId: string };
  'barrier:group': { barrierIds: string[]; heading: string };
  'alarm:decide': { alarmId: string; status: 'confirmed' | 'dismissed' };
  'proposal:update': ProposalUpdatePayload;
  'round:start': { cardIds: string[]; mode: RoundMode };
  'round:reveal': { roundId: string };
  'round:close': { roundId: string };
  'round:adopt': { roundId: string; cardId: string };

  // Participants (and, where it makes sense, the facilitator)
  'barrier:add': BarrierAddPayload;
  'vote:cast': VoteOpPayload;
  'vote:retract': VoteOpPayload;
  'proposal:add': ProposalAddPayload;
  'alarm:raise': AlarmRaisePayload;
  'placement:set': PlacementSetPayload;
  /** Ask the server to send this client's views again (after a reconnect). No fields. */
  'sync:request': Record<string, never>;
  /** Open proposals from earlier workshops about this board's register entries (the screen shows them in Welkom). */
  'openProposals:get': Record<string, never>;
}
export type ClientEventName = keyof ClientEventPayloads;
export type ClientEventPayload<E extends ClientEventName> = ClientEventPayloads[E];

type Anyone = 'facilitator' | 'participant';
/** Who may send each event. Everything else is answered NOT_ALLOWED. */
export const EVENT_ROLES: Record<ClientEventName, readonly Role[]> = {
  'participant:rename': ['participant'],
  'phase:go': ['facilitator'],
  'phases:set': ['facilitator'],
  'board:lock': ['facilitator'],
  'results:reveal': ['facilitator'],
  'voting:close': ['facilitator'],
  'screen:set': ['facilitator'],
  'screen:measured': ['screen'],
  'spotlight:set': ['facilitator'],
  'trajectories:set': ['facilitator'],
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
  'openProposals:get': ['facilitator', 'screen'],
};

type Nothing = Record<string, never>;
/** Answer values per event, when the answer is ok. */
export interface ClientEventResults {
  'participant:rename': { name: string };
  'phase:go': Nothing;
  'phases:set': Nothing;
  'board:lock': Nothing;
  'results:reveal': Nothing;
  'voting:close': Nothing;
  'screen:set': Nothing;
  'screen:measured': Nothing;
  'spotlight:set': Nothing;
  'trajectories:set': Nothing;
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
  'openProposals:get': { proposals: TrackedProposal[] };
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
