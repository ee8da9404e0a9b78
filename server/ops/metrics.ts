/**
 * Prometheus metrics (prom-client) at /metrics. Labels hold only bounded, non-personal
 * values: plane names, event names from the protocol, error codes from shared/errors.ts,
 * Express route patterns and status codes. No workshop ids (unbounded), no names, no addresses.
 */
import crypto from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ERROR_MESSAGES } from '../../shared/errors';
import { clientEvents } from '../../shared/schemas';
import type { RequestSample } from '../http/requestLog';
import { HttpError } from '../http/errors';
import type { Storage } from '../storage/storage';

/** What the gauges read at scrape time. */
export interface MetricsSources {
  boardConnections(): number;
  controlConnections(): number;
  boardsLoaded(): number;
}

/** The socket.io server's two hooks the metrics need (kept structural so tests and adapters fit). */
interface MiddlewareSocket {
  use(fn: (packet: unknown[], next: (err?: Error) => void) => void): void;
}
interface MiddlewareServer {
  use(fn: (socket: MiddlewareSocket, next: (err?: Error) => void) => void): void;
}

const LATENCY_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const VOTE_EVENTS = new Set(['vote:cast', 'vote:retract']);

/** A code from shared/errors.ts, or OTHER: a label never carries free text. */
function codeLabel(code: unknown): string {
  return typeof code === 'string' && code in ERROR_MESSAGES ? code : 'OTHER';
}

export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'regiebord_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS_S,
    registers: [this.registry],
  });
  private readonly broadcast = new Histogram({
    name: 'regiebord_board_broadcast_seconds',
    help: 'Board broadcasts: from applying a batch of changes to the last socket write',
    buckets: LATENCY_BUCKETS_S,
    registers: [this.registry],
  });
  private readonly stored = new Histogram({
    name: 'regiebord_stored_update_seconds',
    help: 'Time to store a batch of board updates durably',
    buckets: LATENCY_BUCKETS_S,
    registers: [this.registry],
  });
  private readonly votes = new Counter({
    name: 'regiebord_votes_total',
    help: 'Votes cast or retracted, accepted or refused (by error code)',
    labelNames: ['event', 'outcome', 'code'] as const,
    registers: [this.registry],
  });
  private readonly socketEvents = new Counter({
    name: 'regiebord_socket_events_total',
    help: 'Control-plane (socket.io) events by name and outcome (ok or error code)',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'regiebord_rate_limited_total',
    help: 'Requests, events and board connections refused for going too fast, by plane',
    labelNames: ['plane'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    new Gauge({
      name: 'regiebord_connected_clients',
      help: 'Open connections by plane (board: Yjs WebSocket; control: socket.io)',
      labelNames: ['plane'] as const,
      registers,
      collect() {
        this.set({ plane: 'board' }, sources.boardConnections());
        this.set({ plane: 'control' }, sources.controlConnections());
      },
    });
    new Gauge({
      name: 'regiebord_boards_loaded',
      help: 'Board documents held in memory',
      registers,
      collect() {
        this.set(sources.boardsLoaded());
      },
    });
    // Process (CPU, resident memory, open files), heap, GC and event-loop lag.
    collectDefaultMetrics({ register: this.registry });
    for (const plane of ['http', 'control', 'board']) this.rateLimited.inc({ plane }, 0);
  }

  observeRequest = (sample: RequestSample): void => {
    this.httpDuration.observe({ route: sample.route, method: sample.method, status: String(sample.status) }, sample.seconds);
    if (sample.status === 429) this.rateLimited.inc({ plane: 'http' });
  };

  observeBroadcast = (ms: number): void => this.broadcast.observe(ms / 1000);

  boardRateLimited = (): void => {
    this.rateLimited.inc({ plane: 'board' });
  };

  /** Times every durable write of board updates, without the board room knowing. */
  instrumentStorage(storage: Storage): void {
    const append = storage.appendUpdates.bind(storage);
    storage.appendUpdates = async (workshopId, updates) => {
      const end = this.stored.startTimer();
      try {
        return await append(workshopId, updates);
      } finally {
        end();
      }
    };
  }

  /**
   * Counts every control-plane event by its answer. Registered at the handshake, so it runs
   * before the control plane's own per-socket middleware (the rate limit) and sees its answers too.
   */
  instrumentControlPlane(io: MiddlewareServer): void {
    io.use((socket, next) => {
      socket.use((packet, nextPacket) => {
        const last = packet.length - 1;
        const ack = packet[last];
        if (last > 0 && typeof ack === 'function') {
          const event = typeof packet[0] === 'string' && packet[0] in clientEvents ? packet[0] : 'unknown';
          packet[last] = (result: unknown) => {
            this.countAnswer(event, result);
            (ack as (r: unknown) => void)(result);
          };
        }
        nextPacket();
      });
      next();
    });
  }

  private countAnswer(event: string, result: unknown): void {
    const answer = result as { ok?: unknown; error?: { code?: unknown } } | null;
    const outcome = answer?.ok === true ? 'ok' : codeLabel(answer?.error?.code);
    this.socketEvents.inc({ event, outcome });
    if (outcome === 'RATE_LIMITED') this.rateLimited.inc({ plane: 'control' });
    if (VOTE_EVENTS.has(event)) {
      this.votes.inc({ event, outcome: outcome === 'ok' ? 'accepted' : 'refused', code: outcome === 'ok' ? '' : outcome });
    }
  }
}

export interface MetricsAccess {
  /** Bearer token a scraper sends (Authorization: Bearer …); empty: no token access. */
  token: string;
  /** Addresses or CIDR ranges (10.0.0.0/8, ::1) that may scrape without a token; empty: none. */
  allow: string[];
}

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (!address || family === 0) throw new Error(`METRICS_ALLOW: not an address or range: ${entry}`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * GET /metrics: with the bearer token, or from an allowed address. The address is the TCP peer's,
 * never X-Forwarded-For, and a request that came through a proxy (it carries forwarding headers)
 * needs the token: otherwise a reverse proxy on an allowed address would open /metrics to everyone.
 */
export function metricsHandler(metrics: Metrics, access: MetricsAccess): RequestHandler {
  const allowed = blockListOf(access.allow);
  return (req, res, next) => {
    const auth = req.get('authorization') ?? '';
    const bearer = /^Bearer (.+)$/i.exec(auth)?.[1];
    const byToken = access.token !== '' && bearer !== undefined && sameSecret(bearer, access.token);
    const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.)/, '');
    const proxied = req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined;
    const byAddress = !proxied && isIP(peer) !== 0 && allowed.check(peer, isIP(peer) === 6 ? 'ipv6' : 'ipv4');
    if (!byToken && !byAddress) return next(new HttpError(403, 'NOT_ALLOWED'));
    metrics.registry.metrics().then((text) => {
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(text);
    }, next);
  };
}
