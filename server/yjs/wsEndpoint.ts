import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES } from '../../shared/errors';
import { ID_PATTERN } from '../../shared/ids';
import type { AccessControl, Principal } from '../auth/access';
import { isOriginAllowed } from '../auth/origin';
import type { ServerConfig } from '../config';
import { TokenBucket } from '../limits';
import type { Logger } from '../logger';
import type { DocConnection } from './docRoom';
import type { DocRegistry } from './docRegistry';
import { startKeepAlive } from './keepAlive';

export const YJS_PATH_PREFIX = '/yjs/';

/** A slow phone that stops reading is cut off rather than buffered without end, in bytes. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Dead connections (a phone that walked out of Wi-Fi range) are found by ping, in ms. */
const PING_INTERVAL_MS = 30_000;

/** Adapts a `ws` socket to the room's DocConnection. */
export class WsDocConnection implements DocConnection {
  alive = true;
  /** performance.now() of the last message sent (the keep-alive skips connections that had traffic). */
  lastSentAt = performance.now();
  readonly bucket: TokenBucket;

  constructor(
    readonly ws: WebSocket,
    readonly principal: Principal,
    limits: { messagesPerSecond: number; messageBurst: number },
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    this.lastSentAt = performance.now();
    this.ws.send(message, { binary: true }, (err) => {
      if (err) this.ws.terminate();
    });
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      this.ws.close(code, reason);
    }
  }
}

export interface YjsEndpointDeps {
  config: ServerConfig;
  access: AccessControl;
  registry: DocRegistry;
  logger: Logger;
  /** Told when a connection is closed for sending too fast (metrics). */
  onRateLimited?: () => void;
}

export interface YjsEndpoint {
  /** Returns false when the request is not for this endpoint. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  connections(): WsDocConnection[];
  close(): void;
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The Yjs endpoint at /yjs/<workshopId>, speaking the standard y-websocket
 * protocol. Authentication happens at the upgrade, and the document is loaded
 * before the upgrade completes, so no client can sync against an empty doc.
 */
export function createYjsEndpoint(deps: YjsEndpointDeps): YjsEndpoint {
  const { config, access, registry, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.yjs.maxFrameBytes });
  const all = new Set<WsDocConnection>();

  const pinger = setInterval(() => {
    for (const conn of all) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();
  const stopKeepAlive = startKeepAlive(config.yjs.keepAliveMs, () => all);

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, workshopId: string, token: string | undefined) {
    const origin = req.headers.origin;
    if (origin && !isOriginAllowed(origin, req.headers.host, config)) return refuse(socket, 403, 'Forbidden');
    const result = await access.resolve(workshopId, {
      token,
      cookieHeader: token ? undefined : req.headers.cookie,
    });
    if (!result.ok) return refuse(socket, result.status, result.status === 404 ? 'Not Found' : 'Unauthorized');
    // A cookie is sent by the browser on its own: require a same-site Origin (CSWSH).
    if (result.viaCookie && !origin) return refuse(socket, 403, 'Forbidden');

    const room = await registry.acquire(workshopId);
    if (socket.destroyed) {
      room.release();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new WsDocConnection(ws, result.principal, config.yjs);
      all.add(conn);
      room.addConnection(conn);
      ws.on('message', (data, isBinary) => {
        if (!isBinary) {
          conn.close(CLOSE_CODES.BAD_MESSAGE, 'binary frames only');
          return;
        }
        if (!conn.bucket.take()) {
          deps.onRateLimited?.();
          conn.close(CLOSE_CODES.RATE_LIMITED, 'too many messages');
          return;
        }
        room.receive(conn, toBytes(data));
      });
      ws.on('pong', () => {
        conn.alive = true;
      });
      ws.on('close', () => {
        all.delete(conn);
        room.removeConnection(conn);
      });
      // Oversized frames and protocol errors end up here; the close handler cleans up.
      ws.on('error', () => ws.terminate());
    });
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(YJS_PATH_PREFIX)) return false;
      const workshopId = url.pathname.slice(YJS_PATH_PREFIX.length);
      if (!ID_PATTERN.test(workshopId)) {
        refuse(socket, 404, 'Not Found');
        return true;
      }
      socket.on('error', () => socket.destroy());
      upgrade(req, socket, head, workshopId, url.searchParams.get('token') ?? undefined).catch((err) => {
        logger.error('Yjs upgrade failed', err);
        refuse(socket, 500, 'Internal Server Error');
      });
      return true;
    },
    connections: () => [...all],
    close() {
      clearInterval(pinger);
      stopKeepAlive();
      for (const conn of all) conn.ws.terminate();
      wss.close();
    },
  };
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
