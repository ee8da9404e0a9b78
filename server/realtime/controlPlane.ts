import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { CLOSE_CODES, errorBody, type ErrorCode } from '../../shared/errors';
import {
  EVENT_ROLES,
  PROTOCOL_VERSION,
  type ClientEventName,
  type ClientEventPayload,
  type Presence,
  type ServerToClientEvents,
  type WorkshopState,
} from '../../shared/protocol';
import { noClusterEvents, type ClusterEvents } from '../cluster/clusterEvents';
import { clientEvents, socketAuth } from '../../shared/schemas';
import type { AccessControl, Principal } from '../auth/access';
import { isOriginAllowed, isSameSiteBrowserRequest } from '../auth/origin';
import type { ServerConfig } from '../config';
import type { Logger } from '../logger';
import { barriersAndVotes } from '../method/barriersAndVotes';
import { Broadcaster, facilitatorRoomOf, participantRoomOf, roomOf } from '../method/broadcaster';
import { TokenBucket } from '../limits';
import { ActionError, type Actor, type Handler, type Handlers, type MethodContext } from '../method/context';
import type { ControlStates } from '../method/controlStates';
import { facilitatorControls } from '../method/facilitatorControls';
import { placementRounds } from '../method/placementRounds';
import { proposalsAndAlarms } from '../method/proposalsAndAlarms';
import type { TrackedProposal } from '../../shared/knowledge';
import type { Storage, WorkshopRecord } from '../storage/storage';
import type { DocRegistry } from '../yjs/docRegistry';
import type { YjsEndpoint } from '../yjs/wsEndpoint';
import { PresenceTracker } from './presence';

/** Inbound payloads are unknown until validated; the schemas in shared/schemas/protocol.ts decide. */
type InboundEvents = Record<ClientEventName, (payload: unknown, ack: unknown) => void>;

interface SocketData {
  principal: Principal;
  workshop: WorkshopRecord;
  /** The state this client was sent on connect; sent again after a rename. */
  state?: WorkshopState;
}

type ControlSocket = Socket<InboundEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ControlServer = Server<InboundEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface ControlPlaneDeps {
  httpServer: HttpServer;
  config: ServerConfig;
  access: AccessControl;
  storage: Storage;
  controls: ControlStates;
  registry: DocRegistry;
  yjs: YjsEndpoint;
  logger: Logger;
  /** Open proposals from earlier workshops on this workshop's register entries (the knowledge centre's tracker). */
  openProposals?: (workshopId: string) => Promise<TrackedProposal[]>;
  /** Several instances: socket.io's Redis adapter, and the instances' own messages. */
  cluster?: { adapter: ServerOptions['adapter']; events: ClusterEvents };
}

/** Several instances: asking the others who is connected waits at most this long before trying again, in ms. */
const PRESENCE_RETRY_MS = 1_000;
/** How long the other instances are given to say who is connected to them, in ms. */
const PRESENCE_ASK_MS = 2_000;
const PRESENCE_RETRIES = 10;

export interface ControlPlane {
  io: ControlServer;
  broadcaster: Broadcaster;
  /** Tell a writer (on all its sockets) that the board undid its change, and why. */
  tellRefused(principal: Principal, code: ErrorCode): void;
  /** The workshop was deleted: tell its clients and disconnect them. */
  endWorkshop(workshopId: string): void;
  /** Send every connected client of the workshop its state again, with the new title. */
  retitle(workshopId: string, title: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * socket.io: membership, roles and presence, and the workshop method (phases,
 * votes, locks, timers, ...). Every event goes through one path: role check
 * (EVENT_ROLES), schema check, handler, answer in the ack. A handler that
 * throws answers INTERNAL and never takes the process down.
 */
export function createControlPlane(deps: ControlPlaneDeps): ControlPlane {
  const { httpServer, config, access, storage, controls, registry, yjs, logger } = deps;
  const events = deps.cluster?.events ?? noClusterEvents;
  const io: ControlServer = new Server(httpServer, {
    ...(deps.cluster ? { adapter: deps.cluster.adapter } : {}),
    serveClient: false,
    maxHttpBufferSize: config.socketIo.maxMessageBytes,
    // The Yjs endpoint shares this HTTP server: let its upgrades through.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || isOriginAllowed(origin, req.headers.host, config));
    },
  });

  const broadcaster = new Broadcaster(
    io as never,
    storage,
    controls,
    (workshopId, topic) => events.emit({ type: 'views', workshopId, topic }),
    (err) => logger.error('sending workshop views failed', err),
  );
  const presence = new PresenceTracker((workshopId) => void publishPresence(workshopId, 0));

  /**
   * Who is connected. One instance: its own tracker. Several: every instance's sockets in the
   * workshop's room (socket.io's adapter asks the others), so an instance that was killed
   * drops out by itself once the others stop hearing it.
   */
  async function presenceOf(workshopId: string): Promise<{ full: Presence; count: Presence }> {
    if (!deps.cluster) return { full: presence.full(workshopId), count: presence.countOnly(workshopId) };
    const names = new Map<string, string>();
    for (const socket of await io.in(roomOf(workshopId)).timeout(PRESENCE_ASK_MS).fetchSockets()) {
      const p = socket.data.principal;
      if (p.role === 'participant') names.set(p.participantId, p.name);
    }
    const participants = [...names].map(([participantId, name]) => ({ participantId, name }));
    return { full: { count: participants.length, participants }, count: { count: participants.length } };
  }

  async function publishPresence(workshopId: string, attempt: number): Promise<void> {
    try {
      const { full, count } = await presenceOf(workshopId);
      io.to(roomOf(workshopId)).except(facilitatorRoomOf(workshopId)).emit('presence', count);
      io.to(facilitatorRoomOf(workshopId)).emit('presence', full);
    } catch (err) {
      // An instance that just died has not been missed yet; ask again shortly.
      if (attempt >= PRESENCE_RETRIES) logger.error('presence could not be gathered from every instance', err);
      else setTimeout(() => void publishPresence(workshopId, attempt + 1), PRESENCE_RETRY_MS).unref();
    }
  }

  events.on((event) => {
    switch (event.type) {
      case 'control':
        void controls.refresh(event.workshopId).catch((err: unknown) => logger.error('reading a changed control state failed', err));
        return;
      case 'views':
        void broadcaster.sendPersonal(event.workshopId, event.topic).catch((err: unknown) => logger.error('sending workshop views failed', err));
        return;
      case 'endParticipant':
        closeBoardsOf(event.workshopId, event.participantId);
        return;
      case 'deleted':
        broadcaster.forget(event.workshopId);
        return;
    }
  });

  /** The removed participant's board connections on this instance. */
  function closeBoardsOf(workshopId: string, participantId: string): void {
    for (const conn of yjs.connections()) {
      const p = conn.principal;
      if (p.role === 'participant' && p.participantId === participantId && p.workshopId === workshopId) {
        conn.close(CLOSE_CODES.PARTICIPANT_REMOVED, 'participant removed');
      }
    }
  }

  const ctx: MethodContext = {
    storage,
    controls,
    broadcaster,
    async withBoard(workshopId, fn) {
      const room = await registry.acquire(workshopId);
      try {
        return fn(room);
      } finally {
        room.release();
      }
    },
    endParticipant(workshopId, participantId) {
      const room = io.in(participantRoomOf(participantId));
      room.emit('session:ended', errorBody('PARTICIPANT_REMOVED'));
      room.disconnectSockets(true);
      closeBoardsOf(workshopId, participantId);
      events.emit({ type: 'endParticipant', workshopId, participantId });
    },
  };

  const handlers: Handlers = {
    ...facilitatorControls(ctx),
    ...barriersAndVotes(ctx),
    ...proposalsAndAlarms(ctx),
    ...placementRounds(ctx),
    'participant:rename': async ({ name }, actor) => {
      const p = actor.principal;
      if (p.role !== 'participant') throw new ActionError('NOT_ALLOWED');
      await storage.renameParticipant(p.participantId, name);
      p.name = name;
      presence.rename(actor.workshopId, p.participantId, name);
      return { name };
    },
    'sync:request': async (_payload, actor) => {
      await actor.resend();
      return {};
    },
    'openProposals:get': async (_payload, actor) => ({ proposals: (await deps.openProposals?.(actor.workshopId)) ?? [] }),
  };

  io.use(async (socket, next) => {
    const refuse = (code: ErrorCode) => {
      const err = new Error(code) as Error & { data?: unknown };
      err.data = errorBody(code);
      next(err);
    };
    try {
      const parsed = socketAuth.safeParse(socket.handshake.auth);
      if (!parsed.success) return refuse('INVALID_PAYLOAD');
      if (parsed.data.protocolVersion !== PROTOCOL_VERSION) return refuse('PROTOCOL_MISMATCH');
      const cookieHeader = socket.handshake.headers.cookie;
      const result = await access.resolve(parsed.data.workshopId, { token: parsed.data.token, cookieHeader });
      if (!result.ok) return refuse(result.code);
      // A cookie is sent by the browser on its own: require our Origin (cross-site WebSocket hijacking).
      if (result.viaCookie && !isSameSiteBrowserRequest(socket.handshake.headers, config)) {
        return refuse('FORBIDDEN_ORIGIN');
      }
      await controls.get(result.workshop.id);
      socket.data.principal = result.principal;
      socket.data.workshop = result.workshop;
      next();
    } catch (err) {
      logger.error('socket.io handshake failed', err);
      refuse('INTERNAL');
    }
  });

  function listen<E extends ClientEventName>(socket: ControlSocket, event: E, handler: Handler<E>): void {
    // socket.io's typed `on` cannot resolve a generic event name; the schema lookup below is typed instead.
    const on = socket.on.bind(socket) as (name: string, fn: (payload: unknown, ack: unknown) => void) => void;
    on(event, (payload: unknown, ack: unknown) => {
      // Every event must be sent with an ack; without one there is nobody to answer.
      if (typeof ack !== 'function') return;
      const answer = ack as (result: unknown) => void;
      const workshopId = socket.data.workshop.id;
      const actor: Actor = {
        principal: socket.data.principal,
        workshopId,
        resend: () => broadcaster.sendAll(socket, workshopId),
      };
      if (!EVENT_ROLES[event].includes(actor.principal.role)) {
        answer({ ok: false, error: errorBody('NOT_ALLOWED') });
        return;
      }
      // A finished workshop is read-only: only asking for the current state is answered.
      if (event !== 'sync:request' && controls.peek(workshopId)?.finishedAt) {
        answer({ ok: false, error: errorBody('WORKSHOP_FINISHED') });
        return;
      }
      const parsed = clientEvents[event].safeParse(payload);
      if (!parsed.success) {
        answer({ ok: false, error: errorBody('INVALID_PAYLOAD') });
        return;
      }
      handler(parsed.data as ClientEventPayload<E>, actor).then(
        (result) => answer({ ok: true, ...result }),
        (err: unknown) => {
          if (err instanceof ActionError) {
            answer({ ok: false, error: errorBody(err.code) });
            return;
          }
          logger.error(`socket event ${event} failed`, err);
          answer({ ok: false, error: errorBody('INTERNAL') });
        },
      );
    });
  }

  /** Sustained flooding past the rate limit ends the connection, in refused events. */
  const MAX_REFUSED_IN_A_ROW = 200;

  io.on('connection', (socket) => {
    const { principal, workshop } = socket.data;
    const bucket = new TokenBucket(config.socketIo.eventsPerSecond, config.socketIo.eventBurst);
    let refusedInARow = 0;
    socket.use(([, ...args], next) => {
      if (bucket.take()) {
        refusedInARow = 0;
        return next();
      }
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, error: errorBody('RATE_LIMITED') });
      if (++refusedInARow > MAX_REFUSED_IN_A_ROW) socket.disconnect(true);
    });
    const workshopId = workshop.id;
    void socket.join(roomOf(workshopId));
    if (principal.role === 'facilitator') void socket.join(facilitatorRoomOf(workshopId));
    if (principal.role === 'participant') {
      void socket.join(participantRoomOf(principal.participantId));
      presence.join(workshopId, principal.participantId, principal.name);
    }

    const stateWith = (people: { full: Presence; count: Presence }): WorkshopState => ({
      protocolVersion: PROTOCOL_VERSION,
      workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode, template: workshop.template },
      you:
        principal.role === 'participant'
          ? { role: 'participant', participantId: principal.participantId, name: principal.name }
          : principal.role === 'facilitator'
            ? { role: 'facilitator', name: principal.name }
            : { role: 'screen' },
      presence: principal.role === 'facilitator' ? people.full : people.count,
    });
    const sendState = (state: WorkshopState) => {
      socket.emit('state', state);
      // Kept for a rename, which sends it again with the new title.
      socket.data.state = state;
    };
    const sendAll = () =>
      broadcaster.sendAll(socket, workshopId).catch((err: unknown) => logger.error('sending workshop views failed', err));
    if (deps.cluster) {
      // Who is connected is gathered from every instance first; the views follow the state, as on one instance.
      void presenceOf(workshopId)
        .catch(() => ({ full: presence.full(workshopId), count: presence.countOnly(workshopId) }))
        .then((people) => {
          sendState(stateWith(people));
          return sendAll();
        });
    } else {
      sendState(stateWith({ full: presence.full(workshopId), count: presence.countOnly(workshopId) }));
      void sendAll();
    }

    // Unknown events are answered, not silently dropped, so a client bug is visible.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in clientEvents) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, error: errorBody('UNKNOWN_EVENT') });
    });

    for (const event of Object.keys(clientEvents) as ClientEventName[]) {
      const handler = handlers[event];
      if (handler) listen(socket, event, handler as Handler<typeof event>);
    }

    socket.on('disconnect', () => {
      if (principal.role === 'participant') presence.leave(workshopId, principal.participantId);
    });
  });

  return {
    io,
    broadcaster,
    tellRefused(p, code) {
      const target =
        p.role === 'participant' ? io.to(participantRoomOf(p.participantId)) : p.role === 'facilitator' ? io.to(facilitatorRoomOf(p.workshopId)) : null;
      target?.emit('board:refused', errorBody(code));
    },
    async retitle(workshopId, title) {
      for (const s of await io.in(roomOf(workshopId)).fetchSockets()) {
        const state = s.data.state;
        if (!state) continue;
        state.workshop.title = title;
        s.emit('state', state);
      }
    },
    endWorkshop(workshopId) {
      const room = io.in(roomOf(workshopId));
      room.emit('session:ended', errorBody('WORKSHOP_DELETED'));
      room.disconnectSockets(true);
      broadcaster.forget(workshopId);
      events.emit({ type: 'deleted', workshopId });
    },
    async close() {
      presence.close();
      broadcaster.close();
      // One instance: the clients are told the server is gone. Several: only the transports are
      // closed (io.close below), so each client reconnects, through the load balancer, to another instance.
      if (!deps.cluster) io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    },
  };
}
