import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { errorBody, type ErrorCode } from '../../shared/errors';
import {
  PROTOCOL_VERSION,
  clientEvents,
  socketAuth,
  type ClientEventName,
  type ClientEventPayload,
  type ClientEventResults,
  type ServerToClientEvents,
  type WorkshopState,
} from '../../shared/protocol';
import type { AccessControl, Principal } from '../auth/access';
import { isOriginAllowed } from '../auth/origin';
import type { ServerConfig } from '../config';
import type { Logger } from '../logger';
import type { Storage, WorkshopRecord } from '../storage/storage';
import { PresenceTracker } from './presence';

/** Inbound payloads are unknown until validated; the schemas in shared/protocol.ts decide. */
type InboundEvents = Record<ClientEventName, (payload: unknown, ack: unknown) => void>;

interface SocketData {
  principal: Principal;
  workshop: WorkshopRecord;
}

type ControlSocket = Socket<InboundEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ControlServer = Server<InboundEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A refusal with a named code, thrown by event handlers and sent back in the ack. */
export class ActionError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

type Handler<E extends ClientEventName> = (
  payload: ClientEventPayload<E>,
  socket: ControlSocket,
) => Promise<ClientEventResults[E]>;

export const roomOf = (workshopId: string) => `w:${workshopId}`;
export const facilitatorRoomOf = (workshopId: string) => `f:${workshopId}`;

export interface ControlPlaneDeps {
  httpServer: HttpServer;
  config: ServerConfig;
  access: AccessControl;
  storage: Storage;
  logger: Logger;
}

export interface ControlPlane {
  io: ControlServer;
  close(): Promise<void>;
}

/**
 * socket.io: membership, roles and presence (later: phases, votes, locks, timers).
 * Every event is validated against its schema and answered through its ack;
 * a handler that throws answers INTERNAL and never takes the process down.
 */
export function createControlPlane(deps: ControlPlaneDeps): ControlPlane {
  const { httpServer, config, access, storage, logger } = deps;
  const io: ControlServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: config.socketIo.maxMessageBytes,
    // The Yjs endpoint shares this HTTP server: let its upgrades through.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || isOriginAllowed(origin, req.headers.host, config));
    },
  });

  const presence = new PresenceTracker((workshopId) => {
    io.to(roomOf(workshopId)).except(facilitatorRoomOf(workshopId)).emit('presence', presence.countOnly(workshopId));
    io.to(facilitatorRoomOf(workshopId)).emit('presence', presence.full(workshopId));
  });

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
      const origin = socket.handshake.headers.origin;
      if (result.viaCookie && (!origin || !isOriginAllowed(origin, socket.handshake.headers.host, config))) {
        return refuse('FORBIDDEN_ORIGIN');
      }
      socket.data.principal = result.principal;
      socket.data.workshop = result.workshop;
      next();
    } catch (err) {
      logger.error('socket.io handshake failed', err);
      refuse('INTERNAL');
    }
  });

  function on<E extends ClientEventName>(socket: ControlSocket, event: E, handler: Handler<E>): void {
    // socket.io's typed `on` cannot resolve a generic event name; the schema lookup below is typed instead.
    const listen = socket.on.bind(socket) as (name: string, fn: (payload: unknown, ack: unknown) => void) => void;
    listen(event, (payload: unknown, ack: unknown) => {
      // Every event must be asked with an ack; without one there is nobody to answer.
      if (typeof ack !== 'function') return;
      const parsed = clientEvents[event].safeParse(payload);
      if (!parsed.success) {
        ack({ ok: false, error: errorBody('INVALID_PAYLOAD') });
        return;
      }
      handler(parsed.data as ClientEventPayload<E>, socket).then(
        (result) => ack({ ok: true, ...result }),
        (err: unknown) => {
          if (err instanceof ActionError) {
            ack({ ok: false, error: errorBody(err.code) });
            return;
          }
          logger.error(`socket event ${event} failed`, err);
          ack({ ok: false, error: errorBody('INTERNAL') });
        },
      );
    });
  }

  io.on('connection', (socket) => {
    const { principal, workshop } = socket.data;
    const workshopId = workshop.id;
    void socket.join(roomOf(workshopId));
    if (principal.role === 'facilitator') void socket.join(facilitatorRoomOf(workshopId));
    if (principal.role === 'participant') presence.join(workshopId, principal.participantId, principal.name);

    const state: WorkshopState = {
      protocolVersion: PROTOCOL_VERSION,
      workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode, template: workshop.template },
      you:
        principal.role === 'participant'
          ? { role: 'participant', participantId: principal.participantId, name: principal.name }
          : principal.role === 'facilitator'
            ? { role: 'facilitator', name: principal.name }
            : { role: 'screen' },
      presence: principal.role === 'facilitator' ? presence.full(workshopId) : presence.countOnly(workshopId),
    };
    socket.emit('state', state);

    // Unknown events are answered, not silently dropped, so a client bug is visible.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in clientEvents) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, error: errorBody('UNKNOWN_EVENT') });
    });

    on(socket, 'participant:rename', async ({ name }, s) => {
      const p = s.data.principal;
      if (p.role !== 'participant') throw new ActionError('NOT_ALLOWED');
      await storage.renameParticipant(p.participantId, name);
      p.name = name;
      presence.rename(workshopId, p.participantId, name);
      return { name };
    });

    socket.on('disconnect', () => {
      if (principal.role === 'participant') presence.leave(workshopId, principal.participantId);
    });
  });

  return {
    io,
    async close() {
      presence.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    },
  };
}
