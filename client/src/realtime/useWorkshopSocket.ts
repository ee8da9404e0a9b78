import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type Presence,
  type ServerToClientEvents,
  type WorkshopState,
} from '../../../shared/protocol';

export interface WorkshopSocket {
  state: WorkshopState | null;
  presence: Presence | null;
  connected: boolean;
  /** Set when the server refused us for good (bad token, removed, wrong version). */
  fatalError: string | null;
}

type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The socket.io control channel: workshop state and presence.
 * Facilitators pass token null; the session cookie is used then.
 */
export function useWorkshopSocket(workshopId: string, token: string | null, enabled = true): WorkshopSocket {
  const [state, setState] = useState<WorkshopState | null>(null);
  const [presence, setPresence] = useState<Presence | null>(null);
  const [connected, setConnected] = useState(false);
  const [fatalError, setFatalError] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const socket: ControlSocket = io({
      // WebSocket only: the upgrade request always carries an Origin header, which the server
      // requires for cookie sign-in (long-polling GETs have none). The board needs WebSockets anyway.
      transports: ['websocket'],
      auth: token ? { protocolVersion: PROTOCOL_VERSION, workshopId, token } : { protocolVersion: PROTOCOL_VERSION, workshopId },
    });
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    socket.on('state', (s) => {
      setState(s);
      setPresence(s.presence);
    });
    socket.on('presence', (p) => setPresence(p));
    socket.on('connect_error', (err) => {
      setConnected(false);
      // A refusal by the server's middleware is final; socket.io does not retry those.
      if (!socket.active) setFatalError(err.message || 'INTERNAL');
    });
    socket.on('session:ended', (reason) => {
      setFatalError(reason.code);
      socket.disconnect();
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      setConnected(false);
    };
  }, [workshopId, token, enabled]);

  return { state, presence, connected, fatalError };
}
