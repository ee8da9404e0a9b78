/**
 * Keeps idle board connections open.
 *
 * The stock y-websocket client (3.1) closes a socket that received no message for 30 s. Phones
 * send no awareness (presence goes through socket.io), so on a quiet board nothing reaches them
 * and every phone reconnected (and re-synced) every half minute. The server therefore sends a
 * connection that was sent nothing for `intervalMs` one empty awareness update: three bytes
 * (type 1, a one-byte payload holding "0 clients"). The client counts it as traffic; applying
 * it changes nothing, emits nothing and sends no answer.
 *
 * One timer for all connections; a connection that received anything within the interval is
 * skipped. A connection that is really gone is still found by the WebSocket ping.
 */
import * as encoding from 'lib0/encoding';
import { MESSAGE_AWARENESS } from './messages';

/** An awareness update that lists no clients. */
export const KEEP_ALIVE_MESSAGE: Uint8Array = (() => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 0);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
})();

export interface KeptAlive {
  /** performance.now() of the last message sent on this connection. */
  lastSentAt: number;
  send(message: Uint8Array): void;
}

/**
 * Every `intervalMs`, sends the keep-alive to each connection that was sent nothing for half an
 * interval (the half absorbs timer jitter and the time one tick takes over thousands of
 * connections), so an idle client hears something about once per interval and never waits
 * longer than 1.5 intervals. 0 disables it.
 */
export function startKeepAlive(intervalMs: number, connections: () => Iterable<KeptAlive>): () => void {
  if (intervalMs <= 0) return () => {};
  const timer = setInterval(() => {
    const quietSince = performance.now() - intervalMs / 2;
    for (const conn of connections()) {
      if (conn.lastSentAt <= quietSince) conn.send(KEEP_ALIVE_MESSAGE);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
