import type { Socket } from 'socket.io-client';
import type {
  ClientEventName,
  ClientEventPayload,
  ClientEventResults,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../../shared/protocol';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * What an action ends in, on the client: the server's answer, or a refusal
 * with an error code. 'NETWORK' means: no (timely) answer from the server.
 */
export type SendResult<E extends ClientEventName> = ({ ok: true } & ClientEventResults[E]) | { ok: false; code: string };
export type Send = <E extends ClientEventName>(event: E, payload: ClientEventPayload<E>) => Promise<SendResult<E>>;

export const ACK_TIMEOUT_MS = 5000;
/** Votes are sent again (same opId) this many times after a timeout or a lost connection. */
export const VOTE_RETRIES = 3;

const NETWORK = { ok: false as const, code: 'NETWORK' };

/** socket.io's typed emitWithAck cannot resolve a generic event name; this narrow view of it can. */
interface RawEmitter {
  emitWithAck(event: string, payload: unknown): Promise<unknown>;
}

function isAnswer(value: unknown): value is { ok: boolean; error?: { code?: unknown } } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** One attempt: the answer, or 'timeout' when none came within the time limit. */
async function emitOnce<E extends ClientEventName>(
  socket: ControlSocket,
  event: E,
  payload: ClientEventPayload<E>,
): Promise<SendResult<E> | 'timeout'> {
  let answer: unknown;
  try {
    answer = await (socket.timeout(ACK_TIMEOUT_MS) as unknown as RawEmitter).emitWithAck(event, payload);
  } catch {
    return 'timeout';
  }
  if (!isAnswer(answer)) return { ok: false, code: 'INTERNAL' };
  if (answer.ok) return answer as SendResult<E>;
  const code = answer.error?.code;
  return { ok: false, code: typeof code === 'string' ? code : 'INTERNAL' };
}

/**
 * Send one action and wait for the answer. Without a connection it fails at
 * once (instead of being queued and done later, when the user has given up).
 */
export async function sendOnce<E extends ClientEventName>(
  socket: ControlSocket | null,
  event: E,
  payload: ClientEventPayload<E>,
): Promise<SendResult<E>> {
  if (!socket?.connected) return NETWORK;
  const result = await emitOnce(socket, event, payload);
  return result === 'timeout' ? NETWORK : result;
}

function waitForConnect(socket: ControlSocket, ms: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  if (!socket.active) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      window.clearTimeout(timer);
      socket.off('connect', onConnect);
      resolve(ok);
    };
    const onConnect = () => done(true);
    const timer = window.setTimeout(() => done(false), ms);
    socket.on('connect', onConnect);
  });
}

/**
 * Send an idempotent action (a vote with its opId): after a timeout or a lost
 * connection the very same payload is sent again, so the server counts it once.
 */
export async function sendWithRetry<E extends ClientEventName>(
  getSocket: () => ControlSocket | null,
  event: E,
  payload: ClientEventPayload<E>,
  retries = VOTE_RETRIES,
): Promise<SendResult<E>> {
  for (let attempt = 0; attempt <= retries; attempt++) {
    const socket = getSocket();
    if (!socket) return NETWORK;
    if (!(await waitForConnect(socket, ACK_TIMEOUT_MS))) continue;
    const result = await emitOnce(socket, event, payload);
    if (result !== 'timeout') return result;
  }
  return NETWORK;
}

/** A fresh operation id for one intended vote: 22 url-safe characters. */
export function newOpId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
