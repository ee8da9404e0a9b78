import { z } from 'zod';
import { templateSchema, type Template } from './template';
import type { ErrorBody } from './errors';

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

/** Client → server events: name → payload schema. Every one answers through the ack. */
export const clientEvents = {
  'participant:rename': z.object({ name: z.string().trim().max(DISPLAY_NAME_MAX) }),
} as const;
export type ClientEventName = keyof typeof clientEvents;
export type ClientEventPayload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]>;

/** Answer values per event, when the answer is ok. */
export interface ClientEventResults {
  'participant:rename': { name: string };
}

export type AckResult<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type Ack<T> = (result: AckResult<T>) => void;

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientEventPayload<E>, ack: Ack<ClientEventResults[E]>) => void;
};

export interface ServerToClientEvents {
  state: (state: WorkshopState) => void;
  presence: (presence: Presence) => void;
  /** The server is closing this client for good (for example: removed participant). */
  'session:ended': (reason: ErrorBody) => void;
}
