import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type WorkshopState } from '../../shared/protocol';
import { eventually } from './poll';

export interface DocClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A WebSocket class that sends fixed headers (cookie, Origin), as a browser would. */
function websocketWithHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as typeof WebSocket;
}

/** The stock y-websocket provider, exactly as the public contract promises it works. */
export function connectDoc(
  wsUrl: string,
  workshopId: string,
  opts: { token?: string; headers?: Record<string, string>; clientID?: number } = {},
): DocClient {
  const doc = new Y.Doc();
  // A chosen Yjs client id decides who wins Yjs's tie-break between concurrent writes.
  if (opts.clientID !== undefined) doc.clientID = opts.clientID;
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, workshopId, doc, {
    params: opts.token ? { token: opts.token } : {},
    WebSocketPolyfill: (opts.headers ? websocketWithHeaders(opts.headers) : WebSocket) as never,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function connectedDoc(
  wsUrl: string,
  workshopId: string,
  opts: { token?: string; headers?: Record<string, string>; clientID?: number } = {},
): Promise<DocClient> {
  const client = connectDoc(wsUrl, workshopId, opts);
  await eventually(() => client.provider.synced, { timeoutMs: 5_000 });
  return client;
}

export interface ControlClient {
  socket: Socket;
  state: Promise<WorkshopState>;
}

export function connectControl(
  url: string,
  workshopId: string,
  opts: { token?: string; headers?: Record<string, string>; protocolVersion?: number } = {},
): ControlClient {
  const socket = io(url, {
    auth: { protocolVersion: opts.protocolVersion ?? PROTOCOL_VERSION, workshopId, token: opts.token },
    extraHeaders: opts.headers,
    transports: ['websocket'],
    reconnectionDelayMax: 300,
    forceNew: true,
  });
  const state = new Promise<WorkshopState>((resolve, reject) => {
    socket.once('state', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, state };
}

/** Emit with an ack, with a deadline. */
export function ask<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 5_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** Records the latest payload of every server event on a socket. */
export class Recorder {
  readonly latest = new Map<string, unknown>();
  readonly seen: { event: string; payload: unknown }[] = [];

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: unknown) => {
      this.latest.set(event, payload);
      this.seen.push({ event, payload });
    });
  }

  get<T>(event: string): T | undefined {
    return this.latest.get(event) as T | undefined;
  }
}
