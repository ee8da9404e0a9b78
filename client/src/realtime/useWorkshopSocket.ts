import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { newOpId, sendOnce, sendWithRetry, type ControlSocket, type Send, type SendResult } from './sendEvent';
import { EMPTY_DATA, dataReducer, type WorkshopData } from './workshopData';
import { Outbox, isQueueable, lastViewKey, loadLastView, outboxKey, saveLastView, type QueuedAction } from './outbox';

export interface WorkshopSocket extends WorkshopData {
  connected: boolean;
  /** Set when the server refused us for good (bad token, removed, wrong version). */
  fatalError: string | null;
  /** Send an action and get the server's typed answer (or a refusal; 'NETWORK' after 5 s). */
  send: Send;
  /** Cast or retract one vote, exactly once: retried with the same opId after a timeout or reconnect. */
  vote: (action: 'cast' | 'retract', barrierId: string) => Promise<SendResult<'vote:cast'>>;
  /** Actions sent and not answered yet, and actions kept on this phone for later (the sync status counts them). */
  pendingActions: number;
}

/** What an action made without a connection answers: kept on this phone, sent on reconnect. */
export const QUEUED = 'QUEUED';

/**
 * The socket.io control channel: workshop state, presence and every view of
 * the workshop method (control, barriers, tally, votes, proposals, alarms,
 * placement round). Facilitators pass token null; the session cookie is used then.
 */
export function useWorkshopSocket(workshopId: string, token: string | null, enabled = true, participantId?: string): WorkshopSocket {
  const [data, dispatch] = useReducer(dataReducer, EMPTY_DATA);
  const [connected, setConnected] = useState(false);
  const [fatalError, setFatalError] = useState<string | null>(null);
  const socketRef = useRef<ControlSocket | null>(null);
  const [inFlight, setPendingActions] = useState(0);
  // A participant's actions made offline wait here, across reloads (see outbox.ts).
  const [outbox] = useState(() => (participantId ? new Outbox(outboxKey(workshopId, participantId)) : null));
  const [queued, setQueued] = useState(() => outbox?.list().length ?? 0);
  const flushing = useRef(false);
  // What the server last told this participant, so a reload offline still shows the workshop.
  const viewKey = participantId ? lastViewKey(workshopId, participantId) : null;
  useEffect(() => {
    const kept = viewKey ? loadLastView(viewKey) : null;
    if (kept) dispatch({ type: 'set', patch: kept });
  }, [viewKey]);
  useEffect(() => {
    if (viewKey && data.state) saveLastView(viewKey, data);
  }, [viewKey, data]);
  /** Count an action as pending until its answer (or failure) is in. */
  const track = useCallback(async <T,>(action: Promise<T>): Promise<T> => {
    setPendingActions((n) => n + 1);
    try {
      return await action;
    } finally {
      setPendingActions((n) => n - 1);
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const socket: ControlSocket = io({
      // WebSocket only: the upgrade request always carries an Origin header, which the server
      // requires for cookie sign-in (long-polling GETs have none). The board needs WebSockets anyway.
      transports: ['websocket'],
      auth: token ? { protocolVersion: PROTOCOL_VERSION, workshopId, token } : { protocolVersion: PROTOCOL_VERSION, workshopId },
    });
    socketRef.current = socket;
    const set = (patch: Partial<WorkshopData>) => dispatch({ type: 'set', patch });

    // Send what waited on this phone, in order, once per connection; each carries its opId.
    const flush = async () => {
      if (!outbox || flushing.current) return;
      flushing.current = true;
      try {
        for (const action of outbox.list()) {
          const result = await sendOnce(socket, action.event, action.payload);
          if (!result.ok && result.code === 'NETWORK') break;
          outbox.remove(action);
          setQueued(outbox.list().length);
          if (!result.ok) set({ boardRefusal: { code: result.code, at: Date.now() } });
        }
      } finally {
        flushing.current = false;
      }
      void sendOnce(socket, 'sync:request', {});
    };
    socket.on('connect', () => {
      setConnected(true);
      void flush();
    });
    socket.on('disconnect', () => setConnected(false));
    // After a reconnect, ask for every view again: something may have changed meanwhile.
    const onReconnect = () => void sendOnce(socket, 'sync:request', {});
    socket.io.on('reconnect', onReconnect);
    socket.on('state', (s) => set({ state: s, presence: s.presence }));
    socket.on('presence', (presence) => set({ presence }));
    socket.on('control', (control) => set({ control, clockOffset: control.serverNow - Date.now() }));
    socket.on('barriers', (barriers) => set({ barriers }));
    socket.on('tally', (tally) => set({ tally }));
    socket.on('my-votes', (myVotes) => set({ myVotes }));
    socket.on('proposals', (proposals) => set({ proposals }));
    socket.on('alarms', (alarms) => set({ alarms }));
    socket.on('round', (round) => set({ round }));
    socket.on('board:refused', (reason) => set({ boardRefusal: { code: reason.code, at: Date.now() } }));
    socket.on('connect_error', (err) => {
      setConnected(false);
      // A refusal by the server's middleware is final; socket.io does not retry those.
      if (!socket.active) setFatalError(err.message || 'INTERNAL');
    });
    socket.on('session:ended', (reason) => {
      // Final: no reconnecting with a token that no longer works.
      setFatalError(reason.code);
      socket.disconnect();
    });
    return () => {
      socket.removeAllListeners();
      socket.io.off('reconnect', onReconnect);
      socket.disconnect();
      socketRef.current = null;
      setConnected(false);
      dispatch({ type: 'reset' });
    };
  }, [workshopId, token, enabled]);

  /** Kept on the phone first (a reload while waiting loses nothing); dropped once the server answered. */
  const sendKept = useCallback(
    async (action: QueuedAction, attempt: () => Promise<{ ok: boolean; code?: string }>) => {
      if (!outbox) return attempt();
      outbox.add(action);
      setQueued(outbox.list().length);
      const result = await attempt();
      if (!result.ok && result.code === 'NETWORK') return { ok: false as const, code: QUEUED };
      outbox.remove(action);
      setQueued(outbox.list().length);
      return result;
    },
    [outbox],
  );

  const send = useCallback<Send>(
    (event, payload) => {
      if (!outbox || !isQueueable(event)) return track(sendOnce(socketRef.current, event, payload));
      // One opId per intended barrier or proposal, so a re-send after a reload counts once.
      const kept = (event === 'barrier:add' || event === 'proposal:add') && !(payload as { opId?: string }).opId ? { ...payload, opId: newOpId() } : payload;
      const action = { event, payload: kept } as QueuedAction;
      return track(sendKept(action, () => sendOnce(socketRef.current, event, kept))) as ReturnType<Send>;
    },
    [track, outbox, sendKept],
  );

  const vote = useCallback(async (action: 'cast' | 'retract', barrierId: string) => {
    // One opId per intended vote; every retry of this vote carries the same one.
    const opId = newOpId();
    const event = action === 'cast' ? 'vote:cast' : 'vote:retract';
    const attempt = () => sendWithRetry(() => socketRef.current, event, { opId, barrierId });
    const result = (await track(sendKept({ event, payload: { opId, barrierId } }, attempt))) as SendResult<'vote:cast'>;
    // Accepted: the server has already pushed 'my-votes' (before this answer, on the same
    // connection), so the count on screen is the server's. Refused or lost: ask for it again.
    if (!result.ok) void sendOnce(socketRef.current, 'sync:request', {});
    return result;
  }, [track, sendKept]);

  // An action kept on the phone and being sent is counted once.
  const pendingActions = Math.max(inFlight, queued);
  return { ...data, connected, fatalError, send, vote, pendingActions };
}
